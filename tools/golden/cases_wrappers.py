"""Case generators for the layer wrappers: Bidirectional and TimeDistributed."""

from golden_common import Case, batch_dim, inp, with_randoms

_RNNS = ["SimpleRNN", "LSTM", "GRU"]


def bidirectional_cases(rng):
    def random_case(g):
        cls = g.choice(_RNNS)
        units = g.randint(1, 9)
        flags = [f"{f}=True" for f in ("return_sequences", "return_state") if g.random() < 0.4]
        inner = f"{cls}({', '.join([str(units)] + flags)})"
        args = [inner]
        mode = g.choice(["concat", "concat", "sum", "mul", "ave", None])
        if mode != "concat" or g.random() < 0.3:
            args.append(f"merge_mode={mode!r}")
        if g.random() < 0.25:
            back = g.choice(_RNNS)
            args.append(f"backward_layer={back}({g.randint(1, 9)}, {', '.join(flags + ['go_backwards=True'])})")
        t = None if g.random() < 0.4 else g.randint(1, 12)
        return Case(f"Bidirectional({', '.join(args)})", [inp((batch_dim(g), t, g.randint(1, 8)))])

    seq = [inp((None, None, 3))]
    fixed = [
        Case("Bidirectional(LSTM(4))", seq),
        Case("Bidirectional(LSTM(4, return_sequences=True), merge_mode='sum')", [inp((2, 7, 3))]),
        Case("Bidirectional(GRU(4, return_sequences=True), merge_mode='mul')", seq),
        Case("Bidirectional(SimpleRNN(4), merge_mode='ave')", seq),
        Case("Bidirectional(LSTM(4, return_sequences=True), merge_mode=None)", seq),
        Case("Bidirectional(LSTM(4, return_state=True))", seq),
        Case("Bidirectional(LSTM(4, return_state=True), merge_mode=None)", seq),
        Case("Bidirectional(GRU(4, return_state=True, return_sequences=True), merge_mode='ave')", seq),
        # the shapes come from the forward layer alone; params from both
        Case("Bidirectional(LSTM(4), backward_layer=LSTM(3, go_backwards=True))", seq),
        Case("Bidirectional(LSTM(4), backward_layer=GRU(3, go_backwards=True), merge_mode=None)", seq),
        Case(
            "Bidirectional(LSTM(4, return_state=True), backward_layer=GRU(3, go_backwards=True, return_state=True))",
            seq,
        ),
        Case("Bidirectional(RNN(LSTMCell(4)))", [inp((None, None, 3, 2))]),
        Case("Bidirectional(RNN([LSTMCell(4), GRUCell(2)], return_state=True))", seq),
        Case("Bidirectional(ConvLSTM1D(4, 3))", [inp((None, None, 5, 3))]),
        Case("Bidirectional(ConvLSTM2D(4, 3, data_format='channels_first', return_sequences=True))", [inp((None, 4, 3, 6, 5))]),
        Case("Bidirectional(LSTM(4, stateful=True))", [inp((2, None, 3))]),
        Case("Bidirectional(LSTM(4), weights=None)", seq),
        # construction errors
        Case("Bidirectional(GRU(4), merge_mode='max')", seq),
        Case("Bidirectional(GRU(4), merge_mode='CONCAT')", seq),
        Case("Bidirectional(Dense(4))", seq),
        Case("Bidirectional(3)", seq),
        Case("Bidirectional(LSTM(4, go_backwards=True))", seq),
        Case("Bidirectional(LSTM(4), backward_layer=LSTM(3))", seq),
        Case("Bidirectional(LSTM(4), backward_layer=LSTM(3, go_backwards=True, return_sequences=True))", seq),
        Case("Bidirectional(LSTM(4), backward_layer=3)", seq),
        Case("Bidirectional(Bidirectional(LSTM(4)))", seq),
        # call errors
        Case("Bidirectional(SimpleRNN(4))", [inp((None, None, 3, 2))]),
        Case("Bidirectional(LSTM(4, stateful=True))", seq),
        Case("Bidirectional(LSTM(4))", [inp((None, 5, None))]),
        # initial states are not looked at
        Case(
            "Bidirectional(LSTM(4, return_sequences=True), merge_mode='mul')",
            [inp((2, 5, 3))] + [inp((None, 4))] * 4,
            call_args="x0, initial_state=[x1, x2, x3, x4]",
        ),
        Case("Bidirectional(GRU(4))", [inp((None, 5, 3)), inp((None, 9))], call_args="x0, initial_state=[x1]"),
        Case("Bidirectional(LSTM(4))", [inp((None, 5, 3))] + [inp((None, 4))] * 4, call_args="x0, [x1, x2, x3, x4]"),
        # dtypes
        Case("Bidirectional(SimpleRNN(4), dtype='float16')", seq),
        Case("Bidirectional(SimpleRNN(4, dtype='float16'))", seq),
        Case("Bidirectional(GRU(4))", [inp((None, None, 3), "int32")]),
    ]
    return with_randoms(fixed, rng, random_case, 10)


