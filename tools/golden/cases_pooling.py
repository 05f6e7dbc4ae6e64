"""Case generators for pooling: Max/AveragePooling1D/2D/3D and Global{Average,Max}Pooling1D/2D/3D."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, tuple_or_int, with_randoms

_MAX_EXTRA = {1: 40, 2: 30, 3: 12}


def _random_pool(rng, cls, rank):
    data_format = rng.choice([None, None, "channels_last", "channels_first"])
    pool = [rng.randint(1, 4) for _ in range(rank)]
    stride_kind = rng.choice(["default", "default", "none", "int", "tuple"])
    strides = pool if stride_kind in ("default", "none") else [rng.randint(1, 3) for _ in range(rank)]
    padding = rng.choice(["valid", "valid", "same"])
    spatial = []
    for p, s in zip(pool, strides):
        if rng.random() < 0.3:
            spatial.append(None)
        else:
            spatial.append(rng.randint(p if padding == "valid" else 1, p + _MAX_EXTRA[rank]))
    args = [("pool_size", tuple_or_int(rng, pool))]
    if stride_kind == "none":
        args.append(("strides", None))
    elif stride_kind == "int":
        args.append(("strides", strides[0]))
        spatial = [None if d is None else max(d, pool[0]) for d in spatial]
    elif stride_kind == "tuple":
        args.append(("strides", tuple(strides)))
    if padding != "valid" or rng.random() < 0.3:
        args.append(("padding", padding))
    args += fmt_kwargs(data_format)
    shape = layout(batch_dim(rng), spatial, rng.randint(1, 16), data_format)
    return Case(styled(rng, cls, args, ["pool_size", "strides", "padding", "data_format"]), [inp(shape)])


def pool_cases(kind, rank):
    """kind: 'Max' or 'Average'."""
    cls = f"{kind}Pooling{rank}D"
    r = lambda v: (v,) * rank  # noqa: E731
    sp = lambda n, c=3: (None, *r(n), c)  # noqa: E731

    def generate(rng):
        fixed = [
            # output exactly 1, then 0 (error)
            Case(render(cls, [("pool_size", 3)], 1), [inp(sp(3))]),
            Case(render(cls, [("pool_size", 3)], 1), [inp(sp(2))]),
            Case(render(cls, [("pool_size", 2), ("strides", 3)], 2), [inp(sp(4))]),
            Case(render(cls, [("pool_size", 2), ("strides", 1)], 0), [inp(sp(2))]),
            Case(render(cls, [("pool_size", 4), ("padding", "same")], 1), [inp(sp(1))]),
            Case(render(cls, [("pool_size", 3), ("strides", 2), ("padding", "same")], 1), [inp(sp(7))]),
            Case(render(cls, [("pool_size", r(2)), ("strides", None)], 1), [inp(sp(9))]),
            Case(render(cls, [("pool_size", 2), ("data_format", "channels_first")], 1), [inp((2, 5, *r(9)))]),
            Case(render(cls, [("pool_size", 5), ("strides", 2)], 1), [inp((None, *(None,) * rank, None))]),
            # bad arguments: some are caught at construction, some only when called
            Case(render(cls, [("pool_size", 0)], 1), [inp(sp(4))]),
            Case(render(cls, [("pool_size", 2), ("strides", 0)], 1), [inp(sp(4))]),
            Case(render(cls, [("pool_size", 2), ("padding", "full")], 1), [inp(sp(4))]),
            Case(render(cls, [("pool_size", (2,) * (rank + 1))], 1), [inp(sp(4))]),
            Case(render(cls, [("pool_size", 2)], 1), [inp((None, *r(4)))]),
            Case(render(cls, [("pool_size", 2)], 1), [inp((None, *r(4), 4, 3))]),
            # dtypes
            Case(render(cls, [("pool_size", 2)], 1), [inp(sp(4), "int32")]),
            Case(render(cls, [("pool_size", 2), ("dtype", "float16")], 1), [inp(sp(4))]),
            Case(render(cls, [("pool_size", 2), ("dtype", "mixed_float16")], 1), [inp(sp(4))]),
            # the defaults: MaxPooling has pool_size=2, AveragePooling has no default
            Case(f"{cls}()", [inp(sp(6))]),
        ]
        return with_randoms(fixed, rng, lambda g: _random_pool(g, cls, rank), 9)

    return generate


def global_pool_cases(kind, rank):
    cls = f"Global{kind}Pooling{rank}D"

    def random_case(rng):
        data_format = rng.choice([None, None, "channels_last", "channels_first"])
        spatial = [None if rng.random() < 0.3 else rng.randint(1, 20) for _ in range(rank)]
        channels = None if rng.random() < 0.15 else rng.randint(1, 64)
        args = fmt_kwargs(data_format)
        if rng.random() < 0.5:
            args.append(("keepdims", rng.random() < 0.6))
        shape = layout(batch_dim(rng), spatial, channels, data_format)
        return Case(styled(rng, cls, args, ["data_format", "keepdims"]), [inp(shape)])

    def generate(rng):
        ones = (1,) * rank
        fixed = [
            Case(f"{cls}()", [inp((None, *ones, 8))]),
            Case(render(cls, [("keepdims", True)], 0), [inp((4, *ones, 8))]),
            Case(render(cls, [("data_format", "channels_first"), ("keepdims", True)], 1), [inp((None, 8, *(None,) * rank))]),
            Case(render(cls, [("data_format", "channels_first")], 0), [inp((None, 8, *(5,) * rank))]),
            Case(render(cls, [("data_format", "channels_last")], 1), [inp((None, *(5,) * rank, None))]),
            Case(f"{cls}()", [inp((None, *(5,) * rank))]),
            Case(f"{cls}()", [inp((None, *(5,) * rank, 5, 3))]),
            Case(render(cls, [("data_format", "channels_middle")], 0), [inp((None, *(5,) * rank, 3))]),
            Case(f"{cls}()", [inp((None, *(5,) * rank, 3), "int32")]),
            Case(render(cls, [("dtype", "bfloat16")], 0), [inp((None, *(5,) * rank, 3))]),
            Case(render(cls, [("keepdims", True), ("dtype", "mixed_float16")], 0), [inp((None, *(5,) * rank, 3))]),
        ]
        return with_randoms(fixed, rng, random_case, 8)

    return generate
