"""Case generators for ReversibleEmbedding: Embedding's lookup, and `layer(x, reverse=True)`."""

from golden_common import Case, batch_dim, inp, maybe_none, styled, with_randoms

RE = "ReversibleEmbedding"
POSITIONAL = [
    "input_dim", "output_dim", "tie_weights", "embeddings_initializer", "embeddings_regularizer",
    "embeddings_constraint", "mask_zero", "reverse_dtype", "logit_soft_cap",
]
REV = "x0, reverse=True"


def _rev(call, shape, dtype="float32", call_args=REV):
    """A case calling the layer with `call_args` (reverse=True unless told)."""
    return Case(call, [inp(shape, dtype)], call_args=call_args)


def _random_case(g):
    input_dim, output_dim = g.choice([2, 10, 1000, 50000]), g.choice([1, 8, 64, 300])
    args = [("input_dim", input_dim), ("output_dim", output_dim)]
    if g.random() < 0.5:
        args.append(("tie_weights", g.random() < 0.5))
    if g.random() < 0.2:
        args.append(("embeddings_initializer", g.choice(["uniform", "normal", "zeros"])))
    if g.random() < 0.2:
        args.append(("logit_soft_cap", g.choice([30.0, 50])))
    if g.random() < 0.2:
        args.append(("dtype", g.choice(["float16", "mixed_float16", "mixed_bfloat16"])))
    call = styled(g, RE, args, POSITIONAL)
    rank = g.randint(1, 4)
    middle = [maybe_none(g, g.randint(1, 50)) for _ in range(rank - 1)]
    if g.random() < 0.5:  # reverse: hidden states, usually of width output_dim
        last = g.choice([output_dim, output_dim, None, g.randint(1, 40)])
        return _rev(call, (batch_dim(g), *middle, last), g.choice(["float32", "float32", "int32"]))
    dtype = g.choice(["int32", "int32", "int64", "float32"])
    return Case(call, [inp((batch_dim(g), *middle), dtype)])


def reversible_embedding_cases(rng):
    fixed = [
        # forward: Embedding's lookup
        Case(f"{RE}(1000, 64)", [inp((None, 10), "int32")]),
        Case(f"{RE}(input_dim=10, output_dim=3)", [inp((None, None), "int32")]),
        Case(f"{RE}(10, 3, False)", [inp((2, None, 4), "int64")]),
        Case(f"{RE}(10, 3)", [inp((None,), "int32")]),
        Case(f"{RE}(1, 1, mask_zero=True)", [inp((None, 5))]),
        Case(f"{RE}(10, 3, input_length=5)", [inp((None, 7), "int32")]),
        Case(f"{RE}(10, 3, lora_rank=2)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, quantization_config='int8')", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, dtype='float16')", [inp((None, 5), "int32")]),
        _rev(f"{RE}(10, 3)", (None, 5), "int32", "x0, reverse=False"),
        _rev(f"{RE}(10, 3)", (None, 5), "int32", "x0, reverse=None"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse=[]"),
        _rev(f"{RE}(10, 3)", (None, 5), "int32", "x0, training=True"),
        # tie_weights is read by truthiness: 0 and None untie, a string ties
        Case(f"{RE}(10, 3, tie_weights=0)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, tie_weights=None)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, tie_weights='no')", [inp((None, 5), "int32")]),
        # reverse: the last dim becomes input_dim, whatever it was (Keras checks nothing)
        _rev(f"{RE}(10, 3)", (None, 5, 3)),
        _rev(f"{RE}(10, 3, tie_weights=False)", (None, 5, 3)),
        _rev(f"{RE}(50000, 512, False)", (4, None, 512)),
        _rev(f"{RE}(10, 3)", (None, 5, 4)),
        _rev(f"{RE}(10, 3)", (None, 5, None)),
        _rev(f"{RE}(10, 3)", (None, 3)),
        _rev(f"{RE}(10, 3)", (None,)),
        _rev(f"{RE}(10, 3)", (2, 7, 3, 3), "int32"),
        _rev(f"{RE}(10, 3, reverse_dtype='float16')", (None, 5, 3)),
        _rev(f"{RE}(10, 3, reverse_dtype='nope')", (None, 5, 3)),
        _rev(f"{RE}(10, 3, logit_soft_cap=30.0)", (None, 5, 3)),
        _rev(f"{RE}(10, 3, False, 'normal', None, None, True, 'float16', 2.0)", (None, 5, 3)),
        _rev(f"{RE}(10, 3, dtype='mixed_float16')", (None, 5, 3)),
        _rev(f"{RE}(10, 3, dtype='mixed_bfloat16', reverse_dtype='float32')", (None, 5, 3), "int32"),
        _rev(f"{RE}(10, 3, lora_rank=2, lora_alpha=4)", (None, 5, 3)),
        _rev(f"{RE}(10, 3, lora_rank=0, tie_weights=False)", (None, 5, 3)),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse=1"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse='yes'"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse=[x0]"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "inputs=x0, reverse=True"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse=True, training=False"),
        # errors at construction
        Case(f"{RE}(0, 3)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, -1)", [inp((None, 5), "int32")]),
        Case(f"{RE}(True, 3)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10.0, 3)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10)", [inp((None, 5), "int32")]),
        Case(f"{RE}(2, 3, weights=[[0, 0, 0], [1, 1, 1]])", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, reverse=True)", [inp((None, 5, 3))]),
        Case(f"{RE}(10, 3, batch_size=2)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, False, 'normal', None, None, True, 'float16', 2.0, 5)", [inp((None, 5), "int32")]),
        # errors when built or called
        _rev(f"{RE}(10, 3, lora_rank=1, embeddings_constraint='non_neg')", (None, 5, 3)),
        _rev(f"{RE}(10, 3, lora_rank=2, tie_weights=False)", (None, 5, 3)),
        Case(f"{RE}(10, 3, lora_rank=2, tie_weights=False)", [inp((None, 5), "int32")]),
        Case(f"{RE}(10, 3, lora_rank=-1)", [inp((None, 5), "int32")]),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse=x0"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, x0"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, True"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, reverse=True, mask=None"),
        _rev(f"{RE}(10, 3)", (None, 5, 3), "float32", "x0, revers=True"),
        Case(f"{RE}(10, 3)", [inp((None, 5, 3)), inp((None, 5, 3))], call_args="[x0, x1], reverse=True"),
        Case(f"{RE}(10, 3)", [inp((None, 5), "int32"), inp((None, 5), "int32")], list_input=True),
    ]
    return with_randoms(fixed, rng, _random_case, 10)