def time_distributed_cases(rng):
    def random_case(g):
        b, t = batch_dim(g), g.choice([None, None, 3, 10])
        kind = g.choice(["dense", "conv", "pool", "flatten", "lstm"])
        if kind == "dense":
            return Case(f"TimeDistributed(Dense({g.randint(1, 16)}))", [inp((b, t, *([g.randint(1, 5)] * g.randint(0, 2)), g.randint(1, 8)))])
        if kind == "conv":
            k, s = g.randint(1, 3), g.randint(1, 2)
            pad = g.choice(["valid", "same"])
            hw = [g.randint(k, k + 8) for _ in range(2)]
            return Case(f"TimeDistributed(Conv2D({g.randint(1, 8)}, {k}, strides={s}, padding={pad!r}))", [inp((b, t, *hw, g.randint(1, 4)))])
        if kind == "pool":
            hw = [g.randint(2, 12) for _ in range(2)]
            return Case("TimeDistributed(MaxPooling2D())", [inp((b, t, *hw, g.randint(1, 4)))])
        if kind == "flatten":
            return Case("TimeDistributed(Flatten())", [inp((b, t, g.randint(1, 5), g.randint(1, 5)))])
        return Case(f"TimeDistributed(LSTM({g.randint(1, 6)}, return_sequences={g.random() < 0.5}))", [inp((b, t, g.randint(1, 6), g.randint(1, 6)))])

    fixed = [
        Case("TimeDistributed(Dense(4))", [inp((None, None, 3))]),
        Case("TimeDistributed(Dense(4))", [inp((None, 5, 7, 3))]),
        Case("TimeDistributed(Dense(4))", [inp((8, None, 3))]),
        Case("TimeDistributed(layer=Conv2D(4, 3))", [inp((None, 5, 7, 7, 3))]),
        Case("TimeDistributed(Conv2D(4, 3, strides=2, padding='same'))", [inp((2, None, 9, 8, 3))]),
        Case("TimeDistributed(Flatten())", [inp((None, 5, 7, 7, 3))]),
        Case("TimeDistributed(MaxPooling2D())", [inp((None, None, 8, 8, 3))]),
        Case("TimeDistributed(GlobalAveragePooling1D())", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(BatchNormalization())", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(Dropout(0.5))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(LSTM(4))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(GRU(4, return_sequences=True))", [inp((None, 6, 8, 3))]),
        Case("TimeDistributed(Bidirectional(LSTM(4)))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(TimeDistributed(Dense(4)))", [inp((None, None, 8, 3))]),
        # the wrapped layer's InputSpec is not checked: an LSTM steps over (batch, 3, 2)
        Case("TimeDistributed(LSTM(4))", [inp((None, None, 8, 3, 2))]),
        # errors
        Case("TimeDistributed(Dense(4))", [inp((None, 3))]),
        Case("TimeDistributed(Dense(4))", [inp((None, 5, None))]),
        Case("TimeDistributed(Conv2D(4, 3))", [inp((None, 5, 2, 7, 3))]),
        Case("TimeDistributed(Conv2D(4, 3))", [inp((None, 5, 7, 3))]),
        Case("TimeDistributed(Conv2D(4, 3))", [inp((None, 5, 8, 8, None))]),
        Case("TimeDistributed(LSTM(4, return_state=True))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(Bidirectional(LSTM(4), merge_mode=None))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(GRU(4, stateful=True))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(3)", [inp((None, None, 3))]),
        Case("TimeDistributed(Reshape((5,)))", [inp((None, None, 8, 3))]),
        Case("TimeDistributed(Dense(4))", [inp((None, 5, 3)), inp((None, 5, 3))], list_input=True),
        # dtypes: the wrapper's own policy decides
        Case("TimeDistributed(Conv2D(4, 3, dtype='float16'))", [inp((None, 5, 7, 7, 3))]),
        Case("TimeDistributed(Conv2D(4, 3), dtype='float16')", [inp((None, 5, 7, 7, 3))]),
        Case("TimeDistributed(Dense(4))", [inp((None, 5, 3), "int32")]),
        Case("TimeDistributed(Dense(4))", [inp((None, 5, 3))], call_args="inputs=x0"),
        Case("TimeDistributed(Dense(4), dtype='mixed_float16')", [inp((None, 5, 3))], call_args="x0, training=True"),
    ]
    return with_randoms(fixed, rng, random_case, 8)
