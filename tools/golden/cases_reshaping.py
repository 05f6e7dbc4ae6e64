"""Case generators for reshaping layers: Flatten, Reshape, ZeroPadding2D, UpSampling2D."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, with_randoms


def flatten_cases(rng):
    def random_case(g):
        rank = g.randint(2, 5)
        shape = (batch_dim(g), *[None if g.random() < 0.25 else g.randint(1, 12) for _ in range(rank - 1)])
        args = fmt_kwargs(g.choice([None, None, "channels_last", "channels_first"]))
        return Case(styled(g, "Flatten", args, ["data_format"]), [inp(shape)])

    fixed = [
        Case("Flatten()", [inp((None, 7, 7, 64))]),
        Case("Flatten()", [inp((None, 7, 7, 64))], list_input=True),
        Case("Flatten(autocast=False)", [inp((None, 7, 7, 64), "float64")]),
        Case("Flatten(autocast=0)", [inp((None, 7, 7, 64), "float16")]),
        Case("Flatten()", [inp((None, None, None, 3))]),
        Case("Flatten()", [inp((None, 5, None))]),
        Case("Flatten()", [inp((8, 2, 3, 4, 5))]),
        Case("Flatten()", [inp((None, 10))]),
        Case("Flatten()", [inp((None,))]),
        Case("Flatten()", [inp((4,))]),
        Case("Flatten(data_format='channels_first')", [inp((None, 3, 4, 5))]),
        Case("Flatten('channels_first')", [inp((None, 3, None, 5))]),
        Case("Flatten(data_format='channels_first')", [inp((2, 3))]),
        Case("Flatten(data_format='channels_middle')", [inp((None, 3, 4))]),
        Case("Flatten()", [inp((None, 3, 4), "int32")]),
        Case("Flatten()", [inp((None, 3, 4), "float16")]),
        Case("Flatten()", [inp((None, 3, 4), "bool")]),
        Case("Flatten(dtype='bfloat16')", [inp((None, 3, 4))]),
        Case("Flatten(dtype='mixed_float16')", [inp((None, 3, 4), "int32")]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def reshape_cases(rng):
    def random_case(g):
        dims = [g.randint(1, 6) for _ in range(g.randint(1, 4))]
        total = 1
        for d in dims:
            total *= d
        target = list(dims)
        if g.random() < 0.5:
            target[g.randrange(len(target))] = -1
        g.shuffle(dims)
        src = [None if g.random() < 0.2 else d for d in dims]
        return Case(render("Reshape", [("target_shape", tuple(target))], g.randint(0, 1)), [inp((batch_dim(g), *src))])

    fixed = [
        Case("Reshape((-1,))", [inp((None, 4, 4, 3))]),
        Case("Reshape((16, 3))", [inp((None, 4, 4, 3))]),
        Case("Reshape((-1, 3))", [inp((None, 4, 4, 3))]),
        Case("Reshape((-1, 3))", [inp((None, None, None, 3))]),
        Case("Reshape((4, -1))", [inp((None, None, 6))]),
        Case("Reshape(target_shape=(2, 2, -1))", [inp((8, 12))]),
        Case("Reshape([3, 4])", [inp((None, 12))]),
        Case("Reshape((12,))", [inp((None, 3, 4))]),
        Case("Reshape((1, 1, 12))", [inp((2, 12))]),
        Case("Reshape((-1, 5))", [inp((None, 12))]),
        Case("Reshape((5, 5))", [inp((None, 12))]),
        Case("Reshape((-1, -1))", [inp((None, 12))]),
        Case("Reshape((0, 12))", [inp((None, 12))]),
        Case("Reshape((-2, 6))", [inp((None, 12))]),
        Case("Reshape((5, 5))", [inp((None, None))]),
        Case("Reshape(12)", [inp((None, 3, 4))]),
        Case("Reshape(())", [inp((None, 1))]),
        Case("Reshape((3, 4))", [inp((None, 3, 4), "int32")]),
        Case("Reshape((-1,), dtype='float16')", [inp((None, 3, 4))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def zero_padding2d_cases(rng):
    def random_case(g):
        data_format = g.choice([None, None, "channels_last", "channels_first"])
        kind = g.choice(["int", "pair", "pairs"])
        if kind == "int":
            padding = g.randint(0, 4)
        elif kind == "pair":
            padding = (g.randint(0, 4), g.randint(0, 4))
        else:
            padding = ((g.randint(0, 3), g.randint(0, 3)), (g.randint(0, 3), g.randint(0, 3)))
        spatial = [None if g.random() < 0.3 else g.randint(1, 32) for _ in range(2)]
        shape = layout(batch_dim(g), spatial, g.randint(1, 16), data_format)
        args = [("padding", padding)] + fmt_kwargs(data_format)
        return Case(styled(g, "ZeroPadding2D", args, ["padding", "data_format"]), [inp(shape)])

    fixed = [
        Case("ZeroPadding2D()", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(2)", [inp((None, None, 5, 3))]),
        Case("ZeroPadding2D((1, 2))", [inp((4, 5, 5, 3))]),
        Case("ZeroPadding2D(((0, 1), (2, 3)))", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(padding=((1, 0), (0, 1)))", [inp((None, 224, 224, 3))]),
        Case("ZeroPadding2D(((1, 1), (2, 2)), data_format='channels_first')", [inp((None, 3, 5, 7))]),
        Case("ZeroPadding2D(0)", [inp((None, 1, 1, 1))]),
        Case("ZeroPadding2D([1, 2])", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D((1, 2, 3))", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(((1, 2), 3))", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(((1, 2), (3,)))", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(-1)", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(1.5)", [inp((None, 5, 5, 3))]),
        Case("ZeroPadding2D(1)", [inp((None, 5, 3))]),
        Case("ZeroPadding2D(1)", [inp((None, 5, 5, 5, 3))]),
        Case("ZeroPadding2D(1)", [inp((None, 5, 5, 3), "int32")]),
        Case("ZeroPadding2D(1, dtype='float16')", [inp((None, 5, 5, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def upsampling2d_cases(rng):
    def random_case(g):
        data_format = g.choice([None, None, "channels_last", "channels_first"])
        size = g.choice([2, 3, (2, 2), (1, 3), (3, 2)])
        spatial = [None if g.random() < 0.3 else g.randint(1, 32) for _ in range(2)]
        shape = layout(batch_dim(g), spatial, g.randint(1, 16), data_format)
        args = [("size", size)] + fmt_kwargs(data_format)
        if g.random() < 0.4:
            args.append(("interpolation", g.choice(["nearest", "bilinear", "bicubic", "area"])))
        return Case(styled(g, "UpSampling2D", args, ["size", "data_format", "interpolation"]), [inp(shape)])

    fixed = [
        Case("UpSampling2D()", [inp((None, 5, 5, 3))]),
        Case("UpSampling2D(3)", [inp((None, None, 5, 3))]),
        Case("UpSampling2D((2, 3))", [inp((2, 4, 4, 1))]),
        Case("UpSampling2D(size=2, interpolation='bilinear')", [inp((None, 7, 7, 8))]),
        Case("UpSampling2D(2, data_format='channels_first')", [inp((None, 8, 7, 5))]),
        Case("UpSampling2D(2, 'channels_first', 'nearest')", [inp((None, 8, None, None))]),
        Case("UpSampling2D(1)", [inp((None, 1, 1, 1))]),
        Case("UpSampling2D(interpolation='lanczos3')", [inp((None, 4, 4, 3))]),
        Case("UpSampling2D(interpolation='Bilinear')", [inp((None, 4, 4, 3))]),
        Case("UpSampling2D(interpolation='cubic')", [inp((None, 4, 4, 3))]),
        Case("UpSampling2D(0)", [inp((None, 4, 4, 3))]),
        Case("UpSampling2D((2, 2, 2))", [inp((None, 4, 4, 3))]),
        Case("UpSampling2D(2)", [inp((None, 4, 3))]),
        Case("UpSampling2D(2)", [inp((None, 4, 4, 3), "int32")]),
        Case("UpSampling2D(2, dtype='bfloat16')", [inp((None, 4, 4, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def zero_padding_cases(rank):
    """ZeroPadding1D (padding int or pair, no data_format) and ZeroPadding3D (int, triple, pairs)."""
    cls = f"ZeroPadding{rank}D"

    def generate(rng):
        def random_case(g):
            data_format = None if rank == 1 else g.choice([None, "channels_last", "channels_first"])
            if rank == 1:
                padding = g.choice([g.randint(0, 4), (g.randint(0, 3), g.randint(0, 3))])
            else:
                padding = g.choice([
                    g.randint(0, 3),
                    tuple(g.randint(0, 3) for _ in range(3)),
                    tuple((g.randint(0, 2), g.randint(0, 2)) for _ in range(3)),
                ])
            spatial = [None if g.random() < 0.3 else g.randint(1, 16) for _ in range(rank)]
            shape = layout(batch_dim(g), spatial, g.randint(1, 8), data_format)
            args = [("padding", padding)] + fmt_kwargs(data_format)
            return Case(styled(g, cls, args, ["padding", "data_format"]), [inp(shape)])

        sp = (None,) + (5,) * rank + (3,)
        fixed = [
            Case(f"{cls}()" if rank == 1 else f"{cls}(1)", [inp(sp)]),
            Case(f"{cls}(2)", [inp((None,) + (None,) * rank + (3,))]),
            Case(f"{cls}(-1)", [inp(sp)]),
            Case(f"{cls}(1)", [inp((None, 5, 5, 5, 5, 3))]),
            Case(f"{cls}(1.5)", [inp(sp)]),
            Case(f"{cls}(1)", [inp(sp, "int32")]),
        ]
        if rank == 1:
            fixed += [Case("ZeroPadding1D((1, 2))", [inp((4, 7, 2))]), Case("ZeroPadding1D((1, 2, 3))", [inp((None, 7, 2))])]
        else:
            fixed += [
                Case("ZeroPadding3D(((1, 0), (0, 1), (2, 2)))", [inp((None, 4, 4, 4, 1))]),
                Case("ZeroPadding3D((1, 2, 3), data_format='channels_first')", [inp((None, 2, 4, 5, 6))]),
                Case("ZeroPadding3D((1, 2))", [inp((None, 4, 4, 4, 1))]),
            ]
        return with_randoms(fixed, rng, random_case, 8)

    return generate


def upsampling_cases(rank):
    """UpSampling1D (size int, no data_format) and UpSampling3D (size int or triple, data_format)."""
    cls = f"UpSampling{rank}D"

    def generate(rng):
        def random_case(g):
            data_format = None if rank == 1 else g.choice([None, "channels_last", "channels_first"])
            size = g.randint(1, 4) if rank == 1 else g.choice([2, 3, (1, 2, 3), (2, 2, 2)])
            spatial = [None if g.random() < 0.3 else g.randint(1, 16) for _ in range(rank)]
            shape = layout(batch_dim(g), spatial, g.randint(1, 8), data_format)
            args = [("size", size)] + fmt_kwargs(data_format)
            return Case(styled(g, cls, args, ["size", "data_format"]), [inp(shape)])

        sp = (None,) + (4,) * rank + (3,)
        fixed = [
            Case(f"{cls}()", [inp(sp)]),
            Case(f"{cls}(3)", [inp((None,) + (None,) * rank + (3,))]),
            Case(f"{cls}(0)", [inp(sp)]),
            Case(f"{cls}(2)", [inp((None, 4, 4, 4, 4, 3))]),
            Case(f"{cls}(2)", [inp(sp, "int32")]),
        ]
        if rank == 3:
            fixed += [
                Case("UpSampling3D((1, 2, 3), data_format='channels_first')", [inp((None, 2, 4, 5, 6))]),
                Case("UpSampling3D((2, 2))", [inp(sp)]),
            ]
        return with_randoms(fixed, rng, random_case, 8)

    return generate
