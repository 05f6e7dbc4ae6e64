#### type error in nested call
def scale(x, factor):
    return x * factor
def build(n):
    return scale(n, None)
build(3)
#### attribute error on str
"abc".push(1)
#### wrong method args
[].append()
#### missing argument nested
def outer():
    def inner(a, b):
        return a
    return inner(1)
outer()
#### index error in loop
items = [1, 2, 3]
for i in range(4):
    print(items[i])
#### none arithmetic
shape = (None, 32)
print(shape[0] * 2)
#### unpack in for
for a, b in [(1, 2), (3,)]:
    print(a, b)
#### key error message
d = {"units": 1}
d["unit"]
#### len of int
len(5)
#### call string
"abc"()
#### str plus int in fstring ok
x = 3
print(f"{x}" + str(x) + "3")
#### sum of strings
sum(["a", "b"], "")
#### assert no message
assert 1 == 2
#### zero step slice
[1, 2][::0]
#### float int overflow
int(float("inf"))
#### compare list tuple
print([1] == (1,), [1] < [1, 0])
[1] < (1,)
