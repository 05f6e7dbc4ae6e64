"""Case generators for the attention layers: MultiHeadAttention, GroupQueryAttention (class
GroupedQueryAttention), Attention and AdditiveAttention.

MultiHeadAttention and GroupQueryAttention are called with several tensors (`call_args`:
"x0, x1", "query=x0, value=x1", "x0, x1, x2, return_attention_scores=True"); Attention and
AdditiveAttention on a list (`list_input`), or with `call_args` when a keyword is added.
"""

from golden_common import Case, batch_dim, inp, render, styled, with_randoms

SCORES = "return_attention_scores=True"


def _qv(call, shapes, call_args=None, dtypes=None):
    """A case over inputs x0, x1, ... called with `call_args` (default "x0, x1[, x2]")."""
    dtypes = dtypes or ["float32"] * len(shapes)
    if call_args is None:
        call_args = ", ".join(f"x{i}" for i in range(len(shapes)))
    return Case(call, [inp(s, d) for s, d in zip(shapes, dtypes)], call_args=call_args)


def _call_style(rng, n, scores):
    """Positional, keyword or mixed call arguments over n = 2 or 3 tensors."""
    names = ["query", "value", "key"][:n]
    style = rng.choice(["pos", "pos", "kw", "mixed"])
    if style == "pos":
        parts = [f"x{i}" for i in range(n)]
    elif style == "kw":
        parts = [f"{name}=x{i}" for i, name in enumerate(names)]
    else:
        parts = ["x0", "x1"] + (["key=x2"] if n == 3 else [])
    if scores:
        parts.append(SCORES)
    return ", ".join(parts)


# ---- MultiHeadAttention --------------------------------------------------------------------

MHA = "MultiHeadAttention"
MHA_POSITIONAL = ["num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"]


def _random_mha(g):
    heads, key_dim = g.randint(1, 4), g.randint(1, 8)
    args = [("num_heads", heads), ("key_dim", key_dim)]
    if g.random() < 0.3:
        args.append(("value_dim", g.randint(1, 8)))
    if g.random() < 0.2:
        args.append(("dropout", g.choice([0.0, 0.1, 0.5])))
    if g.random() < 0.25:
        args.append(("use_bias", False))
    if g.random() < 0.3:
        args.append(("output_shape", g.choice([g.randint(1, 16), (g.randint(1, 4), g.randint(1, 4))])))
    rank = g.choice([3, 3, 3, 4])
    if rank == 4 and g.random() < 0.6:
        args.append(("attention_axes", g.choice([1, 2, (1, 2), -2, [2]])))
    if g.random() < 0.15:
        args.append(("use_gate", True))
    batch = batch_dim(g)
    seq = lambda: None if g.random() < 0.25 else g.randint(1, 12)  # noqa: E731
    inner = [seq() for _ in range(rank - 2)]
    kv_inner = [seq() for _ in range(rank - 2)]
    shapes = [(batch, *inner, g.randint(1, 16)), (batch, *kv_inner, g.randint(1, 16))]
    if g.random() < 0.3:
        shapes.append((batch, *kv_inner, g.randint(1, 16)))
    call_args = _call_style(g, len(shapes), g.random() < 0.5)
    return _qv(styled(g, MHA, args, MHA_POSITIONAL), shapes, call_args)


