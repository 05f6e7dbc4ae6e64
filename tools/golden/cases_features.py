"""Case generators for Keras's feature preprocessing layers: Normalization, Discretization and
CategoryEncoding.

Hashing, HashedCrossing, StringLookup, IntegerLookup and TextVectorization are in cases_text.py:
Keras builds them only with TensorFlow installed beside it.
"""

from cases_preprocessing import pixel_dtype
from golden_common import Case, batch_dim, inp, styled, with_randoms


def normalization_cases(rng):
    def random_case(g):
        rank = g.randint(2, 5)
        dims = [g.randint(1, 8) for _ in range(rank - 1)]
        axes = sorted(g.sample(range(1, rank), g.randint(1, rank - 1)))
        axis = axes[0] if len(axes) == 1 and g.random() < 0.5 else tuple(a - rank if g.random() < 0.3 else a for a in axes)
        args = [("axis", axis)]
        if g.random() < 0.3:
            kept = [dims[a - 1] for a in axes]
            m = g.choice([1.5, [0.5] * kept[-1]])
            args += [("mean", m), ("variance", m)]
        if g.random() < 0.2:
            args.append(("invert", True))
        shape = [batch_dim(g), *[None if (i + 1) not in axes and g.random() < 0.3 else d for i, d in enumerate(dims)]]
        return Case(styled(g, "Normalization", args, ["axis", "mean", "variance"]), [inp(shape, pixel_dtype(g))])

    fixed = [
        Case("Normalization()", [inp((None, 4, 5))]),
        Case("Normalization(axis=None)", [inp((None, 4, 5))]),
        Case("Normalization(axis=(1, 2))", [inp((None, 4, 5))]),
        Case("Normalization(axis=[-1, 1])", [inp((None, 4, 5))]),
        Case("Normalization(axis=())", [inp((None, None, 5))]),
        Case("Normalization(axis=0)", [inp((2, 4, 5))]),
        Case("Normalization(-1, 2.0, 3.0)", [inp((None, None, 5))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0, 2.0])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[1.0], variance=[1.0])", [inp((None, 4, 3))]),
        Case("Normalization(axis=(1, 2), mean=[[1.0], [2.0]], variance=[[1.0], [2.0]])", [inp((None, 2, 3))]),
        Case("Normalization(axis=(1, 2), mean=[1.0, 2.0, 3.0], variance=[1.0, 2.0, 3.0])", [inp((None, 2, 3))]),
        Case("Normalization(axis=None, mean=1.0, variance=1.0)", [inp((None, 4, 2))]),
        Case("Normalization(mean=True, variance=2)", [inp((None, 4, 2))]),
        Case("Normalization(mean=[1, 2], variance=[1, 2])", [inp((None, 4, 2), "string")]),
        Case("Normalization()", [inp((None, 4, 2), "int32")]),
        Case("Normalization(dtype='float16')", [inp((None, 4, 2), "int32")]),
        Case("Normalization(invert=True, dtype='mixed_float16')", [inp((None, 4, 2))]),
        Case("Normalization(axis=3)", [inp((1, 2, 3, 4, 5))]),
        # errors
        Case("Normalization(axis=1)", [inp((None, None, 5))]),
        Case("Normalization(axis=3)", [inp((None, 4, 5))]),
        Case("Normalization(axis=-4)", [inp((None, 4, 5))]),
        Case("Normalization(axis=0)", [inp((None, 4, 5))]),
        Case("Normalization()", [inp((None,))]),
        Case("Normalization(axis=(1, 1))", [inp((None, 4, 2))]),
        Case("Normalization(axis=(1, -2))", [inp((None, 4, 2))]),
        Case("Normalization(axis='a')", [inp((None, 4, 2))]),
        Case("Normalization(axis=1.5)", [inp((None, 4, 2))]),
        Case("Normalization(axis=(1.0,))", [inp((None, 4, 2))]),
        Case("Normalization(mean=1.0)", [inp((None, 4, 2))]),
        Case("Normalization(variance=[1.0])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[[1.0]], variance=[[1.0]])", [inp((None, 4, 3))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0, 2.0])", [inp((None, 4, 3))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0, 'a'])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[[1.0, 2.0], [1.0]], variance=[[1.0, 2.0], [1.0]])", [inp((None, 4, 2))]),
        Case("Normalization(axis=None, mean=[1.0], variance=[1.0])", [inp((None, 4, 2))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def discretization_cases(rng):
    modes = ["int", "one_hot", "multi_hot", "count"]

    def random_case(g):
        mode = g.choice(modes)
        if g.random() < 0.7:
            args = [("bin_boundaries", sorted(round(g.uniform(-5, 5), 2) for _ in range(g.randint(0, 6))))]
        else:
            args = [("num_bins", g.randint(0, 9))]
        if mode != "int" or g.random() < 0.3:
            args.append(("output_mode", mode))
        if mode != "int" and g.random() < 0.2:
            args.append(("sparse", True))
        if g.random() < 0.2:
            args.append(("dtype", g.choice(["float16", "float64", "mixed_float16"])))
        rank = g.randint(1, 4)
        shape = (batch_dim(g), *[g.choice([None, 1, 2, 5]) for _ in range(rank - 1)])
        return Case(styled(g, "Discretization", args, ["bin_boundaries"]), [inp(shape, pixel_dtype(g))])

    fixed = [
        Case("Discretization([0.0, 1.0])", [inp((None, 4))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='one_hot')", [inp((None, 4))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='one_hot')", [inp((None, 1))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='one_hot')", [inp((None,))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='multi_hot')", [inp((None,))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='count')", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries=(0.5,), output_mode='count')", [inp((2, 3, 4, 5))]),
        Case("Discretization(bin_boundaries=[], output_mode='multi_hot')", [inp((None, 3))]),
        Case("Discretization(num_bins=4)", [inp((None, 3, 4), "int32")]),
        Case("Discretization(num_bins=0, output_mode='one_hot')", [inp((None, 3, 4))]),
        Case("Discretization(num_bins=4, output_mode='one_hot', sparse=True)", [inp((None, 3, 4))]),
        Case("Discretization([1.0], output_mode='one_hot', dtype='float16')", [inp((None, 3, 4))]),
        Case("Discretization([1.0], dtype='float16')", [inp((None, 3, 4), "int32")]),
        Case("Discretization([1.0], output_mode='int', dtype='int64')", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries=3)", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries='abc', output_mode='count')", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries='', output_mode='one_hot')", [inp((None, 3))]),
        Case("Discretization(num_bins=True, output_mode='count')", [inp((None, 3))]),
        # errors
        Case("Discretization(num_bins=-1)", [inp((None, 3))]),
        Case("Discretization(num_bins=2, bin_boundaries=[1.0])", [inp((None, 3))]),
        Case("Discretization()", [inp((None, 3))]),
        Case("Discretization([1.0], sparse=True)", [inp((None, 3))]),
        Case("Discretization([1.0], output_mode='binary')", [inp((None, 3))]),
        Case("Discretization([1.0], output_mode='One_Hot')", [inp((None, 3))]),
        Case("Discretization(num_bins='4')", [inp((None, 3))]),
        Case("Discretization(bin_boundaries=3, output_mode='count')", [inp((None, 3, 4))]),
        Case("Discretization(num_bins=2.5, output_mode='count')", [inp((None, 3, 4))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def category_encoding_cases(rng):
    def random_case(g):
        args = [("num_tokens", g.randint(1, 50))]
        mode = g.choice(["multi_hot", "one_hot", "count", None])
        if mode is not None:
            args.append(("output_mode", mode))
        if g.random() < 0.2:
            args.append(("sparse", True))
        rank = g.randint(1, 4)
        shape = (batch_dim(g), *[g.choice([None, 1, 1, 3, 6]) for _ in range(rank - 1)])
        dtype = g.choice(["int32", "int64", "int32", "float32"])
        return Case(styled(g, "CategoryEncoding", args, ["num_tokens", "output_mode"]), [inp(shape, dtype)])

    fixed = [
        Case("CategoryEncoding(3)", [inp((None,), "int32")]),
        Case("CategoryEncoding(3)", [inp((None, 1), "int32")]),
        Case("CategoryEncoding(3)", [inp((None, 4, 5), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot')", [inp((None,), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot')", [inp((None, 1), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot')", [inp((None, None), "int32")]),
        Case("CategoryEncoding(3, 'one_hot')", [inp((4, 5, 1), "int64")]),
        Case("CategoryEncoding(num_tokens=3, output_mode='count', sparse=True)", [inp((4, 5, 1), "int64")]),
        Case("CategoryEncoding(3, output_mode='binary')", [inp((4, 5, 2), "string")]),
        Case("CategoryEncoding(True)", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot', sparse=True)", [inp((None, 2, 1), "int32")]),
        Case("CategoryEncoding(3, dtype='int32')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(3, dtype='mixed_float16')", [inp((None, 2), "int32")]),
        # errors
        Case("CategoryEncoding(3, output_mode='Count')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(3, output_mode='int')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding()", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(0)", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(-3, output_mode='one_hot')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(2.5)", [inp((None, 2), "int32")]),
        Case("CategoryEncoding('a')", [inp((None, 2), "int32")]),
    ]
    return with_randoms(fixed, rng, random_case, 10)
