"""Case generators for the core layers beyond Dense: EinsumDense, Embedding, Identity, Masking."""

from golden_common import Case, batch_dim, inp, maybe_none, render, styled, with_randoms


def _l(call, *shapes, dtype="float32"):
    """A list-input case: the layer called on [x0, x1, ...]."""
    return Case(call, [inp(s, dtype) for s in shapes], list_input=True)


# ---- EinsumDense ---------------------------------------------------------------------------

EINSUM_POSITIONAL = ["equation", "output_shape", "activation", "bias_axes"]


def _random_einsum(g):
    """One of the einsum patterns Keras supports, with random sizes, unknowns and bias axes."""
    b = batch_dim(g)
    kind = g.choice(["dense", "seq", "ellipsis_left", "ellipsis_right", "heads", "dense_seq"])
    units = g.choice([1, 4, 8, 16, 64])
    if kind == "dense":
        eq, shape, out, bias = "ab,bc->ac", (b, g.randint(1, 32)), units, g.choice([None, "c"])
    elif kind == "seq":
        n = maybe_none(g, g.randint(1, 20))
        eq, shape = "abc,cd->abd", (b, n, g.randint(1, 32))
        out = (g.choice([None, n]) if n is not None else None, units)
        bias = g.choice([None, "d"])
    elif kind == "ellipsis_left":
        rank = g.randint(2, 5)
        shape = (b, *[maybe_none(g, g.randint(1, 9)) for _ in range(rank - 2)], g.randint(1, 32))
        eq, out, bias = "...x,xy->...y", g.choice([units, (units,), [units]]), g.choice([None, "y"])
    elif kind == "ellipsis_right":
        rank = g.randint(3, 5)
        shape = (b, g.randint(1, 16), *[maybe_none(g, g.randint(1, 9)) for _ in range(rank - 2)])
        eq, out, bias = "ab...,bc->ac...", units, g.choice([None, "c"])
    elif kind == "heads":
        n = maybe_none(g, g.randint(1, 12))
        heads, dim = g.randint(1, 8), g.randint(1, 16)
        eq, shape = "abc,cde->abde", (b, n, g.randint(1, 32))
        out, bias = (None, heads, dim), g.choice([None, "de", "e", "d"])
    else:
        eq, shape = "abc,cd->abd", (b, g.randint(1, 12), g.randint(1, 24))
        out, bias = (shape[1], units), g.choice([None, "d", "bd", "b"])
    args = [("equation", eq), ("output_shape", out)]
    if g.random() < 0.2:
        args.append(("activation", g.choice(["relu", "gelu", None])))
    if bias is not None:
        args.append(("bias_axes", bias))
    if g.random() < 0.1:
        args.append(("kernel_initializer", "he_normal"))
    return Case(styled(g, "EinsumDense", args, EINSUM_POSITIONAL), [inp(shape)])


