"""Case generators for the layers Keras builds with TensorFlow ops (Hashing, HashedCrossing,
StringLookup, IntegerLookup, TextVectorization) and the wrappers SpectralNormalization and
Pipeline. They need tensorflow installed beside keras (generate.py runs in such a venv)."""

from golden_common import Case, batch_dim, inp, render, styled, with_randoms

_MODES = ["int", "one_hot", "multi_hot", "count"]


def _rank_shape(g, low=1, high=3):
    """A full shape of rank low..high: batch then small dims, some unknown."""
    rank = g.randint(low, high)
    return (batch_dim(g), *[None if g.random() < 0.25 else g.randint(1, 5) for _ in range(rank - 1)])


def hashing_cases(rng):
    def random_case(g):
        args = [("num_bins", g.randint(1, 64))]
        mode = g.choice(_MODES)
        if g.random() < 0.3:
            args.append(("mask_value", g.choice(["", 0, -1])))
        if g.random() < 0.3:
            args.append(("salt", g.choice([3, (1, 2), [7, 11]])))
        if mode != "int" or g.random() < 0.3:
            args.append(("output_mode", mode))
        if mode != "int" and g.random() < 0.2:
            args.append(("dtype", g.choice(["float16", "mixed_float16", "int32"])))
        dtype = g.choice(["string", "int32", "int64", "float32"])
        return Case(styled(g, "Hashing", args, ["num_bins", "mask_value", "salt", "output_mode"]), [inp(_rank_shape(g), dtype)])

    s = "string"
    fixed = [
        Case("Hashing(3)", [inp((None, 4), s)]),
        Case("Hashing(3)", [inp((None, 4))]),
        Case("Hashing(num_bins=3)", [inp((None,), "int32")]),
        Case("Hashing(3, output_mode='one_hot')", [inp((None, 4), "int32")]),
        Case("Hashing(3, output_mode='one_hot')", [inp((None, 1), "int32")]),
        Case("Hashing(3, None, None, 'multi_hot')", [inp((None, 4, 5), "int64")]),
        Case("Hashing(3, output_mode='count', dtype='mixed_float16')", [inp((None,), "int32")]),
        Case("Hashing(3, dtype='int32')", [inp((8, 2), s)]),
        Case("Hashing(5, mask_value='', salt=7)", [inp((None, 3), s)]),
        Case("Hashing(5, salt=(1, 2))", [inp((None, None), s)]),
        Case("Hashing(3, output_mode='one_hot', sparse=True)", [inp((None, 2), s)]),
        Case("Hashing(3, output_mode='one_hot', dtype='int32')", [inp((None, 2), s)]),
        Case("Hashing(True, output_mode='one_hot')", [inp((None, 2), s)]),
        Case("Hashing(2.5)", [inp((None, 2), s)]),
        Case("Hashing(8, output_mode='multi_hot', dtype='float16')", [inp((2, 6), "int32")]),
        Case("Hashing(4, autocast=False)", [inp((None, 2), s)]),
        # construction errors
        Case("Hashing(0)", [inp((None, 2), s)]),
        Case("Hashing(-1, output_mode='one_hot')", [inp((None, 2), s)]),
        Case("Hashing(None)", [inp((None, 2), s)]),
        Case("Hashing('a')", [inp((None, 2), s)]),
        Case("Hashing(3, output_mode='binary')", [inp((None, 2), s)]),
        Case("Hashing(3, sparse=True)", [inp((None, 2), s)]),
        Case("Hashing(3, salt=[1, 2, 3])", [inp((None, 2), s)]),
        Case("Hashing(3, salt=1.5)", [inp((None, 2), s)]),
        Case("Hashing(3, dtype='float32')", [inp((None, 2), s)]),
        Case("Hashing(3, dtype='mixed_float16')", [inp((None, 2), s)]),
        Case("Hashing(3, foo=1)", [inp((None, 2), s)]),
        # call errors
        Case("Hashing(3.5, output_mode='one_hot')", [inp((None, 2), s)]),
        Case("Hashing(3)", [inp((None, 2), s), inp((None, 2), s)], list_input=True),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def hashed_crossing_cases(rng):
    def random_case(g):
        rank = g.choice([1, 2, 2, 3])
        last = 1 if rank == 2 and g.random() < 0.5 else g.randint(1, 4)
        shape = (batch_dim(g), *[g.randint(1, 4) for _ in range(rank - 2)], last)[:rank]
        mode = g.choice(["int", "one_hot"])
        args = [("num_bins", g.randint(1, 40))] + ([("output_mode", mode)] if mode != "int" or g.random() < 0.3 else [])
        dtypes = [g.choice(["string", "int32", "int64"]) for _ in range(2)]
        return Case(styled(g, "HashedCrossing", args, ["num_bins", "output_mode"]), [inp(shape, d) for d in dtypes], list_input=True)

    two = lambda shape, d="int32": [inp(shape, d), inp(shape, d)]  # noqa: E731
    fixed = [
        Case("HashedCrossing(5)", [inp((None,), "int32"), inp((None,), "string")], list_input=True),
        Case("HashedCrossing(5)", two((None, 1)), list_input=True),
        Case("HashedCrossing(5)", two((None, 3), "float32"), list_input=True),
        Case("HashedCrossing(5)", [inp((None, 3, 2), "int32"), inp((None, 4, 2), "int32")], list_input=True),
        Case("HashedCrossing(5, output_mode='one_hot')", two((None,)), list_input=True),
        Case("HashedCrossing(5, 'one_hot')", two((None, 1), "string"), list_input=True),
        Case("HashedCrossing(num_bins=5, output_mode='one_hot')", [inp((4, 3)), inp((None, 3))], list_input=True),
        Case("HashedCrossing(5, dtype='float32')", two((None,)), list_input=True),
        Case("HashedCrossing(5, dtype='mixed_float16', output_mode='one_hot')", two((None,)), list_input=True),
        Case("HashedCrossing(0)", two((None,)), list_input=True),
        Case("HashedCrossing(0, output_mode='one_hot')", two((None,)), list_input=True),
        Case("HashedCrossing(None, output_mode='one_hot')", two((None,)), list_input=True),
        # **kwargs are taken and never read
        Case("HashedCrossing(5, foo=1)", two((None,)), list_input=True),
        Case("HashedCrossing(5, input_shape=(3,))", two((None,)), list_input=True),
        Case("HashedCrossing(5, output_mode='one_hot', name='cross')", two((2, 1)), list_input=True),
        # construction errors
        Case("HashedCrossing(5, output_mode='multi_hot')", two((None,)), list_input=True),
        Case("HashedCrossing(5, output_mode=None)", two((None,)), list_input=True),
        Case("HashedCrossing(5, sparse=True)", two((None,)), list_input=True),
        Case("HashedCrossing(5, dtype='foo')", two((None,)), list_input=True),
        # call errors: Keras's shape inference takes exactly two inputs
        Case("HashedCrossing(5)", [inp((None,), "int32")] * 3, list_input=True),
        Case("HashedCrossing(5)", [inp((None,), "int32")], list_input=True),
        Case("HashedCrossing(5)", [inp((None, 2), "int32")]),
        Case("HashedCrossing(5)", [inp((None, 3), "int32"), inp((None, 4), "int32")], list_input=True),
        Case("HashedCrossing(5)", [inp((None, None), "int32"), inp((None, 4), "int32")], list_input=True),
        Case("HashedCrossing(-2, output_mode='one_hot')", two((None,)), list_input=True),
        Case("HashedCrossing('a', output_mode='one_hot')", two((None,)), list_input=True),
        Case("HashedCrossing(5)", two((None,)), call_args="x0, x1"),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def _lookup_random_case(g, cls, tokens, oov):
    mode = g.choice(_MODES + ["tf_idf"])
    vocab = g.sample(tokens, g.randint(1, len(tokens)))
    args = []
    if g.random() < 0.85:
        args.append(("vocabulary", vocab))
    if g.random() < 0.3:
        args.append(("num_oov_indices", g.randint(0, 3)))
    if g.random() < 0.3:
        args.append(("mask_token", g.choice([tokens[-1], oov[1]])))
    if mode != "int" or g.random() < 0.3:
        args.append(("output_mode", mode))
    if mode == "tf_idf" and any(k == "vocabulary" for k, _ in args):
        args.append(("idf_weights", [round(g.uniform(0, 2), 2) for _ in vocab]))
    if g.random() < 0.3:
        args.append(("max_tokens", g.randint(2, 12)))
        if g.random() < 0.5:
            args.append(("pad_to_max_tokens", True))
    if mode == "int" and g.random() < 0.15:
        args.append(("invert", True))
    dtype = "int64" if any(k == "invert" for k, _ in args) else g.choice(oov[2])
    order = {"max_tokens": 0, "num_oov_indices": 1, "mask_token": 2, "vocabulary": 4}
    args.sort(key=lambda kv: order.get(kv[0], 9))
    return Case(render(cls, args), [inp(_rank_shape(g, 1, 4), dtype)])


def string_lookup_cases(rng):
    tokens = ["a", "b", "c", "d", "e", "f", "g", ""]
    S, I = "string", "int64"
    s4, s1, s0 = [inp((None, 4), S)], [inp((None, 1), S)], [inp((None,), S)]
    v = "vocabulary=['a', 'b', 'c']"
    fixed = [
        Case("StringLookup()", [inp((None, 3), S)]),
        Case("StringLookup(output_mode='one_hot')", [inp((None, 3), S)]),
        Case("StringLookup(output_mode='one_hot', max_tokens=5, pad_to_max_tokens=True)", [inp((None, 3), S)]),
        Case(f"StringLookup({v}, output_mode='one_hot')", [inp((None, 3), S)]),
        Case(f"StringLookup({v}, output_mode='one_hot')", s1),
        Case(f"StringLookup({v}, output_mode='one_hot')", s0),
        Case(f"StringLookup({v}, output_mode='one_hot')", [inp((None, 2, 1), S)]),
        Case(f"StringLookup({v}, output_mode='multi_hot')", s0),
        Case(f"StringLookup({v}, output_mode='multi_hot', mask_token='')", s4),
        Case(f"StringLookup({v}, mask_token='')", s4),
        Case(f"StringLookup({v}, output_mode='count', num_oov_indices=3)", [inp((None, 2, 3), S)]),
        Case(f"StringLookup({v}, output_mode='tf_idf', idf_weights=[1.0, 2.0, 3.0])", s4),
        Case(f"StringLookup(None, 1, None, '[UNK]', ['a', 'b'], None, False, 'binary')", s4),
        Case(f"StringLookup({v}, invert=True)", [inp((None, 4), I)]),
        Case("StringLookup(vocabulary=['[UNK]', 'a', 'b'], output_mode='one_hot')", s4),
        Case("StringLookup(vocabulary=['a', '[UNK]', 'b'], output_mode='one_hot')", s4),
        Case("StringLookup(vocabulary=['', '[UNK]', 'a', 'b'], mask_token='')", s4),
        Case("StringLookup(vocabulary=['[UNK]', 'a', 'b'], mask_token='', output_mode='one_hot')", s4),
        Case("StringLookup(vocabulary=['[UNK]', '[UNK]', 'a'], num_oov_indices=2, output_mode='count')", s4),
        Case("StringLookup(vocabulary=['a', 'b'], num_oov_indices=0, output_mode='one_hot')", s4),
        Case("StringLookup(vocabulary=['a', 1, 2.5, True], output_mode='count')", s4),
        Case("StringLookup(vocabulary=('a', 'b'), output_mode='count', max_tokens=3)", s4),
        Case("StringLookup(vocabulary=['a', 'b', 'c'], max_tokens=8, output_mode='one_hot', pad_to_max_tokens=True)", s4),
        Case("StringLookup(vocabulary=['a'], output_mode='tf_idf', idf_weights=[1.0], pad_to_max_tokens=True, max_tokens=5)", s4),
        Case("StringLookup(oov_token=None, vocabulary=['a'], output_mode='one_hot')", s4),
        Case("StringLookup(output_mode='one_hot', vocabulary_size=7)", s4),
        Case("StringLookup(output_mode='tf_idf')", s4),
        Case("StringLookup(num_oov_indices=1.5, max_tokens=2.5)", s4),
        Case("StringLookup(vocabulary=['a', 'b'], dtype='float16', trainable=False)", [inp((None, 4), "int32")]),
        Case("StringLookup(salt=3, encoding='latin-1', name='lookup')", s4),
        # construction errors
        Case("StringLookup(vocabulary=['a', 'b', 'a'])", s4),
        Case("StringLookup(vocabulary=['1', 1])", s4),
        Case("StringLookup(vocabulary=['a', 'b', ''], mask_token='')", s4),
        Case("StringLookup(vocabulary=['', '[UNK]', 'a', 'b'], mask_token='', output_mode='one_hot')", s4),
        Case("StringLookup(vocabulary=['a', '[UNK]', 'b'], invert=True)", [inp((None, 4), I)]),
        Case(f"StringLookup({v}, max_tokens=3)", s4),
        Case("StringLookup(vocabulary=[])", s4),
        Case("StringLookup(vocabulary=[1, 2])", s4),
        Case("StringLookup(vocabulary=['a', None])", s4),
        Case("StringLookup(vocabulary=[['a', 'b'], ['c', 'd']])", s4),
        Case("StringLookup(vocabulary='vocab.txt')", s4),
        Case("StringLookup(vocabulary=5)", s4),
        Case("StringLookup(vocabulary=['[UNK]'], output_mode='one_hot')", s4),
        Case("StringLookup(vocabulary=['a'], num_oov_indices=1.5, output_mode='one_hot')", s4),
        Case(f"StringLookup({v}, output_mode='tf_idf')", s4),
        Case(f"StringLookup({v}, output_mode='tf_idf', idf_weights=[1.0, 2.0])", s4),
        Case(f"StringLookup({v}, output_mode='tf_idf', idf_weights=[[1.0], [2.0], [3.0]])", s4),
        Case(f"StringLookup({v}, idf_weights=[1.0, 2.0])", s4),
        Case(f"StringLookup({v}, invert=True, output_mode='one_hot')", s4),
        Case("StringLookup(output_mode='one_hot', vocabulary=['a'], vocabulary_size=7)", s4),
        Case("StringLookup(max_tokens=1)", s4),
        Case("StringLookup(pad_to_max_tokens=True)", s4),
        Case("StringLookup(num_oov_indices=-1)", s4),
        Case("StringLookup(num_oov_indices='a')", s4),
        Case("StringLookup(output_mode='foo')", s4),
        Case("StringLookup(sparse=True)", s4),
        Case("StringLookup(salt=[1, 2, 3])", s4),
        Case("StringLookup(mask_token=0)", s4),
        Case("StringLookup(oov_token=1, invert=True)", [inp((None, 4), I)]),
        Case("StringLookup(oov_token=None, invert=True)", [inp((None, 4), I)]),
        Case("StringLookup(autocast=False)", s4),
        Case("StringLookup(foo=1, bar=2)", s4),
        # call errors
        Case("StringLookup(max_tokens=2.5, pad_to_max_tokens=True, output_mode='one_hot')", s4),
        Case("StringLookup(output_mode='count', vocabulary_size=-3)", s4),
        Case("StringLookup()", [inp((None, 4), S), inp((None, 4), S)], list_input=True),
    ]
    return with_randoms(fixed, rng, lambda g: _lookup_random_case(g, "StringLookup", tokens, ["[UNK]", "", ["string"]]), 10)


def integer_lookup_cases(rng):
    tokens = [1, 2, 3, 5, 8, 13, 21, 0]
    I = "int64"
    i4 = [inp((None, 4), I)]
    v = "vocabulary=[1, 2, 3]"
    fixed = [
        Case("IntegerLookup()", i4),
        Case("IntegerLookup()", [inp((None, 4), "int32")]),
        Case("IntegerLookup()", [inp((None, 4), "float32")]),
        Case(f"IntegerLookup({v}, output_mode='one_hot')", i4),
        Case(f"IntegerLookup({v}, output_mode='one_hot')", [inp((None,), I)]),
        Case(f"IntegerLookup({v}, output_mode='multi_hot', mask_token=0)", i4),
        Case(f"IntegerLookup({v}, output_mode='multi_hot', mask_token=0)", [inp((None,), I)]),
        Case("IntegerLookup(vocabulary=[0, -1, 1, 2, 3], mask_token=0)", i4),
        Case("IntegerLookup(vocabulary=[-1, 1, 2, 3], output_mode='count')", i4),
        Case("IntegerLookup(vocabulary=[1, 2, -1], output_mode='count')", i4),
        Case("IntegerLookup(vocabulary=[True, False], output_mode='one_hot')", i4),
        Case("IntegerLookup(vocabulary=[1.0, 2.0], output_mode='multi_hot')", i4),
        Case("IntegerLookup(vocabulary=[' 1', '+2', '1_0'], output_mode='count')", i4),
        Case("IntegerLookup(vocabulary=[1, '2'], output_mode='count')", i4),
        Case("IntegerLookup(mask_token=True)", i4),
        Case("IntegerLookup(oov_token='a')", i4),
        Case("IntegerLookup(salt=3, oov_method='farmhash')", i4),
        Case(f"IntegerLookup({v}, num_oov_indices=2, oov_method='farmhash', salt=(1, 2), output_mode='one_hot')", [inp((None, 2, 1), I)]),
        Case("IntegerLookup(vocabulary=[1, 2], max_tokens=3, mask_token=0, output_mode='one_hot')", i4),
        Case("IntegerLookup(vocabulary=[1, 2], max_tokens=10, pad_to_max_tokens=True, output_mode='multi_hot')", [inp((None,), I)]),
        Case("IntegerLookup(vocabulary=[1, 2], invert=True)", [inp((None, 4), "float32")]),
        Case("IntegerLookup(vocabulary=[1, 2], output_mode='tf_idf', idf_weights=[0.5, 0.25])", i4),
        Case("IntegerLookup(vocabulary=[1, 2], output_mode='tf-idf', idf_weights=[True, 2])", i4),
        Case("IntegerLookup(output_mode='tf_idf', idf_weights=[[1.0]])", i4),
        Case("IntegerLookup(None, 0, None, -1, [4, 5], 'int64', None, False, 'one_hot')", i4),
        # construction errors
        Case("IntegerLookup(vocabulary=[1, 2, 1])", i4),
        Case("IntegerLookup(vocabulary=[1, True])", i4),
        Case("IntegerLookup(vocabulary=[1.5, 1.0])", i4),
        Case("IntegerLookup(vocabulary=['a', 'b'])", i4),
        Case("IntegerLookup(vocabulary=[1, None])", i4),
        Case("IntegerLookup(vocabulary=[1, 2, -1], invert=True)", i4),
        Case("IntegerLookup(vocabulary=[0, 1], mask_token=0, output_mode='count')", i4),
        Case("IntegerLookup(vocabulary=[1, 2], max_tokens=3, mask_token=0)", i4),
        Case("IntegerLookup(mask_token='a')", i4),
        Case("IntegerLookup(mask_token=1.0)", i4),
        Case("IntegerLookup(oov_token='a', invert=True)", i4),
        Case("IntegerLookup(oov_token=1.5, invert=True)", i4),
        Case("IntegerLookup(max_tokens=1)", i4),
        Case("IntegerLookup(num_oov_indices=-1)", i4),
        Case("IntegerLookup(vocabulary_dtype='int32')", i4),
        Case("IntegerLookup(salt=3)", i4),
        Case("IntegerLookup(oov_method='foo')", i4),
        Case("IntegerLookup(sparse=True)", i4),
        Case("IntegerLookup(input_shape=(4,))", i4),
        Case("IntegerLookup(vocabulary=[1, 2], output_mode='tf_idf', idf_weights=['a', 'b'])", i4),
        Case("IntegerLookup(vocabulary=[1, 2], output_mode='tf_idf', idf_weights=5)", i4),
        Case("IntegerLookup(vocabulary=[1, 2], output_mode='tf_idf', idf_weights=[])", i4),
        Case("IntegerLookup(vocabulary=[1, 2], output_mode='tf_idf', idf_weights=[1.0, 2.0], max_tokens=5.0, pad_to_max_tokens=True)", i4),
        Case("IntegerLookup(output_mode='tf_idf', idf_weights=[1.0, 'a'])", i4),
    ]
    return with_randoms(fixed, rng, lambda g: _lookup_random_case(g, "IntegerLookup", tokens, [-1, 0, ["int64", "int32"]]), 10)


def text_vectorization_cases(rng):
    def random_case(g):
        mode = g.choice(_MODES + ["tf_idf"])
        args = []
        vocab = g.sample(["the", "cat", "sat", "on", "mat", "dog"], g.randint(1, 6))
        if g.random() < 0.4:
            args.append(("max_tokens", g.randint(len(vocab) + 2, 20)))
        if g.random() < 0.3:
            args.append(("standardize", g.choice([None, "lower", "strip_punctuation"])))
        if g.random() < 0.3:
            args.append(("split", g.choice([None, "character"])))
        if g.random() < 0.3:
            args.append(("ngrams", g.choice([2, (1, 2)])))
        if mode != "int" or g.random() < 0.3:
            args.append(("output_mode", mode))
        if mode == "int" and g.random() < 0.6:
            args.append(("output_sequence_length", g.randint(1, 64)))
        if any(k == "max_tokens" for k, _ in args) and mode != "int" and g.random() < 0.5:
            args.append(("pad_to_max_tokens", True))
        if mode == "tf_idf" or g.random() < 0.7:
            args.append(("vocabulary", vocab))
        if mode == "tf_idf":
            args.append(("idf_weights", [round(g.uniform(0, 2), 2) for _ in vocab]))
        shape = (batch_dim(g),) + g.choice([(), (1,), (g.randint(1, 3),)])
        return Case(styled(g, "TextVectorization", args, ["max_tokens", "standardize", "split", "ngrams", "output_mode"]), [inp(shape, "string")])

    S = "string"
    s0, s1, s3 = [inp((None,), S)], [inp((None, 1), S)], [inp((None, 3), S)]
    v = "vocabulary=['a', 'b']"
    fixed = [
        Case("TextVectorization()", s0),
        Case("TextVectorization()", s1),
        Case("TextVectorization()", s3),
        Case("TextVectorization(output_sequence_length=5)", s1),
        Case("TextVectorization(output_sequence_length=5)", [inp((None, 2, 3), S)]),
        Case("TextVectorization(output_sequence_length=4)", [inp((3,), S)]),
        Case("TextVectorization(output_mode='multi_hot')", s0),
        Case(f"TextVectorization(output_mode='multi_hot', {v})", s0),
        Case(f"TextVectorization(output_mode='multi_hot', {v})", s1),
        Case(f"TextVectorization(output_mode='multi_hot', {v})", s3),
        Case(f"TextVectorization(output_mode='one_hot', {v})", s0),
        Case(f"TextVectorization(output_mode='one_hot', {v})", s1),
        Case(f"TextVectorization(output_mode='one_hot', {v}, split=None)", s0),
        Case(f"TextVectorization(output_mode='one_hot', {v}, split=None)", s1),
        Case(f"TextVectorization(output_mode='one_hot', {v}, split=None)", s3),
        Case(f"TextVectorization(output_mode='count', {v}, split=None)", s0),
        Case(f"TextVectorization(output_mode='count', {v}, split=None)", [inp((None, 2, 3), S)]),
        Case("TextVectorization(10, 'lower', 'character', 2, 'count', None, True)", s0),
        Case(f"TextVectorization(output_mode='tf_idf', {v}, idf_weights=[1.0, 2.0])", s0),
        Case(f"TextVectorization(output_mode='int', {v}, max_tokens=4)", s0),
        Case("TextVectorization(output_mode='int', vocabulary=['', '[UNK]', 'a', 'b'], max_tokens=4)", s0),
        Case("TextVectorization(output_mode='multi_hot', vocabulary=['[UNK]', 'a', 'b'])", s0),
        Case("TextVectorization(output_mode='binary', vocabulary=['a'], standardize=None)", s0),
        Case("TextVectorization(ngrams=(1, 2), output_sequence_length=3)", s0),
        Case("TextVectorization(ngrams=0, output_sequence_length=True)", s0),
        Case("TextVectorization(output_sequence_length=0)", s0),
        Case("TextVectorization(dtype='mixed_float16', output_mode='count', vocabulary=['a'])", s0),
        Case("TextVectorization(vocabulary_size=5, output_mode='count', autocast=False)", s0),
        Case("TextVectorization()", [inp((None, 4), "int32")]),
        # construction errors
        Case(f"TextVectorization(output_mode='tf_idf', {v})", s0),
        Case(f"TextVectorization(output_mode='int', {v}, max_tokens=2)", s0),
        Case("TextVectorization(output_mode='multi_hot', vocabulary=['', '[UNK]', 'a', 'b'])", s0),
        Case("TextVectorization(vocabulary=['a', 'a'])", s0),
        Case("TextVectorization(standardize='foo')", s0),
        Case("TextVectorization(split='foo')", s0),
        Case("TextVectorization(ngrams=[1, 2])", s0),
        Case("TextVectorization(ngrams=1.5)", s0),
        Case("TextVectorization(output_sequence_length=2.5)", s0),
        Case("TextVectorization(output_mode='count', output_sequence_length=3)", s0),
        Case("TextVectorization(ragged=True)", s0),
        Case("TextVectorization(sparse=True)", s0),
        Case("TextVectorization(output_mode='foo')", s0),
        Case("TextVectorization(max_tokens=1)", s0),
        Case("TextVectorization(pad_to_max_tokens=True)", s0),
        Case("TextVectorization(foo=1)", s0),
        # call errors
        Case("TextVectorization(output_sequence_length=-2)", s0),
    ]
    return with_randoms(fixed, rng, random_case, 10)


def spectral_normalization_cases(rng):
    def random_case(g):
        kind = g.choice(["dense", "conv", "embedding", "transpose"])
        b = batch_dim(g)
        if kind == "dense":
            inner = f"Dense({g.randint(1, 16)}{', use_bias=False' if g.random() < 0.3 else ''})"
            shape = (b, *[g.randint(1, 5) for _ in range(g.randint(0, 2))], g.randint(1, 8))
        elif kind == "conv":
            r = g.randint(1, 3)
            k = g.randint(1, 3)
            inner = f"Conv{r}D({g.randint(1, 8)}, {k}, padding={g.choice(['valid', 'same'])!r})"
            shape = (b, *[g.choice([None, g.randint(k, k + 5)]) for _ in range(r)], g.randint(1, 4))
        elif kind == "transpose":
            inner = f"Conv2DTranspose({g.randint(1, 8)}, {g.randint(1, 3)}, strides={g.randint(1, 2)})"
            shape = (b, g.randint(1, 6), g.randint(1, 6), g.randint(1, 4))
        else:
            inner = f"Embedding({g.randint(2, 50)}, {g.randint(1, 8)})"
            shape = (b, g.choice([None, g.randint(1, 9)]))
        args = [inner] + ([f"power_iterations={g.randint(1, 3)}"] if g.random() < 0.3 else [])
        return Case(f"SpectralNormalization({', '.join(args)})", [inp(shape, "int32" if kind == "embedding" else "float32")])

    x4 = [inp((None, 8, 8, 3))]
    d2 = [inp((None, 3))]
    fixed = [
        Case("SpectralNormalization(Dense(4))", d2),
        Case("SpectralNormalization(Dense(4, use_bias=False))", [inp((None, 5, 3))]),
        Case("SpectralNormalization(layer=Dense(4), power_iterations=3)", [inp((2, 3))]),
        Case("SpectralNormalization(Dense(4))", [inp((3,))]),
        Case("SpectralNormalization(Conv2D(8, 3))", x4),
        Case("SpectralNormalization(Conv2D(8, 3, strides=2, padding='same'))", [inp((None, None, None, 3))]),
        Case("SpectralNormalization(Conv1D(4, 3, groups=2))", [inp((None, 9, 6))]),
        Case("SpectralNormalization(Conv3D(2, 2))", [inp((None, 4, 4, 4, 1))]),
        Case("SpectralNormalization(Conv2DTranspose(8, 3))", x4),
        Case("SpectralNormalization(DepthwiseConv2D(3, depth_multiplier=2))", x4),
        Case("SpectralNormalization(Embedding(10, 4))", [inp((None, 5), "int32")]),
        Case("SpectralNormalization(EinsumDense('ab,bc->ac', output_shape=4))", d2),
        Case("SpectralNormalization(SpectralNormalization(Dense(4)))", d2),
        Case("SpectralNormalization(Dense(4))", [inp((None, 3), "int32")]),
        Case("SpectralNormalization(Dense(4, dtype='float16'))", d2),
        Case("SpectralNormalization(Dense(4), dtype='mixed_float16')", d2),
        Case("SpectralNormalization(Dense(4), power_iterations=2.5, name='sn')", d2),
        Case("SpectralNormalization(Dense(4))", d2, call_args="x0, training=True"),
        # construction errors
        Case("SpectralNormalization(Dense(4), power_iterations=0)", d2),
        Case("SpectralNormalization(Dense(4), power_iterations='a')", d2),
        Case("SpectralNormalization(3)", d2),
        Case("SpectralNormalization(Dense(4), foo=1)", d2),
        Case("SpectralNormalization(Conv2D(8, 3, groups=3))", x4),
        # call errors
        Case("SpectralNormalization(Conv2D(8, 3))", [inp((None, 2, 2, 3))]),
        Case("SpectralNormalization(Conv2D(8, 3))", [inp((None, 8, 3))]),
        Case("SpectralNormalization(SeparableConv2D(4, 3))", x4),
        Case("SpectralNormalization(Dropout(0.5))", d2),
        Case("SpectralNormalization(BatchNormalization())", d2),
        Case("SpectralNormalization(LSTM(4))", [inp((None, 5, 3))]),
        Case("SpectralNormalization(Dense(4))", [inp((None, None))]),
        Case("SpectralNormalization(Dense(4))", [inp((None, 3)), inp((None, 3))], list_input=True),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def pipeline_cases(rng):
    def random_case(g):
        b = batch_dim(g)
        h, w = g.randint(4, 12), g.randint(4, 12)
        pool = [
            "Rescaling(0.5)", f"CenterCrop({g.randint(1, h)}, {g.randint(1, w)})", f"Resizing({g.randint(1, 9)}, {g.randint(1, 9)})",
            "RandomFlip()", "RandomRotation(0.1)", "RandomZoom(0.2)", "RandomContrast(0.2)", f"Conv2D({g.randint(1, 4)}, 3, padding='same')",
            "MaxPooling2D()", "Dropout(0.2)",
        ]
        layers = g.sample(pool, g.randint(1, 3))
        return Case(f"Pipeline([{', '.join(layers)}])", [inp((b, h, w, g.randint(1, 3)), g.choice(["float32", "float32", "uint8"]))])

    x = [inp((None, 8, 8, 3))]
    u = [inp((None, None, None, 3))]
    fixed = [
        Case("Pipeline([Rescaling(0.5), CenterCrop(4, 4)])", x),
        Case("Pipeline([Rescaling(0.5), CenterCrop(4, 4)])", [inp((None, 8, 8, 3), "int32")]),
        Case("Pipeline([Resizing(4, 4), RandomFlip(), Rescaling(0.00392156862745098)])", [inp((None, None, None, 3), "uint8")]),
        Case("Pipeline(layers=[RandomFlip(), RandomRotation(0.2)], name='augment')", u),
        Case("Pipeline((Rescaling(0.5), CenterCrop(2, 2)))", x),
        Case("Pipeline([Dense(4), Dense(2)])", [inp((None, 3))]),
        Case("Pipeline([Conv2D(4, 3), MaxPooling2D(), Flatten()])", x),
        Case("Pipeline([Conv2D(4, 3), MaxPooling2D(), Flatten()])", u),
        Case("Pipeline([Dropout(0.5), BatchNormalization()])", [inp((None, 5, 3))]),
        Case("Pipeline([Embedding(10, 4), LSTM(3)])", [inp((None, None), "int32")]),
        Case("Pipeline([LSTM(4, return_state=True)])", [inp((None, 5, 3))]),
        Case("Pipeline([Add()])", [inp((None, 8, 3)), inp((None, 8, 3))], list_input=True),
        Case("Pipeline([Pipeline([Dense(4)]), Dense(2)])", [inp((None, 3))]),
        Case("Pipeline([Rescaling(0.5, dtype='mixed_float16')])", x),
        Case("Pipeline([Flatten()])", [inp((None, 8, 8, 3), "float16")]),
        Case("Pipeline([SpectralNormalization(Dense(3))])", [inp((None, 3))]),
        # multi_hot and count reduce axis 1 when run, unlike CategoryEncoding's own shape rule
        Case("Pipeline([CategoryEncoding(5, output_mode='count')])", [inp((2, 4, 3, 2), "int32")]),
        Case("Pipeline([CategoryEncoding(5)])", [inp((None, 4, 3), "int32")]),
        Case("Pipeline([CategoryEncoding(5, output_mode='one_hot')])", [inp((None, 4, 3), "int32")]),
        Case("Pipeline([Reshape((-1, 3))])", u),
        Case("Pipeline([Cropping2D(((1, 0), (0, 0)))])", u),
        Case("Pipeline([CenterCrop(4, 4)])", [inp((2, 8, 8, None))]),
        Case("Pipeline([MixUp()])", [inp((2, None, 8, 3))]),
        # integer images: a traced Resizing or MaxPooling keeps the dtype, Rescaling casts
        Case("Pipeline([Resizing(4, 4), MaxPooling2D()])", [inp((None, 8, 8, 3), "uint8")]),
        Case("Pipeline([Cropping2D(1), Rescaling(0.5)])", [inp((None, 8, 8, 3), "int32")]),
        Case("Pipeline([CenterCrop(3, 3), RandomCrop(3, 3)])", x),
        Case("Pipeline([Flatten(), Reshape((-1, 3))])", [inp((2, None, None, 3))]),
        Case("Pipeline([Reshape((-1, 3)), MixUp()])", [inp((None, 6, None, 3))]),
        Case("Pipeline([SpectralNormalization(Conv2D(2, 1)), ReLU()])", [inp((None, 4, None, 3), "int32")]),
        Case("Pipeline([Activation('relu')])", [inp((None, 4, 4, 3), "uint8")]),
        Case("Pipeline([Activation('tanh')])", [inp((None, 4, 4, 3), "uint8")]),
        # construction errors (Pipeline takes no Layer keywords)
        Case("Pipeline([Rescaling(0.5)], dtype='float16')", x),
        Case("Pipeline([Rescaling(0.5)], trainable=False)", x),
        # call errors: the layers are checked only when called; tracing fails where a layer
        # slices by an unknown size
        Case("Pipeline([])", x),
        Case("Pipeline(Rescaling(0.5))", x),
        Case("Pipeline(3)", x),
        Case("Pipeline([3])", x),
        Case("Pipeline([Conv2D(4, 3)])", [inp((None, 2, 2, 3))]),
        Case("Pipeline([Dense(4), Dense(2)])", [inp((None, None))]),
        Case("Pipeline([LSTM(4, return_state=True), Dense(2)])", [inp((None, 5, 3))]),
        Case("Pipeline([Rescaling(0.5), CenterCrop(4, 4)])", u),
        Case("Pipeline([CenterCrop(4, 4, data_format='channels_first')])", [inp((None, 3, None, 8))]),
        Case("Pipeline([RandomCrop(4, 4)])", x),
        Case("Pipeline([Cropping1D((2, 0))])", [inp((None, None, 3))]),
        Case("Pipeline([Cropping2D(((1, 1), (0, 0)))])", [inp((None, None, 8, 3))]),
        Case("Pipeline([AdaptiveAveragePooling2D(2)])", [inp((2, None, 8, 3))]),
        Case("Pipeline([MixUp()])", x),
        Case("Pipeline([RandomElasticTransform()])", x),
        Case("Pipeline([Reshape((4, -1))])", [inp((None, None, 3))]),
        Case("Pipeline([Reshape((6,))])", [inp((None, None, 3))]),
        Case("Pipeline([Dropout(0.5)])", [inp((None, 8, 8, 3), "uint8")]),
        Case("Pipeline([DepthwiseConv2D(3)])", [inp((None, 8, 8, 3), "int32")]),
        Case("Pipeline([Activation('sigmoid')])", [inp((None, 8, 8, 3), "int32")]),
        Case("Pipeline([Activation('threshold')])", x),
        Case("Pipeline([GlobalAveragePooling2D(), RandomFlip()])", x),
        Case("Pipeline([RandomGrayscale()])", [inp((2, 4, 4, 2))]),
        Case("Pipeline([StringLookup(vocabulary=['a'])])", [inp((None, 3), "string")]),
        Case("Pipeline([IntegerLookup(vocabulary=[1])])", [inp((None, 3), "int64")]),
        Case("Pipeline([Hashing(3)])", [inp((None, 3), "int64")]),
        Case("Pipeline([HashedCrossing(3)])", [inp((None,), "int64"), inp((None,), "int64")], list_input=True),
    ]
    return with_randoms(fixed, rng, random_case, 8)