def mha_cases(rng):
    q, v, k = (None, 5, 8), (None, 7, 6), (None, 7, 3)
    q4, v4 = (None, 5, 3, 8), (None, 7, 3, 6)
    base = "MultiHeadAttention(2, 4)"
    fixed = [
        _qv(base, [q, v]),
        _qv(base, [q, v], f"x0, x1, {SCORES}"),
        _qv(base, [q, v, k], f"x0, x1, x2, {SCORES}"),
        _qv("MultiHeadAttention(num_heads=2, key_dim=4)", [q, v], "query=x0, value=x1"),
        _qv(base, [q, v, k], "query=x0, value=x1, key=x2"),
        _qv(base, [q, v, k], f"x0, x1, key=x2, {SCORES}"),
        _qv(base, [q, v], "x0, value=x1, training=True"),
        _qv(base, [q, v], "x0, x1, use_causal_mask=True"),
        _qv(base, [q, v], f"x0, x1, None, {SCORES}"),
        _qv(base, [q, v], "x0, x1, return_attention_scores=1"),
        _qv("MultiHeadAttention(2, 4, value_dim=3, output_shape=10)", [q, v], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(3, 2, output_shape=(2, 3))", [q, v], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(3, 2, output_shape=[3, 2])", [q, v]),
        _qv("MultiHeadAttention(2, 4, output_shape=0)", [q, v]),
        _qv("MultiHeadAttention(2, 4, attention_axes=(1, 2))", [q4, v4], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(2, 4, attention_axes=2)", [q4, v4], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(2, 4, attention_axes=-6)", [q4, v4]),
        _qv("MultiHeadAttention(2, 4, attention_axes=())", [q4, v4]),
        _qv(base, [(None, 8), (None, 6)], f"x0, x1, {SCORES}"),
        _qv(base, [q, (None, 7, 3, 6)], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(2, 4, use_bias=False)", [q, v]),
        _qv("MultiHeadAttention(2, 4, value_dim=3, use_gate=True)", [q, v]),
        _qv("MultiHeadAttention(4, 8, dropout=0.1)", [(3, 5, 8), (3, 7, 8)], f"x0, x1, {SCORES}"),
        _qv(base, [(None, None, 8), (None, None, 8)], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(True, 4)", [q, v], f"x0, x1, {SCORES}"),
        _qv(base, [q, v], dtypes=["int32", "float32"]),
        _qv("MultiHeadAttention(2, 4, dtype='float16')", [q, v], f"x0, x1, {SCORES}"),
        _qv("MultiHeadAttention(2, 4, dtype='mixed_float16')", [q, v], f"x0, x1, {SCORES}"),
        # construction errors
        _qv("MultiHeadAttention(0, 4)", [q, v]),
        _qv("MultiHeadAttention(2, key_dim=-1)", [q, v]),
        _qv("MultiHeadAttention(2, 4.0)", [q, v]),
        _qv("MultiHeadAttention(2, 4, value_dim=0)", [q, v]),
        _qv("MultiHeadAttention(2, 4, output_shape=2.5)", [q, v]),
        _qv("MultiHeadAttention(2, 4, attention_axes='a')", [q, v]),
        _qv("MultiHeadAttention(2, 4, sliding_window=0)", [q, v]),
        _qv("MultiHeadAttention(2, 4, dropout=0.1, flash_attention=True)", [q, v]),
        # call errors
        _qv("MultiHeadAttention(2, 4, dropout=1.5)", [q, v]),
        _qv(base, [q, v, (None, 8, 3)]),
        _qv(base, [q, v, (None, None, 3)]),
        _qv(base, [q, v, (None, 7, 1, 3)]),
        _qv(base, [(None, 5, None), v]),
        _qv(base, [q, (None, 7, None)]),
        _qv(base, [(None,), (None,)]),
        _qv("MultiHeadAttention(2, 4, attention_axes=5)", [q4, v4]),
        _qv("MultiHeadAttention(2, 4, output_shape=(None,))", [q, v]),
        _qv("MultiHeadAttention(2, 4, output_shape=-1)", [q, v]),
        _qv(base, [q], "x0"),
        _qv(base, [q, v], "[x0, x1]"),
        _qv(base, [q, v], "x0, x1, foo=1"),
        _qv(base, [q, v], "x0, x1, value=x1"),
    ]
    return with_randoms(fixed, rng, _random_mha, 10)


# ---- GroupQueryAttention -------------------------------------------------------------------

GQA = "GroupQueryAttention"
GQA_POSITIONAL = ["head_dim", "num_query_heads", "num_key_value_heads", "dropout", "use_bias"]


def _random_gqa(g):
    kv = g.randint(1, 4)
    args = [("head_dim", g.randint(1, 8)), ("num_query_heads", kv * g.randint(1, 3)), ("num_key_value_heads", kv)]
    if g.random() < 0.2:
        args.append(("dropout", g.choice([0.0, 0.2])))
    if g.random() < 0.25:
        args.append(("use_bias", False))
    if g.random() < 0.15:
        args.append(("use_gate", True))
    batch = batch_dim(g)
    seq = lambda: None if g.random() < 0.25 else g.randint(1, 12)  # noqa: E731
    features = g.randint(1, 16)
    s = seq()
    shapes = [(batch, seq(), features), (batch, s, features)]
    if g.random() < 0.3:
        shapes.append((batch, s, g.randint(1, 16)))
    call_args = _call_style(g, len(shapes), g.random() < 0.5)
    return _qv(styled(g, GQA, args, GQA_POSITIONAL), shapes, call_args)


def gqa_cases(rng):
    q, v, k = (None, 5, 8), (None, 7, 8), (None, 7, 3)
    base = "GroupQueryAttention(4, 4, 2)"
    fixed = [
        _qv(base, [q, v]),
        _qv(base, [q, v], f"x0, x1, {SCORES}"),
        _qv(base, [q, v, k], f"x0, x1, x2, {SCORES}"),
        _qv(
            "GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2)",
            [q, v, k], f"query=x0, value=x1, key=x2, {SCORES}",
        ),
        _qv(base, [q, v], "x0, value=x1, training=False"),
        _qv("GroupQueryAttention(8, 6, 1)", [q, v], f"x0, x1, {SCORES}"),
        _qv("GroupQueryAttention(2, 3, 3, use_bias=False)", [q, v]),
        _qv("GroupQueryAttention(4, 4, 2, use_gate=True)", [q, v]),
        _qv(base, [(None, 5, 3, 8), (None, 7, 3, 8)], f"x0, x1, {SCORES}"),
        _qv(base, [q, (None, None, 8)], f"x0, x1, {SCORES}"),
        _qv(base, [(2, None, 8), (2, 7, 8), (2, 7, 5)], f"x0, x1, x2, {SCORES}"),
        _qv("GroupQueryAttention(4, 0, 2)", [q, v]),
        _qv("GroupQueryAttention(4, 4, 2, dropout=0.5, seed=1)", [q, v]),
        _qv(base, [q, v], dtypes=["int32", "int32"]),
        _qv("GroupQueryAttention(4, 4, 2, dtype='mixed_float16')", [q, v], f"x0, x1, {SCORES}"),
        _qv("GroupQueryAttention(4, 4, 2, dtype='bfloat16')", [q, v]),
        # construction errors
        _qv("GroupQueryAttention(4, 4, 3)", [q, v]),
        _qv("GroupQueryAttention(4, 4, 0)", [q, v]),
        _qv("GroupQueryAttention(0, 4, 2)", [q, v]),
        _qv("GroupQueryAttention(-1, 4, 2)", [q, v]),
        _qv("GroupQueryAttention(4, 4, 2, sliding_window=-1)", [q, v]),
        _qv("GroupQueryAttention(4, 4, 2, dropout=0.2, flash_attention=True)", [q, v]),
        # call errors
        _qv("GroupQueryAttention(4, -4, 2)", [q, v]),
        _qv("GroupQueryAttention(4, 4, 2, dropout=2.0)", [q, v]),
        _qv(base, [q, (None, 7, 6)]),
        _qv(base, [(None, 5, None), (None, 7, None)]),
        _qv(base, [q, v, (None, 6, 3)]),
        _qv(base, [(None, 8), (None, 8)]),
        _qv(base, [q], "x0"),
        _qv(base, [q, v], "x0, x1, x1, x1, x1, x1, x1, x1, x1, x1, x1"),
    ]
    return with_randoms(fixed, rng, _random_gqa, 8)


# ---- Attention and AdditiveAttention -------------------------------------------------------


def _listed(call, shapes, extra=None, dtypes=None):
    """A case called on the list [x0, x1(, x2)], with `extra` keyword arguments if any."""
    dtypes = dtypes or ["float32"] * len(shapes)
    inputs = [inp(s, d) for s, d in zip(shapes, dtypes)]
    if extra is None:
        return Case(call, inputs, list_input=True)
    names = ", ".join(f"x{i}" for i in range(len(shapes)))
    return Case(call, inputs, call_args=f"[{names}], {extra}")


def _random_attention(cls):
    def make(g):
        args = []
        if g.random() < 0.4:
            args.append(("use_scale", g.random() < 0.5))
        if cls == "Attention" and g.random() < 0.4:
            args.append(("score_mode", g.choice(["dot", "concat"])))
        if g.random() < 0.2:
            args.append(("dropout", g.choice([0.0, 0.1])))
        batch = batch_dim(g)
        rank = g.choice([3, 3, 3, 4])
        seq = lambda: None if g.random() < 0.25 else g.randint(1, 12)  # noqa: E731
        outer = [seq() for _ in range(rank - 3)]
        dim = g.randint(1, 16)
        shapes = [(batch, *outer, seq(), dim), (batch, *outer, seq(), g.choice([dim, g.randint(1, 16)]))]
        if g.random() < 0.3:
            shapes.append((batch, *outer, shapes[1][-2], dim))
        extra = SCORES if g.random() < 0.5 else None
        positional = ["use_scale", "score_mode"] if cls == "Attention" else ["use_scale", "dropout"]
        return _listed(styled(g, cls, args, positional), shapes, extra)

    return make


def _attention_common(cls):
    """Cases both classes share: call forms, shapes Keras does not check, call errors."""
    q, v, k = (None, 5, 8), (None, 7, 6), (None, 9, 8)
    c = f"{cls}()"
    return [
        _listed(c, [q, (None, 7, 8)]),
        _listed(c, [q, v, k]),
        _listed(c, [q, (None, 7, 8)], SCORES),
        _listed(c, [q, v, k], SCORES),
        _listed(c, [(None, 2, 5, 8), (None, 7, 6)], SCORES),
        _listed(c, [(None, 8), (None, 6)], SCORES),
        _listed(c, [(None, None, 8), (None, None, 8)], SCORES),
        _listed(c, [(4, 5, 8), (4, 7, 8)], "training=True"),
        _listed(c, [q, (None, 7, 8)], "use_causal_mask=True"),
        _listed(c, [q, (None, 7, 8)], "return_attention_scores=0"),
        _listed(c, [q, (None, 7, 8)], dtypes=["int32", "int32"]),
        Case(c, [inp(q), inp((None, 7, 8))], call_args="inputs=[x0, x1]"),
        _listed(f"{cls}(dtype='mixed_float16')", [q, (None, 7, 8)], SCORES),
        # call errors
        Case(c, [inp(q)]),
        Case(c, [inp(q)], call_args="[x0]"),
        _listed(c, [q, q, q, q]),
        Case(c, [inp(q), inp(v)], call_args="x0, x1"),
        _listed(c, [(None,), (None,)], SCORES),
        _listed(c, [q, v], "foo=1"),
    ]


def attention_cases(rng):
    q, v = (None, 5, 8), (None, 7, 8)
    fixed = _attention_common("Attention") + [
        _listed("Attention(use_scale=True)", [q, v]),
        _listed("Attention(score_mode='concat')", [q, v], SCORES),
        _listed("Attention(True, 'concat')", [q, v, (None, 7, 2)], SCORES),
        _listed("Attention(dropout=0.5, seed=3)", [q, v]),
        _listed("Attention(dropout=2.0)", [q, v]),
        _listed("Attention(dtype='float16')", [q, v]),
        # construction errors
        _listed("Attention(score_mode='add')", [q, v]),
        _listed("Attention(score_mode='DOT')", [q, v]),
        _listed("Attention(dropout=None)", [q, v]),
        _listed("Attention(dropout=0.1, seed='x')", [q, v]),
    ]
    return with_randoms(fixed, rng, _random_attention("Attention"), 8)


def additive_attention_cases(rng):
    q, v = (None, 5, 8), (None, 7, 8)
    fixed = _attention_common("AdditiveAttention") + [
        _listed("AdditiveAttention(use_scale=False)", [q, v], SCORES),
        _listed("AdditiveAttention(False, 0.2)", [(None, 5, None), v]),
        _listed("AdditiveAttention()", [q, (None, 7, None)], SCORES),
        _listed("AdditiveAttention(dropout=0.3)", [(2, 3, 16), (2, 4, 16)]),
        _listed("AdditiveAttention(dtype='bfloat16')", [q, v]),
        # errors
        _listed("AdditiveAttention()", [(None, 5, None), v]),
        _listed("AdditiveAttention(dropout='high')", [q, v]),
    ]
    return with_randoms(fixed, rng, _random_attention("AdditiveAttention"), 8)
