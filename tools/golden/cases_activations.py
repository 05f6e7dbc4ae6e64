"""Case generators for the activation layers with their own classes: LeakyReLU, PReLU, ELU,
Softmax."""

from golden_common import Case, batch_dim, inp, maybe_none, render, styled, with_randoms


def _shape(g, lo=2, hi=5, known_last=False):
    rank = g.randint(lo, hi)
    inner = [maybe_none(g, g.randint(1, 12)) for _ in range(rank - 1)]
    if known_last and inner:
        inner[-1] = g.randint(1, 12)
    return (batch_dim(g), *inner)


def _l(call, *shapes):
    return Case(call, [inp(s) for s in shapes], list_input=True)


def leaky_relu_cases(rng):
    def random_case(g):
        args = [("negative_slope", g.choice([0.0, 0.01, 0.1, 0.2, 0.3, 1.0, 2]))] if g.random() < 0.7 else []
        return Case(styled(g, "LeakyReLU", args, ["negative_slope"]), [inp(_shape(g))])

    fixed = [
        Case("LeakyReLU()", [inp((None, 10))]),
        Case("LeakyReLU(0.2)", [inp((None, None, None, 3))]),
        Case("LeakyReLU(negative_slope=0)", [inp((2, 3))]),
        Case("LeakyReLU(True)", [inp((None, 3))]),
        Case("LeakyReLU(alpha=0.1)", [inp((None, 3))]),
        # the deprecated alpha replaces negative_slope, even a negative one
        Case("LeakyReLU(-1, alpha=0.2)", [inp((None, 3))]),
        Case("LeakyReLU()", [inp((None,))]),
        Case("LeakyReLU()", [inp((None, 3), "int32")]),
        Case("LeakyReLU(dtype='float16')", [inp((None, 3))]),
        Case("LeakyReLU(0.1, dtype='mixed_bfloat16')", [inp((None, 3))]),
        _l("LeakyReLU()", (None, 3), (None, 4, 5)),
        # errors
        Case("LeakyReLU(-0.1)", [inp((None, 3))]),
        Case("LeakyReLU(None)", [inp((None, 3))]),
        Case("LeakyReLU('a')", [inp((None, 3))]),
        Case("LeakyReLU(alpha=-1)", [inp((None, 3))]),
        Case("LeakyReLU(slope=0.1)", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)


def prelu_cases(rng):
    def random_case(g):
        rank = g.randint(2, 5)
        dims = [g.randint(1, 12) for _ in range(rank - 1)]
        shared = sorted(g.sample(range(1, rank), g.randint(0, rank - 1)))
        # a shared axis may be unknown; the others must be known
        dims = [None if (i + 1 in shared and g.random() < 0.5) else d for i, d in enumerate(dims)]
        args = []
        if shared or g.random() < 0.3:
            value = shared[0] if len(shared) == 1 and g.random() < 0.5 else g.choice([shared, tuple(shared)])
            args.append(("shared_axes", value if shared else None))
        if g.random() < 0.2:
            args.insert(0, ("alpha_initializer", g.choice(["zeros", "ones", "Zeros"])))
        return Case(styled(g, "PReLU", args, ["alpha_initializer"]), [inp((batch_dim(g), *dims))])

    fixed = [
        Case("PReLU()", [inp((None, 3, 4))]),
        Case("PReLU()", [inp((None, 10))]),
        Case("PReLU(shared_axes=1)", [inp((None, None, 4))]),
        Case("PReLU(shared_axes=[1, 2])", [inp((None, None, None, 16))]),
        Case("PReLU(shared_axes=(1, 1))", [inp((None, None, 4))]),
        Case("PReLU(shared_axes=[])", [inp((None, 2, 4))]),
        Case("PReLU('zeros', None, None, [1])", [inp((2, 5, 3))]),
        # Python list indexing: axis 0 is the last non-batch axis, -1 the one before it
        Case("PReLU(shared_axes=0)", [inp((None, 3, 4))]),
        Case("PReLU(shared_axes=-1)", [inp((None, 3, 4))]),
        # a rank-1 input gives a scalar alpha (1 param)
        Case("PReLU()", [inp((None,))]),
        Case("PReLU()", [inp((None, 3), "int32")]),
        Case("PReLU(dtype='float16')", [inp((None, 3))]),
        Case("PReLU(dtype='mixed_float16')", [inp((None, 3, 2))]),
        # errors: alpha would have an unknown dim; an axis out of range; a non-int axis
        Case("PReLU()", [inp((None, None, 4))]),
        Case("PReLU(shared_axes=[])", [inp((None, None, 4))]),
        Case("PReLU(shared_axes=1)", [inp((None, 3, None))]),
        Case("PReLU(shared_axes=5)", [inp((None, 3, 4))]),
        Case("PReLU(shared_axes=-2)", [inp((None, 3, 4))]),
        Case("PReLU(shared_axes=1)", [inp((None,))]),
        Case("PReLU(shared_axes='a')", [inp((None, 3, 4))]),
        Case("PReLU(shared_axes=2.0)", [inp((None, 3, 4))]),
        _l("PReLU()", (None, 3), (None, 3)),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def elu_cases(rng):
    def random_case(g):
        args = [("alpha", g.choice([0.5, 1.0, 2, 0.0]))] if g.random() < 0.6 else []
        return Case(styled(g, "ELU", args, ["alpha"]), [inp(_shape(g))])

    fixed = [
        Case("ELU()", [inp((None, 10))]),
        Case("ELU(0.5)", [inp((None, None, 8))]),
        Case("ELU(alpha=2.0)", [inp((3, 4, 5))]),
        # Keras does not check alpha
        Case("ELU(-1.0)", [inp((None, 3))]),
        Case("ELU('x')", [inp((None, 3))]),
        Case("ELU()", [inp((None,))]),
        Case("ELU()", [inp((None, 3), "int32")]),
        Case("ELU(dtype='float16')", [inp((None, 3))]),
        Case("ELU(dtype='mixed_float16')", [inp((None, 3), "float64")]),
        _l("ELU()", (None, 3), (None, 4, 5)),
        Case("ELU(1.0, 2.0)", [inp((None, 3))]),
        Case("ELU(alhpa=1.0)", [inp((None, 3))]),
        Case("ELU(dtype='float17')", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)


def softmax_cases(rng):
    def random_case(g):
        shape = _shape(g)
        args = [("axis", g.choice([-1, 1, len(shape) - 1, -2 if len(shape) > 2 else -1]))] if g.random() < 0.6 else []
        return Case(styled(g, "Softmax", args, ["axis"]), [inp(shape)])

    fixed = [
        Case("Softmax()", [inp((None, 10))]),
        Case("Softmax(axis=1)", [inp((None, 4, 5))]),
        Case("Softmax(-2)", [inp((2, None, 5))]),
        Case("Softmax(axis=(1, 2))", [inp((None, 4, 5))]),
        # the axis is only used when the layer runs: shape inference accepts any axis
        Case("Softmax(axis=7)", [inp((None, 3))]),
        Case("Softmax(axis='x')", [inp((None, 3))]),
        Case("Softmax()", [inp((None,))]),
        Case("Softmax()", [inp((None, 3), "int32")]),
        Case("Softmax(dtype='float16')", [inp((None, 3))]),
        Case("Softmax(dtype='mixed_bfloat16')", [inp((None, 3))]),
        _l("Softmax()", (None, 3), (None, 4)),
        Case("Softmax(-1, -1)", [inp((None, 3))]),
        Case("Softmax(axes=-1)", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)
