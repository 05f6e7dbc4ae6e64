#### global
count = 0
def inc():
    global count
    count += 1
inc()
inc()
print(count)
#### unbound local
x = 1
def f():
    print(x)
    x = 2
f()
#### read global
x = 10
def f():
    return x + 1
print(f())
#### name error
print(undefined_name)
#### name error in function
def f():
    return lenght
f()
#### loop variable leaks
for i in range(3):
    pass
print(i)
#### shadow builtin
len = 5
print(len)
#### del name
x = 1
del x
print(x)
#### nonlocal without binding
def outer():
    def inner():
        nonlocal missing
        missing = 1
    return inner
#### nonlocal through two levels
def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x += 1
        c()
        return x
    return b()
print(a())
