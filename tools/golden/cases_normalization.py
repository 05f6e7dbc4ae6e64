"""Case generators for the normalizations beyond BatchNormalization: LayerNormalization,
GroupNormalization, UnitNormalization, RMSNormalization."""

from golden_common import Case, batch_dim, inp, maybe_none, styled, with_randoms


def _l(call, *shapes):
    return Case(call, [inp(s) for s in shapes], list_input=True)


def _axes_case(g, cls, extra, positional):
    """A random input and a random axis (int or list) whose dims are known."""
    rank = g.randint(2, 5)
    shape = [batch_dim(g)] + [maybe_none(g, g.randint(1, 16)) for _ in range(rank - 1)]
    if g.random() < 0.6:
        axis = g.choice([-1, -1, rank - 1, 1, -(rank - 1)])
        axes = [axis]
    else:
        axes = sorted(g.sample(range(1, rank), g.randint(1, rank - 1)))
        axis = g.choice([axes, tuple(axes), [a - rank for a in axes]])
    for a in axes:
        if shape[a] is None:
            shape[a] = g.randint(1, 16)
    args = [] if (axis == -1 and g.random() < 0.5) else [("axis", axis)]
    return Case(styled(g, cls, args + extra(g), positional), [inp(tuple(shape))])


def layer_normalization_cases(rng):
    def extra(g):
        args = []
        if g.random() < 0.2:
            args.append(("epsilon", g.choice([1e-5, 1e-6, 0.001])))
        if g.random() < 0.3:
            args.append(("center", g.random() < 0.5))
        if g.random() < 0.3:
            args.append(("scale", g.random() < 0.5))
        return args

    L = "LayerNormalization"
    fixed = [
        Case(f"{L}()", [inp((None, 3, 4))]),
        Case(f"{L}(axis=[1, 2])", [inp((None, 3, 4))]),
        Case(f"{L}(axis=[2, 1])", [inp((None, 3, 4))]),
        Case(f"{L}(axis=(-1,))", [inp((None, None, 8))]),
        # duplicates are kept; an empty list gives scalar weights (2 params)
        Case(f"{L}(axis=[1, 1])", [inp((None, 3, 4))]),
        Case(f"{L}(axis=[])", [inp((None, 3, 4))]),
        Case(f"{L}(axis=0)", [inp((2, 3, 4))]),
        Case(f"{L}(1, 1e-05, False, True)", [inp((None, 6, None))]),
        Case(f"{L}(axis=1, center=False, scale=False)", [inp((None, None, 4))]),
        # center/scale are truthy values; rms_scaling (popped from **kwargs) drops beta
        Case(f"{L}(center=0, scale='')", [inp((None, 3, 4))]),
        Case(f"{L}(rms_scaling=True)", [inp((None, 3, 4))]),
        Case(f"{L}(rms_scaling=1, scale=False, center=False)", [inp((None, 3, 4))]),
        Case(f"{L}()", [inp((None, 3, 4), "int32")]),
        Case(f"{L}(dtype='float16')", [inp((None, 4))]),
        Case(f"{L}(dtype='mixed_float16')", [inp((None, 4))]),
        # errors
        Case(f"{L}(axis='a')", [inp((None, 3, 4))]),
        Case(f"{L}(axis=1.0)", [inp((None, 3, 4))]),
        Case(f"{L}(axis=3)", [inp((None, 3, 4))]),
        Case(f"{L}(axis=-4)", [inp((None, 3, 4))]),
        Case(f"{L}(axis=[1, 5])", [inp((None, 3, 4))]),
        Case(f"{L}(axis=5, center=False, scale=False)", [inp((None, None, 4))]),
        Case(f"{L}(axis=[1, 'a'])", [inp((None, 3, 4))]),
        Case(f"{L}(axis=0)", [inp((None, 3, 4))]),
        Case(f"{L}(axis=1)", [inp((None, None, 4))]),
        Case(f"{L}()", [inp((None, 3, None))]),
        _l(f"{L}()", (None, 3), (None, 3)),
    ]
    return with_randoms(fixed, rng, lambda g: _axes_case(g, L, extra, ["axis", "epsilon", "center", "scale"]), 8)


def rms_normalization_cases(rng):
    def extra(g):
        return [("epsilon", g.choice([1e-5, 1e-6, 0.001]))] if g.random() < 0.3 else []

    R = "RMSNormalization"
    fixed = [
        Case(f"{R}()", [inp((None, 6, 3))]),
        Case(f"{R}(axis=[1, 2])", [inp((None, 6, 3))]),
        Case(f"{R}(axis=(2, 1))", [inp((2, 6, 3))]),
        Case(f"{R}(axis=[])", [inp((None, None, 3))]),
        Case(f"{R}(-2, 1e-05)", [inp((None, 5, None))]),
        Case(f"{R}(axis=0)", [inp((4, 5))]),
        Case(f"{R}(epsilon='a')", [inp((None, 3))]),
        Case(f"{R}()", [inp((None, 3), "int32")]),
        Case(f"{R}(dtype='float16')", [inp((None, 3))]),
        Case(f"{R}(dtype='mixed_bfloat16')", [inp((None, 3))]),
        # errors: Keras checks the axis only when building
        Case(f"{R}(axis='a')", [inp((None, None, 3))]),
        Case(f"{R}(axis=1.0)", [inp((None, 6, 3))]),
        Case(f"{R}(axis=3)", [inp((None, None, 3))]),
        Case(f"{R}(axis=-3)", [inp((None, None, 3))]),
        Case(f"{R}(axis=[1, 2])", [inp((None, None, 3))]),
        Case(f"{R}()", [inp((None, 3, None))]),
        _l(f"{R}()", (None, 3), (None, 4)),
    ]
    return with_randoms(fixed, rng, lambda g: _axes_case(g, R, extra, ["axis", "epsilon"]), 8)


