"""Case generators for the regularization layers beyond Dropout: SpatialDropout1D/2D/3D,
GaussianDropout, GaussianNoise, AlphaDropout, ActivityRegularization."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, maybe_none, render, styled, with_randoms

RATES = [0.0, 0.1, 0.25, 0.5, 0.9, 1.0]


def _shape(g, lo=2, hi=5):
    rank = g.randint(lo, hi)
    return (batch_dim(g), *[maybe_none(g, g.randint(1, 16)) for _ in range(rank - 1)])


def _l(call, *shapes):
    return Case(call, [inp(s) for s in shapes], list_input=True)


def spatial_dropout_cases(rank):
    cls = f"SpatialDropout{rank}D"
    positional = ["rate", "seed"] if rank == 1 else ["rate", "data_format", "seed"]

    def random_case(g):
        data_format = None if rank == 1 else g.choice([None, None, "channels_last", "channels_first"])
        spatial = [maybe_none(g, g.randint(1, 12)) for _ in range(rank)]
        shape = layout(batch_dim(g), spatial, maybe_none(g, g.randint(1, 32), 0.2), data_format)
        args = [("rate", g.choice(RATES))] + fmt_kwargs(data_format)
        if g.random() < 0.3:
            args.append(("seed", g.randint(0, 100)))
        return Case(styled(g, cls, args, positional), [inp(shape)])

    def generate(rng):
        sp = lambda n, c=3: (None, *(n,) * rank, c)  # noqa: E731
        fixed = [
            Case(f"{cls}(0.5)", [inp(sp(8))]),
            Case(f"{cls}(rate=0.2, seed=3)", [inp((4, *(None,) * rank, 16))]),
            Case(f"{cls}(0)", [inp(sp(1, 1))]),
            Case(f"{cls}(1.0)", [inp(sp(5))]),
            Case(f"{cls}(True)", [inp(sp(5))]),
            Case(f"{cls}(0.5, name='drop', dtype='float16')", [inp(sp(4))]),
            Case(f"{cls}(0.5)", [inp(sp(4), "int32")]),
            Case(f"{cls}(0.5, dtype='mixed_float16')", [inp(sp(4))]),
            # a seed is only checked when rate > 0
            Case(f"{cls}(0.0, seed='a')", [inp(sp(4))]),
            # errors: rate out of [0, 1] or not a number; bad seed; wrong rank; no **kwargs
            Case(f"{cls}(1.5)", [inp(sp(4))]),
            Case(f"{cls}(-0.1)", [inp(sp(4))]),
            Case(f"{cls}(None)", [inp(sp(4))]),
            Case(f"{cls}('a')", [inp(sp(4))]),
            Case(f"{cls}(0.5, seed='a')", [inp(sp(4))]),
            Case(f"{cls}(0.5, seed=1.5)", [inp(sp(4))]),
            Case(f"{cls}(0.5)", [inp((None, *(4,) * (rank - 1), 3))]),
            Case(f"{cls}(0.5)", [inp((None, *(4,) * (rank + 1), 3))]),
            Case(f"{cls}(0.5, trainable=False)", [inp(sp(4))]),
            _l(f"{cls}(0.5)", sp(4), sp(4)),
        ]
        if rank > 1:
            fixed += [
                Case(f"{cls}(0.5, 'channels_first')", [inp((None, 3, *(4,) * rank))]),
                Case(f"{cls}(0.5, data_format='CHANNELS_LAST')", [inp(sp(4))]),
                Case(f"{cls}(0.5, data_format='nope')", [inp(sp(4))]),
            ]
        else:
            fixed.append(Case(f"{cls}(0.5, data_format='channels_first')", [inp(sp(4))]))
        return with_randoms(fixed, rng, random_case, 6)

    return generate


def _noise_cases(cls, key):
    def random_case(g):
        args = [(key, g.choice(RATES))]
        if g.random() < 0.3:
            args.append(("seed", g.randint(0, 100)))
        return Case(styled(g, cls, args, [key, "seed"]), [inp(_shape(g))])

    def generate(rng):
        fixed = [
            Case(f"{cls}(0.5)", [inp((None, 10))]),
            Case(f"{cls}({key}=0.1, seed=7)", [inp((4, None, 3))]),
            Case(f"{cls}(0)", [inp((None, 3))]),
            Case(f"{cls}(1)", [inp((None, 3))]),
            Case(f"{cls}(0.0, seed='a')", [inp((None, 3))]),
            Case(f"{cls}(0.5)", [inp((None,))]),
            Case(f"{cls}(0.5)", [inp((None, 3), "int32")]),
            Case(f"{cls}(0.5, dtype='float16')", [inp((None, 3))]),
            Case(f"{cls}(0.5, dtype='mixed_float16')", [inp((None, 3))]),
            _l(f"{cls}(0.5)", (None, 3), (None, 4, 5)),
            Case(f"{cls}(1.5)", [inp((None, 3))]),
            Case(f"{cls}(-0.5)", [inp((None, 3))]),
            Case(f"{cls}(None)", [inp((None, 3))]),
            Case(f"{cls}(0.5, seed='x')", [inp((None, 3))]),
            Case(f"{cls}()", [inp((None, 3))]),
        ]
        return with_randoms(fixed, rng, random_case, 6)

    return generate


gaussian_dropout_cases = _noise_cases("GaussianDropout", "rate")
gaussian_noise_cases = _noise_cases("GaussianNoise", "stddev")


def alpha_dropout_cases(rng):
    def random_case(g):
        shape = _shape(g)
        args = [("rate", g.choice(RATES))]
        if g.random() < 0.3:
            args.append(("noise_shape", tuple(None if g.random() < 0.5 else 1 for _ in shape)))
        if g.random() < 0.3:
            args.append(("seed", g.randint(0, 100)))
        return Case(styled(g, "AlphaDropout", args, ["rate", "noise_shape", "seed"]), [inp(shape)])

    fixed = [
        Case("AlphaDropout(0.5)", [inp((None, 10))]),
        Case("AlphaDropout(0.2, (None, 1, 3))", [inp((None, 4, 3))]),
        # noise_shape is not checked
        Case("AlphaDropout(0.5, noise_shape='abc')", [inp((None, 3))]),
        Case("AlphaDropout(0.5, noise_shape=(1, 2, 3, 4))", [inp((None, 3))]),
        Case("AlphaDropout(0.0, seed='a')", [inp((None, 3))]),
        Case("AlphaDropout(0.5)", [inp((None,))]),
        Case("AlphaDropout(0.5)", [inp((None, 3), "int32")]),
        Case("AlphaDropout(0.5, dtype='float16')", [inp((None, 3))]),
        _l("AlphaDropout(0.5)", (None, 3), (None, 4, 5)),
        Case("AlphaDropout(1.5)", [inp((None, 3))]),
        Case("AlphaDropout(-1)", [inp((None, 3))]),
        Case("AlphaDropout(0.5, seed=2.0)", [inp((None, 3))]),
        Case("AlphaDropout('half')", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)


def activity_regularization_cases(rng):
    def random_case(g):
        args = []
        if g.random() < 0.6:
            args.append(("l1", g.choice([0.0, 0.01, 1, 0.5])))
        if g.random() < 0.6:
            args.append(("l2", g.choice([0.0, 0.001, 2, 0.1])))
        return Case(styled(g, "ActivityRegularization", args, ["l1", "l2"]), [inp(_shape(g))])

    fixed = [
        Case("ActivityRegularization()", [inp((None, 10))]),
        Case("ActivityRegularization(0.01, 0.02)", [inp((2, None, 3))]),
        Case("ActivityRegularization(l2=1)", [inp((None, 3))]),
        Case("ActivityRegularization(None, None)", [inp((None, 3))]),
        Case("ActivityRegularization(True)", [inp((None, 3))]),
        Case("ActivityRegularization()", [inp((None,))]),
        Case("ActivityRegularization()", [inp((None, 3), "int32")]),
        Case("ActivityRegularization(dtype='float16')", [inp((None, 3))]),
        _l("ActivityRegularization()", (None, 3), (None, 4)),
        Case("ActivityRegularization(-1.0)", [inp((None, 3))]),
        Case("ActivityRegularization(l2=-0.5)", [inp((None, 3))]),
        Case("ActivityRegularization('a')", [inp((None, 3))]),
        Case("ActivityRegularization(activity_regularizer='l2')", [inp((None, 3))]),
        Case("ActivityRegularization(0.1, 0.1, 0.1)", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)
