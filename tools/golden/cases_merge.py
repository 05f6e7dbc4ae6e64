"""Case generators for merge layers (called on a list of tensors): Concatenate, Add."""

from golden_common import Case, batch_dim, inp, render, with_randoms


def _merge(call, *shapes, dtypes=None):
    dtypes = dtypes or ["float32"] * len(shapes)
    return Case(call, [inp(s, d) for s, d in zip(shapes, dtypes)], list_input=True)


def concatenate_cases(rng):
    def random_case(g):
        rank = g.randint(2, 4)
        axis = g.choice([-1, -1] + list(range(1, rank)) + [-(rank - 1)])
        pos = axis % rank
        base = [batch_dim(g)] + [None if g.random() < 0.2 else g.randint(1, 10) for _ in range(rank - 1)]
        shapes = []
        for _ in range(g.choice([2, 2, 3])):
            s = list(base)
            s[pos] = None if g.random() < 0.15 else g.randint(1, 10)
            shapes.append(tuple(s))
        args = [] if (axis == -1 and g.random() < 0.5) else [("axis", axis)]
        return _merge(render("Concatenate", args, g.randint(0, len(args))), *shapes)

    fixed = [
        _merge("Concatenate()", (None, 4, 4, 3), (None, 4, 4, 5)),
        _merge("Concatenate(axis=1)", (None, 4, 3), (None, 2, 3), (None, 7, 3)),
        _merge("Concatenate(1)", (None, 8, 4, 4), (None, 16, 4, 4)),
        _merge("Concatenate(axis=-2)", (None, 4, 3), (None, 5, 3)),
        _merge("Concatenate(axis=2)", (2, 3, None, 4), (2, 3, 6, 4)),
        _merge("Concatenate()", (None, None, None, 3), (None, None, None, 5)),
        _merge("Concatenate()", (None, None, 3), (None, 5, 3)),
        _merge("Concatenate(axis=0)", (None, 3), (None, 3)),
        _merge("Concatenate(axis=0)", (2, 3), (5, 3)),
        _merge("Concatenate()", (None, 64, 64, 16), (None, 63, 63, 16)),
        _merge("Concatenate()", (None, 4, 3), (None, 5, 3)),
        _merge("Concatenate()", (None, 4, 3), (None, 4, 2, 3)),
        _merge("Concatenate(axis=3)", (None, 4, 3), (None, 4, 3)),
        _merge("Concatenate(axis=-4)", (None, 4, 3), (None, 4, 3)),
        _merge("Concatenate()", (2, 3), (4, 3)),
        _merge("Concatenate()", (None, 3)),
        _merge("Concatenate()", (None, 3), (None, 4), dtypes=["int32", "float32"]),
        _merge("Concatenate()", (None, 3), (None, 4), dtypes=["int32", "int32"]),
        _merge("Concatenate()", (None, 3), (None, 4), dtypes=["float16", "float32"]),
        _merge("Concatenate(dtype='float16')", (None, 3), (None, 4)),
        _merge("Concatenate(axis=-1, dtype='mixed_float16')", (None, 3), (None, 4)),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def add_cases(rng):
    def random_case(g):
        rank = g.randint(2, 4)
        base = [batch_dim(g)] + [None if g.random() < 0.2 else g.randint(2, 8) for _ in range(rank - 1)]
        shapes = []
        for _ in range(g.choice([2, 2, 3])):
            s = [d if (i == 0 or g.random() < 0.8) else 1 for i, d in enumerate(base)]
            shapes.append(tuple(s))
        return _merge("Add()", *shapes)

    fixed = [
        _merge("Add()", (None, 8, 8, 16), (None, 8, 8, 16)),
        _merge("Add()", (None, 4), (None, 4), (None, 4)),
        _merge("Add()", (None, 4, 1, 1), (None, 4, 6, 1)),
        _merge("Add()", (None, 4, 6, 1), (None, 4, 1, 1)),
        _merge("Add()", (None, 1, 6), (None, 5, 1)),
        _merge("Add()", (None, 6, 1), (None, 4, 6, 1)),
        _merge("Add()", (None, 4, 6, 1), (None, 1)),
        _merge("Add()", (None, None, 3), (None, 1, 3)),
        _merge("Add()", (None, None, 3), (None, 5, 3)),
        _merge("Add()", (None, 5, 3), (None, None, 3)),
        _merge("Add()", (None, 1, 3), (None, None, 3)),
        _merge("Add()", (1, 3), (4, 3)),
        _merge("Add()", (None, 3), (4, 3)),
        _merge("Add()", (None, 3), (None, 4)),
        _merge("Add()", (None, 2, 3), (None, 3, 3)),
        _merge("Add()", (None, 3), (None, 3), (None, 4)),
        _merge("Add()", (None, 3)),
        _merge("Add()", (None, 3), (None, 3), dtypes=["int32", "float32"]),
        _merge("Add()", (None, 3), (None, 3), dtypes=["int32", "int32"]),
        _merge("Add()", (None, 3), (None, 3), dtypes=["float16", "bfloat16"]),
        _merge("Add(dtype='float16')", (None, 3), (None, 3)),
        _merge("Add(dtype='mixed_bfloat16')", (None, 3), (None, 3), dtypes=["float16", "float32"]),
    ]
    return with_randoms(fixed, rng, random_case, 8)
