"""Case generators for Keras's image preprocessing layers: Rescaling, Resizing, CenterCrop and
RandomCrop.
"""

from golden_common import Case, batch_dim, inp, layout, styled, with_randoms


def _image(rng, data_format=None, channels=None, p_none=0.3):
    """A random image batch shape (channels_last unless data_format says otherwise)."""
    spatial = [None if rng.random() < p_none else rng.randint(1, 64) for _ in range(2)]
    c = channels if channels is not None else rng.choice([1, 3, 3, 4, None])
    return layout(batch_dim(rng), spatial, c, data_format)


def pixel_dtype(rng):
    return rng.choice(["float32", "float32", "float32", "int32", "uint8", "float16"])


def rescaling_cases(rng):
    def random_case(g):
        args = [("scale", g.choice([0.00392156862745098, 0.5, 2, 0.00784313725490196, -1.0]))]
        if g.random() < 0.5:
            args.append(("offset", g.choice([0.0, -1.0, 0.5, 3])))
        if g.random() < 0.2:
            args.append(("dtype", g.choice(["float16", "bfloat16", "mixed_float16", "float64"])))
        rank = g.randint(2, 5)
        shape = (batch_dim(g), *[None if g.random() < 0.3 else g.randint(1, 32) for _ in range(rank - 1)])
        return Case(styled(g, "Rescaling", args, ["scale", "offset"]), [inp(shape, pixel_dtype(g))])

    fixed = [
        Case("Rescaling(0.00392156862745098)", [inp((None, 224, 224, 3), "uint8")]),
        Case("Rescaling(0.00784313725490196, offset=-1)", [inp((8, 32, 32, 3))]),
        Case("Rescaling(scale=2.0, offset=1.0)", [inp((None, None, None, 3), "int32")]),
        Case("Rescaling(0.5)", [inp((None,), "int64")]),
        Case("Rescaling(0.5)", [inp((None, 4), "string")]),
        Case("Rescaling(0.5)", [inp((None, 4), "bool")]),
        Case("Rescaling(0.5, dtype='float16')", [inp((None, 4), "int32")]),
        Case("Rescaling(0.5, dtype='mixed_float16')", [inp((None, 4, 5))]),
        Case("Rescaling(0.5, dtype='int32')", [inp((None, 4), "int32")]),
        Case("Rescaling([0.5, 1.0, 2.0])", [inp((None, 4, 4, 3))]),
        Case("Rescaling('a')", [inp((None, 4))]),
        Case("Rescaling()", [inp((None, 4))]),
        Case("Rescaling(1.0, 0.0, 3)", [inp((None, 4))]),
        Case("Rescaling(1.0, bias=2.0)", [inp((None, 4))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def _size_cases(cls):
    """Fixed cases shared by Resizing and CenterCrop (same axis rule)."""
    return [
        Case(f"{cls}(4, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(height=16, width=9)", [inp((2, None, None, 3))]),
        Case(f"{cls}(4, 5)", [inp((None, 8, 3))]),
        Case(f"{cls}(4, 5, data_format='channels_first')", [inp((None, 3, 8, 8))]),
        Case(f"{cls}(4, 5, data_format='channels_first')", [inp((None, 3, 8))]),
        Case(f"{cls}(0, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(None, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(True, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5)", [inp((None, 8, 8, 3), "int32")]),
        Case(f"{cls}(4, 5)", [inp((None, 8, 8, 3), "uint8")]),
        Case(f"{cls}(4, 5, dtype='float16')", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5, dtype='mixed_bfloat16')", [inp((None, 8, 8, 3), "int32")]),
        Case(f"{cls}(4, 5, bounding_box_format='xywh')", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5, factor=0.5)", [inp((None, 8, 8, 3))]),
        # errors: sizes that are not sizes, layouts without height and width
        Case(f"{cls}(-4, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4.5, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}('4', 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}((4, 4), 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5, data_format='channels_middle')", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5)", [inp((None,))]),
        Case(f"{cls}(4, 5, data_format='channels_first')", [inp((None, 8))]),
    ]


def _random_size(cls, positional):
    def random_case(g):
        fmt = g.choice([None, None, "channels_last", "channels_first"])
        args = [("height", g.randint(1, 300)), ("width", g.randint(1, 300))]
        if cls == "Resizing" and g.random() < 0.4:
            args.append(("interpolation", g.choice(["nearest", "bilinear", "bicubic", "area", "lanczos3"])))
        if cls == "Resizing" and g.random() < 0.3:
            args.append((g.choice(["crop_to_aspect_ratio", "pad_to_aspect_ratio"]), True))
        if cls == "RandomCrop" and g.random() < 0.3:
            args.append(("seed", g.randint(0, 1000)))
        if fmt is not None:
            args.append(("data_format", fmt))
        return Case(styled(g, cls, args, positional), [inp(_image(g, fmt), pixel_dtype(g))])

    return random_case


def resizing_cases(rng):
    fixed = _size_cases("Resizing") + [
        Case("Resizing(4, 5)", [inp((None, 8))]),
        Case("Resizing(4, 5)", [inp((None, 3, 8, 8, 3))]),
        Case("Resizing(4, 5, data_format='channels_first')", [inp((None, 3, 3, 8, 8))]),
        Case("Resizing(4, 5, interpolation='no_such_mode', fill_mode='nope')", [inp((None, 8, 8, 3))]),
        Case("Resizing(4, 5, crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)", [inp((None, 8, 8, 3))]),
        Case("Resizing(4, 5, antialias=True, fill_value=1.0)", [inp((None, 8, 8, 3), "string")]),
    ]
    return with_randoms(fixed, rng, _random_size("Resizing", ["height", "width"]), 8)


def center_crop_cases(rng):
    fixed = _size_cases("CenterCrop") + [
        Case("CenterCrop(4, 5)", [inp((None, 8))]),
        Case("CenterCrop(4, 5)", [inp((None, 3, 8, 8, 3))]),
        Case("CenterCrop(20, 20)", [inp((None, 8, 8, 3))]),
    ]
    return with_randoms(fixed, rng, _random_size("CenterCrop", ["height", "width"]), 6)


def random_crop_cases(rng):
    fixed = [
        Case("RandomCrop(4, 5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5)", [inp((None, 8, 3))]),
        Case("RandomCrop(4, 5)", [inp((None, 2, 8, 8, 3))]),
        Case("RandomCrop(4, 5, seed=3, data_format='channels_first')", [inp((None, 3, 8, 8))]),
        Case("RandomCrop(4, 5, data_format='channels_first')", [inp((None, 8))]),
        Case("RandomCrop(height=4, width=5, name='crop')", [inp((2, None, None, 3), "int32")]),
        Case("RandomCrop(None, 5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(40, 50)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, dtype='float16')", [inp((None, 8, 8, 3), "uint8")]),
        Case("RandomCrop(4, 5, factor=0.5, bounding_box_format='xyxy')", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, factor=1.5)", [inp((None, 8, 8, 3))]),
        # errors
        Case("RandomCrop(4, 5)", [inp((None, 8))]),
        Case("RandomCrop(4, 5, data_format='channels_first')", [inp((None,))]),
        Case("RandomCrop(4, 5, seed=1.5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, seed='abc')", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(-1, 5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5.0)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, data_format='nhwc')", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4)", [inp((None, 8, 8, 3))]),
    ]
    return with_randoms(fixed, rng, _random_size("RandomCrop", ["height", "width", "seed"]), 8)
