#### constants and tuples
img_size = (180, 180)
input_shape = img_size + (3,)
num_classes = 10
batch_size = 128
print(input_shape, num_classes, 7 * 7 * 128, 1.0 / 255, 28 // 2, input_shape[:-1], input_shape[-1])
#### block names
for i, filters in enumerate([32, 64, 128]):
    name = f"block{i + 1}_conv"
    print(name, filters, f"{filters:4d}|", "conv_%d" % i, "{}_{}".format("pool", i))
#### helper functions
def conv_block(x, filters, kernel_size=3, strides=1, activation="relu", name=None):
    parts = [x, filters, kernel_size, strides, activation]
    if name is not None:
        parts.append(name)
    return parts

print(conv_block("input", 32))
print(conv_block("input", 64, strides=2, name="b2"))
#### building lists in loops
layers_list = []
for size in [256, 512, 728]:
    layers_list.append(("SeparableConv2D", size))
    layers_list += [("BatchNormalization",)]
print(len(layers_list), layers_list[0], layers_list[-1])
#### residual style
previous = "x0"
x = "x1"
for step in range(3):
    residual = previous
    x = x + "+" + residual if step % 2 == 0 else x
    previous = x
print(x)
#### dict configs
config = {"units": 64, "activation": "relu", "dropout": 0.5}
for key, value in config.items():
    print(key, "=", value)
print(config, sorted(config), {**config, "units": 128})
#### shape arithmetic
shape = (None, 28, 28, 1)
h, w = shape[1:3]
print(h * w, shape[-1], [d for d in shape if d is not None], shape.count(28), shape.index(1))
print(h // 2 // 2, (h - 3 + 2 * 1) // 2 + 1, max(1, h // 8), int(h / 3), round(h / 3, 2))
#### while with bound
n = 224
downsamples = 0
while n > 7:
    n //= 2
    downsamples += 1
print(n, downsamples)
#### string building
names = ["conv", "bn", "relu"]
print("_".join(names), "-".join(f"{n}{i}" for i, n in enumerate(names)), ", ".join(map(str, [1, 2.5, None])))
print("Model: %s, params: %d, ratio: %.2f" % ("cnn", 1234567, 0.123456))
print(f"Total params: {1234567:,}", f"{0.98765:.1%}", f"{3:>5}", f"{'x':*^7}", f"{-3.5:+.1f}")
#### float display
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 1e-7, 123456.789, 1e22, 1.0e-4, 5e-324, 1.7976931348623157e308, -0.0, 3.0 * 1.1)
print(float("inf"), float("-inf"), float("nan"), 2.5e-5 * 2, 100 / 3, 1e16 / 3)
#### nested functions and closures in loops
def make_blocks(n):
    blocks = []
    for i in range(n):
        def block(x, i=i):
            return f"{x}->b{i}"
        blocks.append(block)
    return blocks
x = "in"
for b in make_blocks(3):
    x = b(x)
print(x)
#### sorted and keys
data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), max(data, key=lambda t: t[1]), min(data)[0])
#### list slicing assignment and copies
a = list(range(8))
b = a[::2]
a[::2] = [0] * 4
print(a, b, a[1::3], a[-1:-4:-1])
#### int conversions
print(int("12"), int(" -7 "), int(2.999), int(-0.5), float("3"), str(10) + "px", bool(0.0), int(True) + 1)
#### truthiness
for v in [0, 1, "", "a", [], [0], {}, {"a": 1}, None, (), (0,), 0.0]:
    print(bool(v), end=" ")
print()
#### enumerate start and zip three
for i, (a, b, c) in enumerate(zip([1, 2], "xy", [True, False]), 1):
    print(i, a, b, c)
#### any all with generators
sizes = [32, 64, 128]
print(any(s > 100 for s in sizes), all(s % 32 == 0 for s in sizes), sum(s * 2 for s in sizes), list(reversed(sizes)))
#### print of nested containers
print([(1, "a"), {"k": [1.5, None]}, (True,)], {"x": (1, 2)}, [[]], ((),))