def unit_normalization_cases(rng):
    U = "UnitNormalization"

    def random_case(g):
        rank = g.randint(2, 5)
        shape = (batch_dim(g), *[maybe_none(g, g.randint(1, 16)) for _ in range(rank - 1)])
        axis = g.choice([-1, 1, rank - 1, sorted(g.sample(range(1, rank), g.randint(1, rank - 1)))])
        args = [("axis", axis)] if g.random() < 0.7 else []
        return Case(styled(g, U, args, ["axis"]), [inp(shape)])

    fixed = [
        Case(f"{U}()", [inp((None, 6))]),
        Case(f"{U}(axis=[1, 2])", [inp((None, 6, 3))]),
        Case(f"{U}(1)", [inp((None, None, None))]),
        Case(f"{U}(axis=0)", [inp((None, 6, 3))]),
        Case(f"{U}(axis=-3)", [inp((None, 6, 3))]),
        Case(f"{U}(axis=[])", [inp((None, 6, 3))]),
        Case(f"{U}(axis=[1.0])", [inp((None, 6, 3))]),
        Case(f"{U}()", [inp((None, 6), "int32")]),
        Case(f"{U}(dtype='float16')", [inp((None, 6))]),
        Case(f"{U}(dtype='mixed_float16')", [inp((None, 6), "float64")]),
        # on a list Keras maps, and checks the axis against the number of inputs
        _l(f"{U}(axis=1)", (None, 3, 3), (None, 4, 5)),
        _l(f"{U}(axis=2)", (None, 3, 3), (None, 4, 5)),
        # errors
        Case(f"{U}(axis=3)", [inp((None, 6, 3))]),
        Case(f"{U}(axis=-4)", [inp((None, 6, 3))]),
        Case(f"{U}(axis=[1, 3])", [inp((None, 6, 3))]),
        Case(f"{U}(axis='a')", [inp((None, 6, 3))]),
        Case(f"{U}(axis=1.0)", [inp((None, 6, 3))]),
        Case(f"{U}(axis=['a'])", [inp((None, 6, 3))]),
        Case(f"{U}(axis=1)", [inp((None,))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)


def group_normalization_cases(rng):
    G = "GroupNormalization"

    def random_case(g):
        rank = g.randint(2, 5)
        groups = g.choice([1, 2, 4, 8, 32, -1])
        channels = abs(groups) * g.randint(1, 8) if groups != -1 else g.randint(1, 16)
        shape = [batch_dim(g)] + [maybe_none(g, g.randint(1, 12)) for _ in range(rank - 1)]
        axis = g.choice([-1, -1, 1, rank - 1])
        shape[axis] = channels
        args = [("groups", groups)]
        if axis != -1 or g.random() < 0.3:
            args.append(("axis", axis))
        if g.random() < 0.3:
            args.append(("center", g.random() < 0.5))
        if g.random() < 0.3:
            args.append(("scale", g.random() < 0.5))
        return Case(styled(g, G, args, ["groups", "axis", "epsilon", "center", "scale"]), [inp(tuple(shape))])

    fixed = [
        Case(f"{G}()", [inp((None, 8, 8, 64))]),
        Case(f"{G}(2)", [inp((None, 6))]),
        Case(f"{G}(groups=3, axis=1)", [inp((None, 6, 5))]),
        Case(f"{G}(-1)", [inp((None, 3, 6))]),
        Case(f"{G}(6)", [inp((None, 3, 6))]),
        Case(f"{G}(True)", [inp((None, 3, 6))]),
        Case(f"{G}(3, axis=0)", [inp((6, 6, 5))]),
        Case(f"{G}(2, center=False)", [inp((None, 6))]),
        Case(f"{G}(2, scale=0, center='')", [inp((None, None, 6))]),
        Case(f"{G}(2)", [inp((None, 6), "int32")]),
        Case(f"{G}(2, dtype='float16')", [inp((None, 6))]),
        Case(f"{G}(2, dtype='mixed_float16')", [inp((None, 6))]),
        # errors at construction
        Case(f"{G}(0)", [inp((None, 3, 6))]),
        Case(f"{G}(-2)", [inp((None, 3, 6))]),
        Case(f"{G}(2.0)", [inp((None, 3, 6))]),
        # errors when built
        Case(f"{G}(4)", [inp((None, 3, 6))]),
        Case(f"{G}(8)", [inp((None, 3, 6))]),
        Case(f"{G}()", [inp((None, 8, 8, 16))]),
        Case(f"{G}(2)", [inp((None, 3, None))]),
        Case(f"{G}(3, axis=3)", [inp((None, 6, 5))]),
        Case(f"{G}(3, axis=-3)", [inp((None, 6, 5))]),
        Case(f"{G}(3, axis=[1])", [inp((None, 6, 5))]),
        _l(f"{G}(1)", (None, 3), (None, 3)),
    ]
    return with_randoms(fixed, rng, random_case, 8)
