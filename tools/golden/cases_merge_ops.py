"""Case generators for Subtract, Multiply, Average, Maximum, Minimum and Dot (called on a list)."""

from golden_common import Case, batch_dim, inp, render, with_randoms


def _merge(call, *shapes, dtypes=None):
    dtypes = dtypes or ["float32"] * len(shapes)
    return Case(call, [inp(s, d) for s, d in zip(shapes, dtypes)], list_input=True)


def elementwise_cases(cls):
    """The Merge subclasses share Add's broadcasting; Subtract takes exactly 2 inputs."""
    two = cls == "Subtract"

    def random_case(g):
        rank = g.randint(2, 4)
        base = [batch_dim(g)] + [None if g.random() < 0.2 else g.randint(2, 8) for _ in range(rank - 1)]
        shapes = []
        for _ in range(2 if two else g.choice([2, 2, 3, 4])):
            s = [d if (i == 0 or g.random() < 0.8) else 1 for i, d in enumerate(base)]
            if g.random() < 0.15:
                s = [s[0]] + s[2:] if len(s) > 2 else s  # a lower rank broadcasts from the right
            shapes.append(tuple(s))
        return _merge(f"{cls}()", *shapes)

    def generate(rng):
        fixed = [
            _merge(f"{cls}()", (None, 8, 8, 16), (None, 8, 8, 16)),
            _merge(f"{cls}()", (None, 4, 1, 1), (None, 4, 6, 1)),
            _merge(f"{cls}()", (None, 1, 6), (None, 5, 1)),
            _merge(f"{cls}()", (None, 6, 1), (None, 4, 6, 1)),
            _merge(f"{cls}()", (None, None, 3), (None, 5, 3)),
            _merge(f"{cls}()", (None, 1, 3), (None, None, 3)),
            _merge(f"{cls}()", (None, 3), (4, 3)),
            _merge(f"{cls}()", (2, 3), (2, 3)),
            _merge(f"{cls}()", (None,), (None,)),
            # call errors
            _merge(f"{cls}()", (None, 3), (None, 4)),
            _merge(f"{cls}()", (None, 2, 3), (None, 3, 3)),
            _merge(f"{cls}()", (1, 3), (4, 3)),
            # dtypes
            _merge(f"{cls}()", (None, 3), (None, 3), dtypes=["int32", "float32"]),
            _merge(f"{cls}()", (None, 3), (None, 3), dtypes=["int32", "int32"]),
            _merge(f"{cls}()", (None, 3), (None, 3), dtypes=["float16", "bfloat16"]),
            _merge(f"{cls}(dtype='float16')", (None, 3), (None, 3)),
            _merge(f"{cls}(dtype='mixed_bfloat16')", (None, 3), (None, 3), dtypes=["float16", "float32"]),
            _merge(f"{cls}(name='merged')", (None, 3), (None, 3)),
        ]
        if two:
            fixed += [
                _merge("Subtract()", (None, 3)),
                _merge("Subtract()", (None, 3), (None, 3), (None, 3)),
                _merge("Subtract()", (None, 3), (None, 4), (None, 3)),
            ]
        else:
            fixed += [
                _merge(f"{cls}()", (None, 4), (None, 4), (None, 4)),
                _merge(f"{cls}()", (None, 4, 6, 1), (None, 1), (None, 6, 5)),
                _merge(f"{cls}()", (None, 3)),
                _merge(f"{cls}()", (None, 3), (None, 3), (None, 4)),
            ]
        return with_randoms(fixed, rng, random_case, 8)

    return generate


def dot_cases(rng):
    def random_case(g):
        r1, r2 = g.randint(2, 4), g.randint(2, 4)
        batch = batch_dim(g)
        s1 = [batch] + [g.randint(1, 8) for _ in range(r1 - 1)]
        s2 = [batch] + [g.randint(1, 8) for _ in range(r2 - 1)]
        a1, a2 = g.randint(1, r1 - 1), g.randint(1, r2 - 1)
        s2[a2] = s1[a1]
        if g.random() < 0.2:
            s1[a1] = s2[a2] = None
        i = g.randint(1, r1 - 1)
        if i != a1 and g.random() < 0.3:  # an unrelated unknown dim
            s1[i] = None
        if r1 == r2 and a1 == a2 and g.random() < 0.5:
            axes = a1 if g.random() < 0.5 else a1 - r1
        else:
            axes = (a1 if g.random() < 0.7 else a1 - r1, a2 if g.random() < 0.7 else a2 - r2)
            axes = list(axes) if g.random() < 0.3 else axes
        args = [("axes", axes)]
        if g.random() < 0.3:
            args.append(("normalize", g.choice([True, False])))
        return _merge(render("Dot", args, g.randint(0, len(args))), tuple(s1), tuple(s2))

    fixed = [
        _merge("Dot(axes=1)", (None, 4), (None, 4)),
        _merge("Dot(axes=-1)", (None, 5, 4), (None, 6, 4)),
        _merge("Dot(axes=(2, 2))", (None, 5, 4), (None, 6, 4)),
        _merge("Dot(axes=(1, 2))", (None, 3, 5), (None, 10, 3)),
        _merge("Dot((2, 1), normalize=True)", (2, 3, 5), (2, 5, 7, 8)),
        _merge("Dot(axes=[-1, -2])", (None, 3, 5), (None, 5, 7)),
        _merge("Dot(1)", (None, 4), (None, 4, 6)),
        _merge("Dot(axes=2)", (None, 3, 4), (None, 5, 4)),
        _merge("Dot(axes=-1)", (None, 3, 4), (None, 4)),  # -1 is axis 2 of x and axis 1 of y
        _merge("Dot(axes=1)", (None, None), (None, None)),
        _merge("Dot(axes=1)", (2, 3), (4, 3)),  # batch sizes are never compared
        _merge("Dot(axes=0)", (None, 3, 4), (None, 3, 5)),  # axis 0: the batch, never refused here
        _merge("Dot(axes=(0, 0))", (None, 3), (None, 5, 2)),
        _merge("Dot(axes=True)", (None, 4), (None, 4)),
        _merge("Dot(axes=1, normalize='yes')", (None, 4), (None, 4)),
        # construction errors
        _merge("Dot(axes=(1, 2, 3))", (None, 4), (None, 4)),
        _merge("Dot(axes=(1.0, 1))", (None, 4), (None, 4)),
        _merge("Dot(axes=1.0)", (None, 4), (None, 4)),
        _merge("Dot(axes=None)", (None, 4), (None, 4)),
        _merge("Dot(axes=((1, 2), 1))", (None, 4), (None, 4)),
        # call errors
        _merge("Dot(axes=1)", (None, 4), (None, 5)),
        _merge("Dot(axes=1)", (None, None), (None, 5)),  # None against 5 is refused
        _merge("Dot(axes=3)", (None, 4), (None, 4)),
        _merge("Dot(axes=(1, -4))", (None, 4), (None, 4)),
        _merge("Dot(axes=1)", (None, 4)),
        _merge("Dot(axes=1)", (None, 4), (None, 4), (None, 4)),
        _merge("Dot(axes=-1)", (None,), (None,)),
        _merge("Dot(axes=(0, 1))", (None, 4), (None, 4)),
        # dtypes
        _merge("Dot(axes=1)", (None, 4), (None, 4), dtypes=["int32", "int32"]),
        _merge("Dot(axes=1, dtype='float16')", (None, 4), (None, 4)),
        _merge("Dot(axes=1, dtype='mixed_float16')", (None, 4), (None, 4), dtypes=["float16", "float32"]),
    ]
    return with_randoms(fixed, rng, random_case, 8)