def einsum_dense_cases(rng):
    E = "EinsumDense"
    fixed = [
        # Keras's docstring examples (the second comes out as (None, None, 64): the None in
        # output_shape wins over the input's 32)
        Case(f"{E}('ab,bc->ac', output_shape=64, bias_axes='c')", [inp((None, 32))]),
        Case(f"{E}('abc,cd->abd', output_shape=(None, 64), bias_axes='d')", [inp((None, 32, 128))]),
        Case(f"{E}('...x,xy->...y', output_shape=64, bias_axes='y')", [inp((None, 32, 128))]),
        Case(f"{E}('abc,cd->abd', (32, 64), bias_axes='d')", [inp((None, 32, 128))]),
        # left ellipsis: the elided dims are inserted one by one at position 1 (reversed order)
        Case(f"{E}('...x,xy->...y', 16)", [inp((None, 5, 7, 128))]),
        Case(f"{E}('...x,xy->...y', 16)", [inp((2, 5, None, 3, 8))]),
        Case(f"{E}('...x,xy->...y', [16])", [inp((None, 8))]),
        # right ellipsis: elided dims appended, bias padded with 1s
        Case(f"{E}('ab...,bc->ac...', 4, bias_axes='c')", [inp((None, 3, 5, 6))]),
        # without '...', extra input dims are appended to the output as if right-elided
        Case(f"{E}('ab,bc->ac', 64)", [inp((None, 5, 7))]),
        # output_shape longer than the output spec: the rest is appended
        Case(f"{E}('ab,bc->ac', (64, 10))", [inp((None, 5))]),
        # trailing text after a match is ignored; '0' works as an ellipsis
        Case(f"{E}('ab,bc->ac...', 4)", [inp((None, 3))]),
        Case(f"{E}('ab,bc->ac,zz', 4)", [inp((None, 3))]),
        Case(f"{E}('0x,xy->0y', 4)", [inp((None, 3, 2))]),
        # multi-head projection, bias on a subset of axes, upper-case letters
        Case(f"{E}('abc,cde->abde', (None, 8, 16), bias_axes='de')", [inp((None, None, 64))]),
        Case(f"{E}('abc,cd->abd', (32, 64), bias_axes='b')", [inp((4, 32, 128))]),
        Case(f"{E}('aBC,CD->aBD', (None, 6), bias_axes='D')", [inp((None, 7, 5))]),
        Case(f"{E}('ab,bc->ac', 0)", [inp((None, 5))]),
        Case(f"{E}('ab,bc->ac', 4, lora_rank=2)", [inp((None, 3))]),
        Case(f"{E}('ab,bc->ac', 4, bias_axes='c', lora_rank=3, lora_alpha=6)", [inp((None, 3))]),
        # errors at construction
        Case(f"{E}('ab,bc->ac', None)", [inp((None, 5))]),
        Case(f"{E}('ab,bc->ac', 4, activation='nope')", [inp((None, 5))]),
        # errors when built
        Case(f"{E}('ab,bc', 4)", [inp((None, 5))]),
        Case(f"{E}('...ab,bc->ac', 4)", [inp((None, 5))]),
        Case(f"{E}('a b,bc->ac', 4)", [inp((None, 5))]),
        Case(f"{E}('abc,cd->abd', 64)", [inp((None, 5, 7))]),
        Case(f"{E}('abc,cd->abd', (5, 64))", [inp((None, None, 7))]),
        Case(f"{E}('abc,cd->abd', (None, 64))", [inp((None, 7))]),
        Case(f"{E}('...ab,bc->...ac', 4)", [inp((None,))]),
        Case(f"{E}('ab,bc->acd', (4, 5))", [inp((None, 3))]),
        Case(f"{E}('ab,bcz->ac', 4)", [inp((None, 3))]),
        Case(f"{E}('ab,bc->ac', (None,))", [inp((None, 5))]),
        Case(f"{E}('ab,bc->ac', 4)", [inp((None, None))]),
        Case(f"{E}('abc,cd->abd', (None, 64), bias_axes='b')", [inp((None, 32, 128))]),
        Case(f"{E}('ab,bc->ac', 4, bias_axes='x')", [inp((None, 3))]),
        Case(f"{E}('ab,bc->ac', 4, bias_axes='')", [inp((None, 3))]),
        Case(f"{E}('ab,bc->ac', -3)", [inp((None, 5))]),
        Case(f"{E}('ab,bc->ac', (64, -10))", [inp((None, 5))]),
        Case(f"{E}('ab,bc->ac', (64, 2.5))", [inp((None, 5))]),
        Case(f"{E}('ab,bc->ac', 4, lora_rank=2, kernel_constraint='non_neg')", [inp((None, 3))]),
        # dtypes: the compute dtype whatever the input
        Case(f"{E}('ab,bc->ac', 4)", [inp((None, 3), "int32")]),
        Case(f"{E}('ab,bc->ac', 4, dtype='float16')", [inp((None, 3))]),
        Case(f"{E}('ab,bc->ac', 4, dtype='mixed_float16')", [inp((None, 3), "float64")]),
    ]
    return with_randoms(fixed, rng, _random_einsum, 10)


# ---- Embedding -----------------------------------------------------------------------------


