#### bool bitwise
print(True & False, True | False, True ^ True, True & 3, ~True, -True, True << 2)
#### docstrings and annotations
def area(w: int, h: int = 2) -> int:
    """The area."""
    return w * h
x: int = area(3)
print(x, area.__name__)
#### fibonacci swap
a, b = 0, 1
for _ in range(10):
    a, b = b, a + b
print(a, b)
#### dict from zip and sorted items
keys = ["b", "a", "c"]
d = dict(zip(keys, [2, 1, 3]))
print(d, sorted(d.items(), key=lambda kv: kv[1], reverse=True), max(keys, key=len), min(d, key=d.get))
#### nested comprehension scopes
n = 3
grid = [[i * n + j for j in range(n)] for i in range(n)]
print(grid, [row[-1] for row in grid], sum(sum(r) for r in grid))
#### string slicing and steps
s = "keras_layers_conv2d"
print(s.split("_")[-1], s[:5].upper(), s[::-2], s[-6:-1], s.title(), s.count("a"), s.find("z"))
#### conditional chains
def size_class(n):
    return "small" if n < 10 else "medium" if n < 100 else "large"
print([size_class(v) for v in (1, 50, 500)])
#### while else break
i = 0
while i < 10:
    i += 3
    if i > 5:
        break
else:
    print("no")
print(i)
#### nonlocal and global mixing
total = 0
def outer():
    count = 0
    def inner():
        global total
        nonlocal count
        count += 1
        total += 10
    inner()
    inner()
    return count
print(outer(), total)
#### default evaluated once
def make(v=[]):
    v.append(len(v))
    return v
make()
make()
print(make())
#### varargs forwarding
def inner(a, b, c=0, **kw):
    return a + b + c + sum(kw.values())
def outer(*args, **kwargs):
    return inner(*args, **kwargs)
print(outer(1, 2), outer(1, 2, 3), outer(1, b=2, z=4))
#### int and float edge formats
print(10 / 5, 7 // 2.0, 2 ** 0.5, 1e3, 1.5e-3 * 1000, 3 % -2, -3 % 2, round(-0.5), int("-0"), float("1_000.5"))
#### chained methods
print(" A,b ,C ".strip().lower().replace(" ", "").split(","))
#### print of functions types
print(type(len).__name__, type(print) == type(len), type(3.0).__name__, type(None).__name__)
#### enumerate object listing
e = enumerate(["a", "b"])
print(list(e), list(zip()))
#### slices of ranges
r = range(10)
print(r[2:5], r[::-1][0], list(r[1::3]), len(r[::2]), r.index(3) if hasattr(r, "index") else "-")
#### numeric and tuple hashes
print(hash(1), hash(-1), hash(1.0), hash(True), hash(-9223372036854775807), hash(2 ** 61), hash(0.5), hash(-2.75), hash(1e300), hash(float("inf")), hash((1, 2)), hash(()), hash((1, (2.5, -1))), hash(None) == hash(None))
#### unbound methods
names = ["Conv", "dense", "Add"]
print(sorted(names, key=str.lower), list(map(str.upper, names)), str.join("-", names))
a = []
list.append(a, 3)
print(a, dict.get({"k": 1}, "k"), tuple.count((1, 1, 2), 1))
#### unbound method wrong type
str.lower(3)
