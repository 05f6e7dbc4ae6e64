#### lists
a = [1, 2, 3]
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, a.pop(), a.pop(0), a, a.index(3), len(a), a[-1], a[1:3], a[::-1], a[::2])
#### list aliasing
a = b = []
a.append(1)
print(b)
c = a[:]
c.append(2)
print(a, c)
#### list methods more
a = [3, 1, 2]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a.count(2))
a.remove(2)
print(a)
#### tuples
t = (1, 2) + (3,)
print(t, t * 2, (1,), (), t[1:], len(t), t.index(3), 1 in t)
x = 1, 2
print(x)
#### unpacking
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (1, 2), 3
print(c, d, e)
f, *g = [1, 2, 3]
*h, i = 'abc'
print(f, g, h, i)
for k, v in [(1, 'a'), (2, 'b')]:
    print(k, v)
#### unpack too many
a, b = [1, 2, 3]
#### unpack too few
a, b, c = [1, 2]
#### unpack non iterable
a, b = 5
#### dicts
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, d['a'], d.get('z'), d.get('z', 0), list(d.keys()), list(d.values()), list(d.items()), len(d), 'a' in d)
d.update({'a': 10}, e=5)
print(d)
for k in d:
    print(k, end=' ')
print()
print(d.pop('b'), d)
#### dict key error
d = {'a': 1}
print(d['b'])
#### dict equality and order
print({1: 'a', 2: 'b'} == {2: 'b', 1: 'a'}, {1: 1} == {1: 1.0}, {True: 'x', 1: 'y'})
#### dict views
d = {'a': 1}
print(d.items(), d.keys(), d.values())
#### unhashable
d = {}
d[[1]] = 2
#### comprehensions
print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0], [(i, j) for i in range(3) for j in range(i)], {k: k ** 2 for k in range(4)}, [[j for j in range(i)] for i in range(3)])
print(sum(x for x in range(5)), tuple(d for d in (1, 2)), any(x > 3 for x in [1, 5]), all(x > 0 for x in []))
#### comprehension scope
x = 'outer'
y = [x for x in range(3)]
print(x, y)
#### nested slicing
a = list(range(10))
print(a[2:8:2], a[-2:], a[:-7], a[8:2:-2], a[::-3], a[100:], a[-100:2])
a[1:3] = ['x']
print(a)
del a[0]
print(a)
del a[::2]
print(a)
#### list index error
a = [1]
print(a[3])
#### list assignment error
a = [1]
a[5] = 2
#### list plus tuple
print([1] + (2,))
#### in place list add
a = [1]
b = a
a += [2]
print(b)
a = a + [3]
print(b, a)
#### repr nested
a = [1]
a.append(a)
print(a)
#### sets
s = {1, 2, 2, 3}
print(len(s), 2 in s, sorted(s))
#### star in display
a = [1, 2]
print([*a, 3], (*a,), [*'ab'])
