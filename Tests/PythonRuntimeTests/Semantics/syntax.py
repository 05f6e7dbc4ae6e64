#### unclosed paren
x = (1, 2
#### expected colon
if x
    pass
#### unexpected indent
x = 1
    y = 2
#### unindent mismatch
if True:
        x = 1
    y = 2
#### expected indented block
if True:
x = 1
#### invalid syntax
x = = 1
#### missing comma
print(1 2)
#### assign to literal
1 = x
#### assign to call
f() = 1
#### keyword argument repeated
f(a=1, a=2)
#### positional after keyword
f(a=1, 2)
#### return outside function
return 5
#### break outside loop
break
#### unterminated string
x = 'abc
#### unterminated triple
x = """abc
#### print statement
print "hello"
#### non default after default
def f(a=1, b):
    pass
#### mismatched bracket
x = (1, 2]
#### unmatched closer
x = 1)
#### leading zero
x = 012
#### tab error
if True:
        x = 1
	y = 2
#### tabs consistently
if True:
	x = 1
	if x:
		y = 2
print(x, y)
