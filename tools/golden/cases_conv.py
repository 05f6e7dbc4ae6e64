"""Case generators for the convolution family: Conv1D/2D/3D and Conv2DTranspose."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, tuple_or_int, with_randoms

# Spatial sizes stay small for 3-D so the generator runs quickly.
_MAX_EXTRA = {1: 40, 2: 30, 3: 10}
_RANDOM_COUNT = {1: 12, 2: 12, 3: 9}
# Random cases write at most these leading constructor parameters positionally.
CONV_POSITIONAL = ["filters", "kernel_size"]


def _spatial(rng, rank, k_eff, valid, p_none=0.3):
    dims = []
    for i in range(rank):
        if rng.random() < p_none:
            dims.append(None)
        elif valid:
            dims.append(rng.randint(k_eff[i], k_eff[i] + _MAX_EXTRA[rank]))
        else:
            dims.append(rng.randint(1, 1 + _MAX_EXTRA[rank]))
    return dims


def _random_conv(rng, rank):
    cls = f"Conv{rank}D"
    data_format = rng.choice([None, None, "channels_last", "channels_first"])
    groups = rng.choice([1, 1, 1, 2, 3])
    filters = groups * rng.randint(1, 6)
    channels = groups * rng.randint(1, 4)
    kernel = [rng.randint(1, 5 if rank < 3 else 3) for _ in range(rank)]
    mode = rng.choice(["plain", "stride", "stride", "dilate"])
    strides = [rng.randint(1, 3) for _ in range(rank)] if mode == "stride" else [1] * rank
    dilation = [rng.randint(1, 3) for _ in range(rank)] if mode == "dilate" else [1] * rank
    paddings = ["valid", "same"] + (["causal"] if rank == 1 else [])
    padding = rng.choice(paddings)
    k_eff = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    spatial = _spatial(rng, rank, k_eff, padding == "valid")
    args = [("filters", filters), ("kernel_size", tuple_or_int(rng, kernel))]
    if mode == "stride":
        args.append(("strides", tuple_or_int(rng, strides)))
    if padding != "valid" or rng.random() < 0.5:
        args.append(("padding", padding))
    args += fmt_kwargs(data_format)
    if mode == "dilate":
        args.append(("dilation_rate", tuple_or_int(rng, dilation)))
    if groups != 1:
        args.append(("groups", groups))
    if rng.random() < 0.25:
        args.append(("use_bias", False))
    if rng.random() < 0.15:
        args.append(("activation", rng.choice(["relu", "sigmoid"])))
    if rng.random() < 0.1:
        args.append(("kernel_initializer", "he_normal"))
    shape = layout(batch_dim(rng), spatial, channels, data_format)
    return Case(styled(rng, cls, args, CONV_POSITIONAL), [inp(shape)])


def _fixed_conv(rank):
    """Edges of validity, construction errors, call errors and dtypes, for one conv rank."""
    cls = f"Conv{rank}D"
    r = lambda v: (v,) * rank  # noqa: E731 - a tuple with the same value on every axis
    sp = lambda n: (None, *r(n), 3)  # noqa: E731 - channels_last shape, 3 channels
    k3 = r(3)
    cases = [
        # output exactly 1, then 0 (error), for valid padding
        Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(3))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(2))]),
        Case(render(cls, [("filters", 4), ("kernel_size", k3), ("strides", 2)], 1), [inp(sp(4))]),
        Case(render(cls, [("filters", 4), ("kernel_size", k3), ("strides", 2)], 1), [inp(sp(5))]),
        Case(render(cls, [("filters", 2), ("kernel_size", 3), ("dilation_rate", 2)], 0), [inp(sp(5))]),
        Case(render(cls, [("filters", 2), ("kernel_size", 3), ("dilation_rate", 2)], 0), [inp(sp(4))]),
        # same padding never shrinks below ceil(in / s)
        Case(render(cls, [("filters", 2), ("kernel_size", 5), ("strides", 3), ("padding", "same")], 2), [inp(sp(1))]),
        # all-unknown spatial dims are never checked
        Case(render(cls, [("filters", 3), ("kernel_size", 7), ("strides", 2)], 2), [inp((None, *(None,) * rank, 3))]),
        # channels_first with concrete batch
        Case(
            render(cls, [("filters", 8), ("kernel_size", k3), ("strides", 2), ("padding", "same"), ("data_format", "channels_first")], 2),
            [inp((4, 3, *r(9)))],
        ),
        # construction errors
        Case(render(cls, [("filters", 0), ("kernel_size", 3)], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", -2), ("kernel_size", 3)], 0), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 0)], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", (3,) * (rank - 1) + (0,))], 1), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 0)], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("dilation_rate", 2)], 2), [inp(sp(16))]),
        Case(render(cls, [("filters", 6), ("kernel_size", 3), ("groups", 4)], 2), [inp(sp(8)[:-1] + (8,))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("groups", 0)], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("padding", "full")], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("data_format", "channels_middle")], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", (3,) * (rank + 1))], 2), [inp(sp(8))]),
        # call errors
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("groups", 2)], 2), [inp(sp(8)[:-1] + (5,))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(8)[:-1] + (None,))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp((None, *r(8)))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp((None, *r(8), 8, 3))]),
        # dtypes
        Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(8), "int32")]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "float16")], 2), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "bfloat16")], 1), [inp(sp(8))]),
        Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "mixed_float16")], 2), [inp(sp(8), "float16")]),
    ]
    if rank == 1:
        cases += [
            Case(render(cls, [("filters", 2), ("kernel_size", 5), ("padding", "causal")], 2), [inp((None, 1, 3))]),
            Case(render(cls, [("filters", 2), ("kernel_size", 3), ("padding", "causal"), ("dilation_rate", 4)], 2), [inp((2, 10, 3))]),
            Case(render(cls, [("filters", 2), ("kernel_size", 3), ("padding", "causal"), ("data_format", "channels_first")], 2), [inp((None, 3, 10))]),
        ]
    else:
        cases.append(Case(render(cls, [("filters", 4), ("kernel_size", 3), ("padding", "causal")], 2), [inp(sp(8))]))
    return cases


def conv_cases(rank):
    def generate(rng):
        return with_randoms(_fixed_conv(rank), rng, lambda g: _random_conv(g, rank), _RANDOM_COUNT[rank])

    return generate


def _random_conv_transpose(rng, rank):
    cls = f"Conv{rank}DTranspose"
    data_format = rng.choice([None, None, "channels_last", "channels_first"])
    kernel = [rng.randint(1, 5) for _ in range(rank)]
    dilate = rng.random() < 0.2
    strides = [1] * rank if dilate else [rng.randint(1, 3) for _ in range(rank)]
    dilation = [rng.randint(2, 3) for _ in range(rank)] if dilate else [1] * rank
    padding = rng.choice(["valid", "same"])
    spatial = [None if rng.random() < 0.3 else rng.randint(1, 20) for _ in range(rank)]
    args = [("filters", rng.randint(1, 16)), ("kernel_size", tuple_or_int(rng, kernel))]
    if strides != [1] * rank or rng.random() < 0.3:
        args.append(("strides", tuple_or_int(rng, strides)))
    args.append(("padding", padding))
    if rng.random() < 0.4:
        args.append(("output_padding", tuple(rng.randint(0, s - 1) for s in strides)))
    args += fmt_kwargs(data_format)
    if dilate:
        args.append(("dilation_rate", tuple_or_int(rng, dilation)))
    if rng.random() < 0.2:
        args.append(("use_bias", False))
    shape = layout(batch_dim(rng), spatial, rng.randint(1, 8), data_format)
    return Case(styled(rng, cls, args, CONV_POSITIONAL), [inp(shape)])


def conv_transpose_cases(rank):
    cls = f"Conv{rank}DTranspose"
    r = lambda v: (v,) * rank  # noqa: E731
    sp = lambda n, c=3: (None, *r(n), c)  # noqa: E731

    def generate(rng):
        fixed = [
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(1))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 1), ("strides", 3)], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("padding", "same")], 2), [inp(sp(7))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 4), ("strides", 2), ("padding", "same"), ("output_padding", 1)], 2), [inp(sp(7))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("output_padding", r(1))], 2), [inp(sp(7))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("output_padding", 2)], 2), [inp(sp(7))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dilation_rate", 2)], 2), [inp(sp(6))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("data_format", "channels_first")], 2), [inp((8, 3, *r(5)))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2)], 2), [inp((None, *(None,) * rank, 3))]),
            Case(render(cls, [("filters", 0), ("kernel_size", 3)], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 0)], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("dilation_rate", 2)], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("padding", "causal")], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(5, None))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp((None, *r(5)))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(5), "int32")]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "bfloat16")], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "mixed_float16")], 0), [inp(sp(5))]),
        ]
        return with_randoms(fixed, rng, lambda g: _random_conv_transpose(g, rank), 10)

    return generate
