#### division
print(7 / 2, 7 // 2, -7 // 2, 7 // -2, -7 % 3, 7 % -3, 7.5 // 2, -7.5 // 2, -7.5 % 2, 1 / 3)
#### floats
print(1e-4, 1e-5, 1e16, 1e15, 123456789012345678.0, 0.1 + 0.2, 1 / 255, 2.0 ** 0.5, -0.0, 1e300 * 1e10, 3.0, 100.0, 1.5e-7)
#### repr floats
print(repr(0.1), repr(1.0 / 3), [1.0, 2.5], (0.5,), 1_000.5, 2e-3)
#### ints
print(1_000_000, 0xff, 0o17, 0b101, 2 ** 62, -2 ** 2, (-2) ** 2, 2 ** -1, 10 ** 0, 7 * 7 * 128)
#### mixed
print(1 + 2.0, 3 * 1.5, True + True, 10 - True, 2 ** 3 ** 2, -3 ** 2, ~5, 6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3)
#### int big literal
print(9223372036854775807, -9223372036854775808)
#### zero division
print(1 / 0)
#### zero floordiv
print(5 // 0)
#### zero mod
print(5 % 0)
#### float zero
print(5.0 / 0)
#### comparisons
print(1 < 2 < 3, 1 < 2 > 3, 1 == 1.0, 2 != 2, 'a' < 'b', (1, 2) < (1, 3), [1, 2] == [1, 2], None is None, 1 is not None, 3 in [1, 2, 3], 'x' not in 'abc', 'bc' in 'abc')
#### compare error
print(1 < 'a')
#### bool ops
print(0 or 5, 3 and 4, not 0, None or 'x', [] and 1, 1 if 0 else 2, 'yes' if [1] else 'no')
#### round and abs
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(7), abs(-3), abs(-2.5), round(0.5), round(1.5))
#### divmod pow
print(divmod(7, -2), divmod(7.5, 2), pow(2, 10), pow(2, -1), pow(3, 4, 5))
#### unary on str
print(-'a')
#### add str int
print('a' + 1)
#### int plus str
print(1 + 'a')
#### augmented
x = 5
x += 2
x *= 3
x //= 4
x -= 1
x **= 2
x %= 7
print(x)
y = 1.5
y /= 2
print(y)
