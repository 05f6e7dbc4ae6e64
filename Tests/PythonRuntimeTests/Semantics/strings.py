#### fstrings
name = 'conv'
i = 3
x = 3.14159
print(f"{name}_{i}", f"block{i}_conv", f"{x:.2f}", f"{i:02d}", f"{i:>4}|", f"{name!r}", f"{{literal}}", f"{i * 2 + 1}", f"{x:.3e}", f"{1234567:,}", f"{0.25:.1%}")
#### fstring nested spec
w = 8
p = 3
print(f"{3.14159:{w}.{p}f}|", f"{'ab':^{w}}|")
#### fstring self doc
x = 4
print(f"{x=}", f"{x = }", f"{x*2=}")
#### fstring dict access
d = {'a': 1}
print(f"{d['a']}", f'{d["a"]}')
#### string methods
s = '  Hello, World  '
print(s.strip(), s.lower(), s.upper(), s.strip().split(', '), 'a b  c'.split(), ','.join(['x', 'y']), 'abc'.replace('b', 'B'), 'conv2d'.startswith('conv'), 'x.py'.endswith(('.py', '.txt')), 'abc'.find('c'), 'a-b-c'.rsplit('-', 1), 'a b c'.split(None, 1), 'xxaxx'.strip('x'), 'hello world'.title(), '7'.zfill(3))
#### format method
print('{} and {}'.format(1, 'b'), '{0}{1}{0}'.format('a', 'b'), '{name}:{v:.1f}'.format(name='x', v=2.25), '{:>6}|{:<4}|{:^5}|'.format('r', 'l', 'c'), '{!r}'.format('q'))
#### percent format
print('%d items' % 3, '%s=%r' % ('a', 'b'), '%.3f' % 3.14159, '%5d|%-5d|' % (42, 42), '%x %o %%' % (255, 8), '%05.1f' % 2.25)
#### repr strings
print(repr('a'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\tnew\nline'), repr('\\'), str('x'), repr(''), repr('é'))
#### indexing and slicing
s = 'abcdef'
print(s[0], s[-1], s[1:3], s[::-1], s[::2], s[-3:], s[:100], s[4:1], s[5:0:-2], len(s))
#### string index error
print('abc'[5])
#### concatenation and repetition
print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'a' * 0, 'a' * -1)
#### string escapes
print('a\tb', "c\\d", 'e\'f', "\x41\u00e9", r'\n raw', '''triple
quoted''', """x""")
#### implicit concatenation
print('a' 'b' "c", f'{1}' 'x')
#### join non string
print(','.join([1, 2]))
#### str of containers
print(str([1, 'a']), str({'k': (1,)}), str((None, True)), [0.1, 'x'], {'a': [1, 2]})
#### more str methods
print("conv2d_1".removeprefix("conv"), "model.keras".removesuffix(".keras"), "x".removesuffix(""), "ab12".isalnum(), "a b".isalnum(), " \t".isspace(), "".isspace(), "12".isnumeric(), "1.5".isdecimal(), "Keras".swapcase(), "ÉCOLE".casefold())
