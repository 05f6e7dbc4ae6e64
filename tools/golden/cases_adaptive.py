"""Case generators for AdaptiveAveragePooling1D/2D/3D and AdaptiveMaxPooling1D/2D/3D."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, with_randoms


def adaptive_pool_cases(kind, rank):
    cls = f"Adaptive{kind}Pooling{rank}D"
    r = lambda v: (v,) * rank  # noqa: E731 - a tuple with the same value on every axis
    sp = lambda n, c=3: (None, *r(n), c)  # noqa: E731 - channels_last shape

    def random_case(g):
        data_format = g.choice([None, None, "channels_last", "channels_first"])
        sizes = [g.randint(1, 12) for _ in range(rank)]
        output_size = sizes[0] if g.random() < 0.4 else g.choice([tuple, list])(sizes)
        spatial = [None if g.random() < 0.3 else g.randint(1, 40) for _ in range(rank)]
        shape = layout(batch_dim(g), spatial, g.randint(1, 16), data_format)
        args = [("output_size", output_size)] + fmt_kwargs(data_format)
        return Case(styled(g, cls, args, ["output_size", "data_format"]), [inp(shape)])

    def generate(rng):
        fixed = [
            Case(f"{cls}(2)", [inp(sp(8))]),
            Case(f"{cls}({r(4)!r})", [inp(sp(3))]),  # larger than the input: allowed
            Case(f"{cls}(output_size={list(range(1, rank + 1))!r})", [inp((2, *r(9), 5))]),
            Case(f"{cls}(3, 'channels_first')", [inp((None, 4, *r(10)))]),
            Case(f"{cls}(3, data_format='channels_last')", [inp((None, *(None,) * rank, None))]),
            Case(f"{cls}(1)", [inp(sp(1))]),
            Case(f"{cls}(0)", [inp(sp(5))]),  # a zero size is accepted
            Case(f"{cls}(True)", [inp(sp(5))]),
            Case(f"{cls}({(None,) + (2,) * (rank - 1)!r})", [inp(sp(5))]),
            Case(f"{cls}(2, data_format='')", [inp(sp(5))]),
            # no rank check: C is the last axis of whatever comes in
            Case(f"{cls}(2)", [inp((None, 5))]),
            Case(f"{cls}(2)", [inp((None, 5, 5, 5, 5, 3))]),
            Case(f"{cls}(2)", [inp((None,))]),
            Case(f"{cls}(2, data_format='channels_first')", [inp((None,))]),
            # construction errors
            Case(f"{cls}({r(2) + (2,)!r})", [inp(sp(5))]),
            Case(f"{cls}(2.0)", [inp(sp(5))]),
            Case(f"{cls}(None)", [inp(sp(5))]),
            Case(f"{cls}('2')", [inp(sp(5))]),
            Case(f"{cls}(2, data_format='Channels_Last')", [inp(sp(5))]),
            Case(f"{cls}(2, data_format='channels_middle')", [inp(sp(5))]),
            # call errors: the sizes are checked only when the output shape is made
            Case(f"{cls}(-1)", [inp(sp(5))]),
            Case(f"{cls}({(2.0,) + (2,) * (rank - 1)!r})", [inp(sp(5))]),
            Case(f"{cls}({('a',) + (2,) * (rank - 1)!r})", [inp(sp(5))]),
            # dtypes
            Case(f"{cls}(2)", [inp(sp(6), "int32")]),
            Case(f"{cls}(2, dtype='float16')", [inp(sp(6))]),
            Case(f"{cls}(2, dtype='mixed_bfloat16')", [inp(sp(6), "float16")]),
        ]
        if rank == 1:
            fixed.append(Case(f"{cls}(())", [inp(sp(5))]))
        return with_randoms(fixed, rng, random_case, 6)

    return generate
