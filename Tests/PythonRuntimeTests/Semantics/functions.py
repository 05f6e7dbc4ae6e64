#### defaults and keywords
def conv_block(x, filters, kernel_size=3, strides=1, *, name=None):
    return (x, filters, kernel_size, strides, name)
print(conv_block(1, 32))
print(conv_block(1, 32, 5, name='b1'))
print(conv_block(x=1, filters=2, strides=2))
#### missing argument
def conv_block(x, filters):
    return x
conv_block(1)
#### missing two arguments
def f(a, b, c):
    pass
f(1)
#### missing three
def f(a, b, c):
    pass
f()
#### too many positional
def f(a, b):
    pass
f(1, 2, 3)
#### too many with defaults
def f(a, b=1):
    pass
f(1, 2, 3)
#### zero positional
def f():
    pass
f(1)
#### unexpected keyword
def f(a):
    pass
f(a=1, b=2)
#### multiple values
def f(a, b):
    pass
f(1, a=2)
#### missing keyword only
def f(a, *, k):
    pass
f(1)
#### varargs kwargs
def f(*args, **kwargs):
    return args, kwargs
print(f(1, 2, x=3))
def g(a, *rest, sep='-', **opts):
    return a, rest, sep, opts
print(g(1), g(1, 2, 3, sep='+', z=0))
args = [1, 2]
kw = {'b': 3}
def h(a, b, c=0):
    return a + b + c
print(h(*args), h(1, **kw), h(*[1], **{'b': 2, 'c': 3}))
#### mutable default
def f(x, acc=[]):
    acc.append(x)
    return acc
f(1)
print(f(2))
#### closures late binding
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in gs])
#### closure counter
def make():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make()
c()
print(c(), c())
#### nested function reads enclosing
def outer(n):
    def inner(k):
        return n * k
    return inner(3)
print(outer(5))
#### recursion
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
#### lambda
sq = lambda x: x * x
print(sq(4), (lambda a, b=2: a + b)(1), sorted([3, 1, 2], key=lambda v: -v))
#### function repr name
def f():
    pass
print(f.__name__, callable(f), callable(1))
#### return none
def f():
    pass
print(f())
#### keyword only bare star
def f(a, *, b=2):
    return a + b
print(f(1), f(1, b=5))
#### too many with keyword only given
def f(a, *, b):
    pass
f(1, 2, b=3)
#### nested qualname error
def outer():
    def inner(a):
        pass
    inner()
outer()
#### recursion limit
def f(n):
    return f(n + 1)
f(0)
