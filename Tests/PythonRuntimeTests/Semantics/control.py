#### if elif else
for n in [1, 5, 10]:
    if n < 3:
        print('small')
    elif n < 7:
        print('medium')
    else:
        print('large')
#### while
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print(n)
else:
    print('no break')
print('done', n)
#### for else
for i in range(3):
    pass
else:
    print('completed')
#### range forms
print(list(range(5)), list(range(2, 8, 2)), list(range(5, 0, -1)), list(range(0)), range(3), len(range(0, 10, 3)), range(10)[2], range(10)[::2], 3 in range(5))
#### enumerate zip
for i, (a, b) in enumerate(zip('ab', [1, 2]), start=1):
    print(i, a, b)
print(list(zip([1, 2, 3], 'ab')), list(enumerate([])))
#### builtins
print(len([1, 2]), len('abc'), len({'a': 1}), max(1, 5, 3), min([4, 2]), max([], default=0), sum([1, 2, 3]), sum([0.5, 0.5], 1), sorted([3, 1, 2]), sorted('bca'), list(reversed([1, 2, 3])), any([0, 1]), all([1, 0]), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(int('42'), int(3.9), int(-3.9), float('1e-3'), float(2), str(3), bool(''), bool('x'), list('ab'), tuple([1]), dict(a=1), dict([(1, 2)]), int('ff', 16), type(1).__name__, type('a') == str)
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance('a', str), isinstance([], list), isinstance(None, int), isinstance({}, dict), isinstance((), tuple))
print(getattr('a', 'upper')(), hasattr([], 'append'), hasattr(1, 'nope'), getattr(1, 'nope', 'default'))
#### print sep end
print(1, 2, 3, sep='-', end='!\n')
print('a', 'b', sep='')
print()
print('x', end='')
print('y')
#### assert
x = 1
assert x == 1
assert x == 2, 'x must be 2'
#### raise
raise ValueError('bad value')
#### max empty
max([])
#### int parse error
int('abc')
#### isinstance bad
isinstance(1, 2)
#### step through nested loops
total = 0
for i in range(10):
    for j in range(10):
        if (i + j) % 2:
            total += i * j
print(total)
#### semicolons
a = 1; b = 2; print(a + b)
#### multiline statement
x = (1 +
     2 +
     3)
y = [
    1,
    2,
]
z = 1 + \
    2
print(x, y, z)
#### chained assignment
a = b = c = 5
print(a, b, c)
#### attribute on int
(1).foo
#### call non callable
x = 5
x()
#### subscript non subscriptable
x = 5
x[0]
#### main guard
def main():
    print("running", __name__)
if __name__ == "__main__":
    main()
#### set attribute on list
a = []
a.x = 1
#### set method attribute on list
a = []
a.append = 1
