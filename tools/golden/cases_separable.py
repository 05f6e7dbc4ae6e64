"""Case generators for SeparableConv1D/2D and DepthwiseConv1D/2D."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, tuple_or_int, with_randoms

SEPARABLE_POSITIONAL = ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier"]
DEPTHWISE_POSITIONAL = ["kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate"]


def _random(rng, rank, separable):
    cls = f"{'Separable' if separable else 'Depthwise'}Conv{rank}D"
    data_format = rng.choice([None, None, "channels_last", "channels_first"])
    kernel = [rng.randint(1, 5) for _ in range(rank)]
    mode = rng.choice(["plain", "stride", "stride", "dilate", "both"])
    strides = [rng.randint(1, 3) for _ in range(rank)] if mode in ("stride", "both") else [1] * rank
    dilation = [rng.randint(1, 3) for _ in range(rank)] if mode in ("dilate", "both") else [1] * rank
    padding = rng.choice(["valid", "valid", "same"])
    k_eff = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    spatial = []
    for k in k_eff:
        if rng.random() < 0.25:
            spatial.append(None)
        elif padding == "valid" and rng.random() < 0.85:
            spatial.append(rng.randint(k, k + 25))
        else:
            spatial.append(rng.randint(1, 25))
    args = [("filters", rng.randint(1, 16))] if separable else []
    args.append(("kernel_size", tuple_or_int(rng, kernel)))
    if strides != [1] * rank or rng.random() < 0.2:
        args.append(("strides", tuple_or_int(rng, strides)))
    if padding != "valid" or rng.random() < 0.3:
        args.append(("padding", padding))
    dm = rng.choice([1, 1, 2, 3])
    if not separable and (dm != 1 or rng.random() < 0.3):
        args.append(("depth_multiplier", dm))
    args += fmt_kwargs(data_format)
    if dilation != [1] * rank or rng.random() < 0.1:
        args.append(("dilation_rate", tuple_or_int(rng, dilation)))
    if separable and (dm != 1 or rng.random() < 0.3):
        args.append(("depth_multiplier", dm))
    if rng.random() < 0.2:
        args.append(("use_bias", False))
    if rng.random() < 0.15:
        args.append(("activation", rng.choice(["relu", "swish"])))
    shape = layout(batch_dim(rng), spatial, rng.randint(1, 8), data_format)
    return Case(styled(rng, cls, args, SEPARABLE_POSITIONAL if separable else DEPTHWISE_POSITIONAL), [inp(shape)])


def separable_cases(rank):
    cls = f"SeparableConv{rank}D"
    r = lambda v: (v,) * rank  # noqa: E731 - a tuple with the same value on every axis
    sp = lambda n, c=3: (None, *r(n), c)  # noqa: E731 - channels_last shape

    def generate(rng):
        fixed = [
            # valid edge: output exactly 1, then 0 (error)
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(3))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(2))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dilation_rate", 2)], 2), [inp(sp(5))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dilation_rate", 2)], 2), [inp(sp(4))]),
            Case(render(cls, [("filters", 8), ("kernel_size", 3), ("strides", 2), ("padding", "same"), ("depth_multiplier", 2)], 2), [inp((2, *r(7), 5))]),
            # strides > 1 together with dilation_rate > 1: Keras accepts it here (Conv does not)
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 2), ("dilation_rate", 2)], 2), [inp(sp(9))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("data_format", "channels_first")], 2), [inp((None, 3, *r(6)))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("padding", "SAME"), ("data_format", "Channels_First")], 2), [inp((None, 3, *r(6)))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 5), ("strides", 3)], 2), [inp((None, *(None,) * rank, 3))]),
            Case(render(cls, [("filters", 2), ("kernel_size", 1), ("use_bias", False), ("depth_multiplier", 4)], 2), [inp(sp(4, 6))]),
            Case(render(cls.replace("Conv", "Convolution"), [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(5))]),
            # construction errors
            Case(render(cls, [("filters", 0), ("kernel_size", 3)], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 0)], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("strides", 0)], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dilation_rate", -1)], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("depth_multiplier", 0)], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("padding", "causal")], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("data_format", "channels_middle")], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", (3,) * (rank + 1))], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("groups", 2)], 2), [inp(sp(8))]),
            # call errors
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(8, None))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp((None, *r(8)))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp((None, *r(8), 8, 3))]),
            # dtypes
            Case(render(cls, [("filters", 4), ("kernel_size", 3)], 2), [inp(sp(8), "int32")]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "float16")], 2), [inp(sp(8))]),
            Case(render(cls, [("filters", 4), ("kernel_size", 3), ("dtype", "mixed_float16")], 1), [inp(sp(8), "float16")]),
        ]
        return with_randoms(fixed, rng, lambda g: _random(g, rank, True), 10)

    return generate


def depthwise_cases(rank):
    cls = f"DepthwiseConv{rank}D"
    r = lambda v: (v,) * rank  # noqa: E731
    sp = lambda n, c=3: (None, *r(n), c)  # noqa: E731

    def generate(rng):
        fixed = [
            Case(render(cls, [("kernel_size", 3)], 1), [inp(sp(3))]),
            Case(render(cls, [("kernel_size", 3)], 1), [inp(sp(2))]),
            Case(render(cls, [("kernel_size", 3), ("strides", 2)], 1), [inp(sp(4))]),
            Case(render(cls, [("kernel_size", 3), ("strides", 2), ("padding", "same"), ("depth_multiplier", 2)], 4), [inp((4, *r(7), 5))]),
            Case(render(cls, [("kernel_size", 3), ("depth_multiplier", 3), ("data_format", "channels_first")], 1), [inp((None, 2, *r(6)))]),
            Case(render(cls, [("kernel_size", 3), ("strides", 2), ("dilation_rate", 2)], 1), [inp(sp(9))]),
            Case(render(cls, [("kernel_size", 3), ("dilation_rate", 3)], 1), [inp(sp(7))]),
            Case(render(cls, [("kernel_size", 3), ("dilation_rate", 3)], 1), [inp(sp(6))]),
            Case(render(cls, [("kernel_size", 4), ("strides", 3), ("use_bias", False)], 1), [inp((None, *(None,) * rank, 4))]),
            Case(render(cls, [("kernel_size", 1), ("padding", "Same")], 1), [inp(sp(1))]),
            # construction errors
            Case(render(cls, [("kernel_size", 0)], 1), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("strides", (1,) * (rank - 1) + (0,))], 1), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("depth_multiplier", 0)], 1), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("depth_multiplier", -2)], 1), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("padding", "causal")], 1), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("groups", 3)], 1), [inp(sp(8))]),
            Case(render(cls, [("filters", 3), ("kernel_size", 3)], 0), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("activation", "relu7")], 1), [inp(sp(8))]),
            # call errors
            Case(render(cls, [("kernel_size", 3)], 1), [inp(sp(8, None))]),
            Case(render(cls, [("kernel_size", 3)], 1), [inp((None, *r(8)))]),
            Case(render(cls, [("kernel_size", 3)], 1), [inp((None, *r(8), 8, 3))]),
            # dtypes
            Case(render(cls, [("kernel_size", 3)], 1), [inp(sp(8), "int32")]),
            Case(render(cls, [("kernel_size", 3), ("dtype", "bfloat16")], 1), [inp(sp(8))]),
            Case(render(cls, [("kernel_size", 3), ("dtype", "mixed_float16")], 1), [inp(sp(8))]),
        ]
        return with_randoms(fixed, rng, lambda g: _random(g, rank, False), 10)

    return generate
