"""Case generators for axis-reshaping layers: Permute, RepeatVector, Cropping1D/2D/3D."""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, with_randoms


def permute_cases(rng):
    def random_case(g):
        n = g.randint(1, 5)
        dims = list(range(1, n + 1))
        g.shuffle(dims)
        shape = (batch_dim(g), *[None if g.random() < 0.25 else g.randint(1, 12) for _ in range(n)])
        dims = tuple(dims) if g.random() < 0.7 else dims
        return Case(render("Permute", [("dims", dims)], g.randint(0, 1)), [inp(shape)])

    fixed = [
        Case("Permute((2, 1))", [inp((None, 10, 64))]),
        Case("Permute(dims=(3, 1, 2))", [inp((4, 5, None, 7))]),
        Case("Permute([1, 2, 3])", [inp((None, 2, 3, 4))]),
        Case("Permute((1,))", [inp((None, 6))]),
        Case("Permute(())", [inp((None,))]),
        Case("Permute((True, 2))", [inp((None, 3, 4))]),  # True is 1 in Python
        # construction errors
        Case("Permute((0, 1))", [inp((None, 3, 4))]),
        Case("Permute((1, 3))", [inp((None, 3, 4))]),
        Case("Permute((2, 2))", [inp((None, 3, 4))]),
        Case("Permute((1, -1))", [inp((None, 3, 4))]),
        Case("Permute(2)", [inp((None, 3, 4))]),
        Case("Permute('21')", [inp((None, 3, 4))]),
        Case("Permute((1.5, 2))", [inp((None, 3, 4))]),
        # call errors
        Case("Permute((2, 1))", [inp((None, 3, 4, 5))]),
        Case("Permute((2, 3, 1))", [inp((None, 3, 4))]),
        Case("Permute((2.0, 1))", [inp((None, 3, 4))]),  # accepted as a permutation, fails as an index
        # dtypes: Permute keeps the input dtype
        Case("Permute((2, 1))", [inp((None, 3, 4), "int32")]),
        Case("Permute((2, 1))", [inp((None, 3, 4), "float16")]),
        Case("Permute((2, 1), dtype='bfloat16')", [inp((None, 3, 4))]),
        Case("Permute((2, 1), dtype='mixed_float16')", [inp((None, 3, 4), "bool")]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def repeat_vector_cases(rng):
    def random_case(g):
        shape = (batch_dim(g), None if g.random() < 0.25 else g.randint(1, 64))
        return Case(render("RepeatVector", [("n", g.randint(1, 30))], g.randint(0, 1)), [inp(shape)])

    fixed = [
        Case("RepeatVector(3)", [inp((None, 32))]),
        Case("RepeatVector(n=1)", [inp((8, 4))]),
        Case("RepeatVector(5)", [inp((None, None))]),
        # construction errors
        Case("RepeatVector(0)", [inp((None, 4))]),
        Case("RepeatVector(-3)", [inp((None, 4))]),
        Case("RepeatVector(2.0)", [inp((None, 4))]),
        Case("RepeatVector(True)", [inp((None, 4))]),
        Case("RepeatVector(None)", [inp((None, 4))]),
        Case("RepeatVector((2,))", [inp((None, 4))]),
        # call errors: rank 2 only
        Case("RepeatVector(3)", [inp((None, 4, 5))]),
        Case("RepeatVector(3)", [inp((None,))]),
        # dtypes
        Case("RepeatVector(3)", [inp((None, 4), "int32")]),
        Case("RepeatVector(3, dtype='float16')", [inp((None, 4))]),
        Case("RepeatVector(3, dtype='mixed_float16')", [inp((None, 4), "float16")]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def _random_crop_value(g, rank):
    kind = g.choice(["int", "ints", "pairs", "mixed"]) if rank > 1 else g.choice(["int", "pair"])
    if kind == "int":
        return g.randint(0, 4)
    if kind == "pair":
        return (g.randint(0, 3), g.randint(0, 3))
    if kind == "ints":
        return tuple(g.randint(0, 4) for _ in range(rank))
    if kind == "pairs":
        return tuple((g.randint(0, 3), g.randint(0, 3)) for _ in range(rank))
    return tuple(g.choice([g.randint(0, 3), (g.randint(0, 3), g.randint(0, 3))]) for _ in range(rank))


def _crops(value, rank):
    """Per-axis crop sums, as Keras normalizes `cropping`."""
    if isinstance(value, int):
        return [value * 2] * rank if rank > 1 else [value * 2]
    if rank == 1:
        return [sum(value)]
    return [v * 2 if isinstance(v, int) else sum(v) for v in value]


def cropping_cases(rank):
    cls = f"Cropping{rank}D"
    positional = ["cropping"] if rank == 1 else ["cropping", "data_format"]

    def random_case(g):
        data_format = None if rank == 1 else g.choice([None, "channels_last", "channels_first"])
        cropping = _random_crop_value(g, rank)
        spatial = []
        for c in _crops(cropping, rank):
            roll = g.random()
            spatial.append(None if roll < 0.25 else c + 1 if roll < 0.35 else g.randint(c + 1, c + 20))
        if g.random() < 0.15:  # sometimes exactly the crop: Keras raises (unless the crop is 0)
            i = g.randrange(rank)
            spatial[i] = max(_crops(cropping, rank)[i], 1)
        shape = layout(batch_dim(g), spatial, g.randint(1, 8), data_format)
        args = [("cropping", cropping)] + fmt_kwargs(data_format)
        return Case(styled(g, cls, args, positional), [inp(shape)])

    def generate(rng):
        r = lambda v: (v,) * rank  # noqa: E731
        sp = lambda n, c=3: (None, *r(n), c)  # noqa: E731
        fixed = [
            Case(f"{cls}()", [inp(sp(5))]),
            Case(f"{cls}(1)", [inp((None, *(None,) * rank, 3))]),
            Case(f"{cls}(2)", [inp(sp(5))]),  # 5 - 4 = 1: the smallest that works
            Case(f"{cls}(2)", [inp(sp(4))]),  # 4 - 4 = 0: Keras raises
            Case(f"{cls}(0)", [inp(sp(1))]),
            Case(f"{cls}(True)", [inp(sp(5))]),
            Case(f"{cls}(-1)", [inp(sp(5))]),
            Case(f"{cls}(1.5)", [inp(sp(5))]),
            Case(f"{cls}(None)", [inp(sp(5))]),
            Case(f"{cls}('ab')", [inp(sp(5))]),
            Case(f"{cls}(1)", [inp((None, *r(5)))]),
            Case(f"{cls}(1)", [inp((None, *r(5), 5, 3))]),
            Case(f"{cls}(1)", [inp(sp(5), "int32")]),
            Case(f"{cls}(1, dtype='float16')", [inp(sp(5))]),
            Case(f"{cls}(1, dtype='mixed_float16')", [inp(sp(5), "float16")]),
        ]
        if rank == 1:
            fixed += [
                Case("Cropping1D((0, 3))", [inp((4, 7, 2))]),
                Case("Cropping1D(cropping=[3, 0])", [inp((None, 4, 2))]),
                Case("Cropping1D((3, 1))", [inp((None, 4, 2))]),
                Case("Cropping1D((1, 2, 3))", [inp((None, 7, 2))]),
                Case("Cropping1D((1, -2))", [inp((None, 7, 2))]),
                Case("Cropping1D(((1, 2),))", [inp((None, 7, 2))]),
                Case("Cropping1D((1.0, 2))", [inp((None, 7, 2))]),  # a float crop: fails on a known dim
                Case("Cropping1D((1.0, 2))", [inp((None, None, 2))]),  # ... and passes on an unknown one
                Case("Cropping1D(1, data_format='channels_first')", [inp((None, 7, 2))]),
            ]
        else:
            many = (1,) * (rank + 1)
            fixed += [
                Case(f"{cls}({(1, 2, 0)[:rank]!r})", [inp((2, *(6,) * rank, 4))]),
                Case(f"{cls}({((0, 1), (2, 0), (1, 1))[:rank]!r}, 'channels_first')", [inp((None, 3, *(5,) * rank))]),
                Case(f"{cls}(cropping={((1, 1), 2, [0, 3])[:rank]!r})", [inp((None, *(6,) * rank, 1))]),
                Case(f"{cls}({((2, 2),) * rank!r}, data_format='channels_first')", [inp((None, 4, *(5,) * rank))]),
                Case(f"{cls}({((2, 2),) * rank!r}, data_format='channels_first')", [inp((None, 5, *(4,) * rank))]),
                Case(f"{cls}({many!r})", [inp(sp(5))]),
                Case(f"{cls}({((1, 2, 3),) + ((1, 1),) * (rank - 1)!r})", [inp(sp(9))]),
                Case(f"{cls}({((1, -1),) + ((1, 1),) * (rank - 1)!r})", [inp(sp(9))]),
                Case(f"{cls}({(1.5,) + (1,) * (rank - 1)!r})", [inp(sp(9))]),
                Case(f"{cls}({((1.0, 1),) + ((1, 1),) * (rank - 1)!r})", [inp(sp(9))]),
                Case(f"{cls}({((1.0, 1),) + ((1, 1),) * (rank - 1)!r})", [inp((None, None, *(9,) * (rank - 1), 3))]),
                Case(f"{cls}(1, data_format='channels_middle')", [inp(sp(5))]),
            ]
        return with_randoms(fixed, rng, random_case, 8)

    return generate