def embedding_cases(rng):
    def random_case(g):
        rank = g.randint(1, 4)
        shape = (batch_dim(g), *[maybe_none(g, g.randint(1, 50)) for _ in range(rank - 1)])
        args = [("input_dim", g.choice([2, 10, 1000, 50000])), ("output_dim", g.choice([1, 8, 64, 300]))]
        if g.random() < 0.3:
            args.append(("mask_zero", g.random() < 0.5))
        if g.random() < 0.2:
            args.append(("embeddings_initializer", g.choice(["uniform", "normal", "zeros"])))
        dtype = g.choice(["int32", "int32", "int64", "float32"])
        return Case(styled(g, "Embedding", args, ["input_dim", "output_dim"]), [inp(shape, dtype)])

    fixed = [
        Case("Embedding(1000, 64)", [inp((None, 10), "int32")]),
        Case("Embedding(input_dim=10, output_dim=3)", [inp((None, None), "int32")]),
        Case("Embedding(10, 3)", [inp((None,), "int32")]),
        Case("Embedding(10, 3)", [inp((4, None, None), "int64")]),
        Case("Embedding(10, 3)", [inp((None, 5))]),
        Case("Embedding(1, 1)", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, mask_zero=True)", [inp((None, 7), "int32")]),
        Case("Embedding(10, 3, input_length=5)", [inp((None, 7), "int32")]),
        Case("Embedding(10, 3, lora_rank=2)", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, 'normal', None, None, True)", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, dtype='float16')", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, dtype='mixed_bfloat16')", [inp((None, 5), "int32")]),
        # errors
        Case("Embedding(0, 3)", [inp((None, 5), "int32")]),
        Case("Embedding(10, -1)", [inp((None, 5), "int32")]),
        Case("Embedding(True, 3)", [inp((None, 5), "int32")]),
        Case("Embedding(2.0, 3)", [inp((None, 5), "int32")]),
        Case("Embedding(10)", [inp((None, 5), "int32")]),
        Case("Embedding(2, 3, weights=[[0, 0, 0], [1, 1, 1]])", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, lora_rank=1, embeddings_constraint='non_neg')", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, input_length=5, input_dim=4)", [inp((None, 5), "int32")]),
        Case("Embedding(10, 3, input_lenght=5)", [inp((None, 5), "int32")]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


# ---- Identity, Masking ---------------------------------------------------------------------


def _random_shape(g):
    rank = g.randint(2, 5)
    return (batch_dim(g), *[maybe_none(g, g.randint(1, 16)) for _ in range(rank - 1)])


def identity_cases(rng):
    def random_case(g):
        dtype = g.choice(["float32", "float32", "int32", "float16", "bool"])
        args = [("dtype", "float16")] if g.random() < 0.2 else []
        return Case(render("Identity", args), [inp(_random_shape(g), dtype)])

    fixed = [
        Case("Identity()", [inp((None, 3))]),
        Case("Identity(autocast=False)", [inp((None, 3), "float64")]),
        Case("Identity(autocast=False, dtype='float16')", [inp((None, 3))]),
        Case("Identity()", [inp((None, 3), "float64")]),
        Case("Identity()", [inp((None,))]),
        Case("Identity()", [inp((2, None, 4, None))]),
        Case("Identity()", [inp((None, 3), "int32")]),
        Case("Identity(dtype='float16')", [inp((None, 3))]),
        Case("Identity(dtype='float16')", [inp((None, 3), "int32")]),
        Case("Identity(dtype='mixed_float16')", [inp((None, 3), "float64")]),
        Case("Identity(name='same')", [inp((None, 3))]),
        _l("Identity()", (None, 3), (None, 4, 5)),
        _l("Identity(dtype='bfloat16')", (None, 3), (2, 4)),
        Case("Identity(3)", [inp((None, 3))]),
        Case("Identity(units=3)", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)


def masking_cases(rng):
    def random_case(g):
        args = [("mask_value", g.choice([0.0, -1.0, 0, 5]))] if g.random() < 0.6 else []
        return Case(styled(g, "Masking", args, ["mask_value"]), [inp(_random_shape(g))])

    fixed = [
        Case("Masking()", [inp((None, 10, 8))]),
        Case("Masking(0.0)", [inp((None, None, 8))]),
        Case("Masking(mask_value=-1.0)", [inp((4, 6, 2))]),
        Case("Masking(mask_value='x')", [inp((None, 6, 2))]),
        Case("Masking()", [inp((None,))]),
        Case("Masking()", [inp((None, 3), "int32")]),
        Case("Masking(dtype='float16')", [inp((None, 3))]),
        Case("Masking(dtype='mixed_float16')", [inp((None, 5, 3), "int32")]),
        _l("Masking()", (None, 3), (None, 3)),
        Case("Masking(0.0, 1.0)", [inp((None, 3))]),
        Case("Masking(value=0.0)", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 6)
