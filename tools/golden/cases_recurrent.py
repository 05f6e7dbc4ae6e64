"""Case generators for the recurrent layers: SimpleRNN, LSTM, GRU, RNN and ConvLSTM1D/2D/3D.

Calls with initial states use `call_args` ("x0, initial_state=[x1, x2]"); the inputs after x0 are
the state tensors.
"""

from golden_common import Case, batch_dim, fmt_kwargs, inp, layout, render, styled, tuple_or_int, with_randoms

RNN_POSITIONAL = ["units", "activation"]
_STATES = {"SimpleRNN": 1, "LSTM": 2, "GRU": 1}


def _seq(rng, features=None):
    """(batch, time, features): time unknown a third of the time."""
    t = None if rng.random() < 0.35 else rng.randint(1, 20)
    return (batch_dim(rng), t, features if features is not None else rng.randint(1, 10))


def rnn_layer_cases(cls):
    """SimpleRNN, LSTM or GRU."""
    n_states = _STATES[cls]
    gated = cls != "SimpleRNN"
    st = [inp((None, 4))] * n_states
    state_args = ", ".join(f"x{i + 1}" for i in range(n_states))

    def random_case(g):
        units = g.choice([1, 2, 4, 8, 16, 33])
        args = [("units", units)]
        if g.random() < 0.2:
            args.append(("activation", g.choice(["relu", "sigmoid", None])))
        if g.random() < 0.25:
            args.append(("use_bias", False))
        if cls == "GRU" and g.random() < 0.4:
            args.append(("reset_after", False))
        if cls == "LSTM" and g.random() < 0.2:
            args.append(("unit_forget_bias", False))
        if g.random() < 0.2:
            args.append(("dropout", g.choice([0.1, 0.5])))
        if g.random() < 0.2:
            args.append(("recurrent_dropout", 0.2))
        for flag in ("return_sequences", "return_state", "go_backwards"):
            if g.random() < 0.4:
                args.append((flag, True))
        shape = _seq(g)
        if g.random() < 0.1:
            args.append(("stateful", True))
        if g.random() < 0.1:
            args.append(("dtype", g.choice(["float16", "mixed_float16", "bfloat16"])))
        call_args = None
        inputs = [inp(shape, g.choice(["float32"] * 5 + ["int32"]))]
        if g.random() < 0.25:
            inputs += [inp((shape[0], units))] * n_states
            call_args = f"x0, initial_state=[{', '.join(f'x{i + 1}' for i in range(n_states))}]"
        return Case(styled(g, cls, args, RNN_POSITIONAL), inputs, call_args=call_args)

    fixed = [
        Case(f"{cls}(4)", [inp((None, 5, 3))]),
        Case(f"{cls}(4)", [inp((None, None, 3))]),
        Case(f"{cls}(units=4, return_sequences=True)", [inp((2, None, 3))]),
        Case(f"{cls}(4, return_state=True)", [inp((None, 7, 3))]),
        Case(f"{cls}(4, return_sequences=True, return_state=True, go_backwards=True)", [inp((3, 7, 3))]),
        Case(f"{cls}(4, use_bias=False)", [inp((None, 7, 3))]),
        Case(f"{cls}(4, stateful=True)", [inp((None, 7, 3))]),
        Case(f"{cls}(4, stateful=True, return_state=True)", [inp((2, None, 3))]),
        Case(f"{cls}(4, unroll=True)", [inp((None, None, 3))]),
        Case(f"{cls}(4, dropout=1.5, recurrent_dropout=-0.5)", [inp((None, 7, 3))]),
        Case(f"{cls}(4, return_sequences=True)", [inp((None, 0, 3))]),
        # construction errors
        Case(f"{cls}(0)", [inp((None, 7, 3))]),
        Case(f"{cls}(-3)", [inp((None, 7, 3))]),
        Case(f"{cls}(4, activation='tanhh')", [inp((None, 7, 3))]),
        # call errors
        Case(f"{cls}(4)", [inp((None, 3))]),
        Case(f"{cls}(4)", [inp((None, 5, 3, 2))]),
        Case(f"{cls}(4)", [inp((None, 5, None))]),
        Case(f"{cls}(4)", [inp((None, 5, 3))], call_args="x0, foo=True"),
        Case(f"{cls}(4)", [inp((None, 5, 3)), inp((None, 4))], call_args="x0, x1, x1, x1, x1"),
        Case(f"{cls}(4)", [inp((None, 5, 3))], call_args="x0, 3"),
        # initial states: Keras does not look at their shapes
        Case(f"{cls}(4)", [inp((None, 5, 3))] + st, call_args=f"x0, initial_state=[{state_args}]"),
        Case(f"{cls}(4, return_state=True)", [inp((None, 5, 3)), inp((None, 9))], call_args="x0, initial_state=x1"),
        Case(f"{cls}(4)", [inp((None, 5, 3))] + st, call_args=f"x0, [{state_args}]"),
        Case(f"{cls}(4)", [inp((None, 5, 3)), inp((None, 5))], call_args="x0, mask=x1, training=True"),
        Case(f"{cls}(4)", [inp((None, 5, 3)), inp((None, 4))], list_input=True),
        Case(f"{cls}(4, return_sequences=True)", [inp((None, 5, 3))], call_args="sequences=x0"),
        # dtypes
        Case(f"{cls}(4)", [inp((None, 5, 3), "int32")]),
        Case(f"{cls}(4, dtype='float16')", [inp((None, 5, 3))]),
        Case(f"{cls}(4, dtype='mixed_float16')", [inp((None, 5, 3), "float16")]),
    ]
    if gated:
        fixed += [
            Case(f"{cls}(4, recurrent_activation='hard_sigmoid')", [inp((None, 5, 3))]),
            Case(f"{cls}(4, recurrent_activation='nope')", [inp((None, 5, 3))]),
            Case(f"{cls}(4, use_cudnn='yes')", [inp((None, 5, 3))]),
            Case(f"{cls}(4, use_cudnn=False)", [inp((None, 5, 3))]),
        ]
    if cls == "GRU":
        fixed += [
            Case("GRU(4, reset_after=False)", [inp((None, 5, 3))]),
            Case("GRU(4, reset_after=False, use_bias=False)", [inp((None, 5, 3))]),
        ]
    if cls == "LSTM":
        fixed.append(Case("LSTM(4, unit_forget_bias=False)", [inp((None, 5, 3))]))
    return lambda rng: with_randoms(fixed, rng, random_case, 8)


def rnn_cases(rng):
    """RNN(cell) and RNN([cells])."""
    cells = ["SimpleRNNCell", "LSTMCell", "GRUCell"]

    def cell(g):
        name = g.choice(cells)
        extra = ", reset_after=False" if name == "GRUCell" and g.random() < 0.3 else ""
        return f"{name}({g.randint(1, 9)}{extra})"

    def random_case(g):
        n = g.choice([1, 1, 2, 3])
        cell_arg = cell(g) if n == 1 and g.random() < 0.6 else "[" + ", ".join(cell(g) for _ in range(n)) + "]"
        flags = [f"{f}=True" for f in ("return_sequences", "return_state", "go_backwards") if g.random() < 0.4]
        return Case(f"RNN({', '.join([cell_arg] + flags)})", [inp(_seq(g))])

    fixed = [
        Case("RNN(LSTMCell(4))", [inp((None, 7, 3))]),
        Case("RNN(SimpleRNNCell(4), return_sequences=True)", [inp((None, None, 3))]),
        Case("RNN(GRUCell(4), return_state=True)", [inp((2, 7, 3))]),
        Case("RNN([LSTMCell(4), GRUCell(2)], return_state=True, return_sequences=True)", [inp((None, 7, 3))]),
        Case("RNN([LSTMCell(4), GRUCell(2), SimpleRNNCell(5)], return_state=True)", [inp((None, 7, 3))]),
        Case("RNN(cell=[LSTMCell(4)], return_state=True)", [inp((None, 7, 3))]),
        Case("RNN((SimpleRNNCell(3), SimpleRNNCell(5)))", [inp((None, 7, 3))]),
        Case("RNN(StackedRNNCells([LSTMCell(4), GRUCell(3)]), return_state=True)", [inp((None, 7, 3))]),
        Case("RNN(LSTMCell(4), unroll=True, zero_output_for_mask=True)", [inp((None, None, 3))]),
        # no InputSpec: a 4-D input steps over (batch, 5, 3); a 2-D one over (batch,)
        Case("RNN(LSTMCell(4))", [inp((None, None, 5, 3))]),
        Case("RNN(LSTMCell(4))", [inp((2, 3))]),
        Case("RNN(LSTMCell(4))", [inp((None, 3))]),
        Case("RNN(LSTMCell(4), stateful=True)", [inp((None, None, 3))]),
        Case("RNN(LSTMCell(4), stateful=True)", [inp((4, None, 3))]),
        # an RNN layer used as a cell
        Case("RNN(LSTM(3))", [inp((2, 7, 3))]),
        Case("RNN(LSTM(3))", [inp((None, 7, 3))]),
        # errors
        Case("RNN([])", [inp((None, 7, 3))]),
        Case("RNN(Dense(3))", [inp((None, 7, 3))]),
        Case("RNN(3)", [inp((None, 7, 3))]),
        Case("RNN([LSTMCell(4), 3])", [inp((None, 7, 3))]),
        Case("RNN(LSTMCell(4))", [inp((None, 7, None))]),
        Case("RNN(LSTMCell(0))", [inp((None, 7, 3))]),
        # initial states and dtypes
        Case("RNN(LSTMCell(4))", [inp((None, 7, 3)), inp((None, 4)), inp((None, 4))], call_args="x0, initial_state=[x1, x2]"),
        Case("RNN(LSTMCell(4))", [inp((None, 7, 3), "int32")]),
        Case("RNN(LSTMCell(4, dtype='float16'))", [inp((None, 7, 3))]),
        Case("RNN(LSTMCell(4), dtype='mixed_float16')", [inp((None, 7, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def cell_cases(cls):
    """SimpleRNNCell, LSTMCell, GRUCell called directly on (x, states)."""
    lstm = cls == "LSTMCell"
    n = 2 if lstm else 1
    names = ", ".join(f"x{i + 1}" for i in range(n))

    def states(batch, units):
        return [inp((batch, units))] * n

    def random_case(g):
        units = g.randint(1, 9)
        args = [("units", units)]
        if g.random() < 0.25:
            args.append(("use_bias", False))
        if g.random() < 0.3:
            args.append(("recurrent_dropout", 0.25))
        if cls == "GRUCell" and g.random() < 0.4:
            args.append(("reset_after", False))
        b = batch_dim(g)
        sb = g.choice([b, b, b, None, 1, 3])
        x_shape = (b, g.randint(1, 8)) if g.random() < 0.8 else (b, g.choice([None, 4]), g.randint(1, 8))
        su = units if g.random() < 0.85 else units + 1
        return Case(styled(g, cls, args, ["units"]), [inp(x_shape)] + states(sb, su), call_args=f"x0, [{names}]")

    fixed = [
        Case(f"{cls}(4)", [inp((None, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((2, 3))] + states(2, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((None, 3)), inp((None, 4))], call_args="x0, x1"),
        Case(f"{cls}(4)", [inp((None, 3))] + states(None, 5), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((None, None))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((None, 3))]),
        Case(f"{cls}(4)", [inp((None, 3))], call_args="x0, []"),
        Case(f"{cls}(0)", [inp((None, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4, activation='nope')", [inp((None, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        # batch dims: one unknown symbol, broadcasting against 1 only
        Case(f"{cls}(4)", [inp((2, 3))] + states(3, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((2, 3))] + states(1, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((2, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((None, 7, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((None, None, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4, recurrent_dropout=0.5)", [inp((None, None, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4)", [inp((None, 3), "int32")] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4, dtype='float16')", [inp((None, 3))] + states(None, 4), call_args=f"x0, [{names}]"),
        Case(f"{cls}(4, dtype='mixed_float16')", [inp((None, 3))] + states(None, 4), call_args=f"x0, states=[{names}]"),
        Case(f"{cls}(4)", [inp((None, 3))] + states(None, 4), call_args=f"x0, [{names}], training=True"),
    ]
    if lstm:
        fixed += [
            Case("LSTMCell(4)", [inp((None, 3)), inp((None, 4))], call_args="x0, [x1]"),
            Case("LSTMCell(4)", [inp((None, 3)), inp((None, 4)), inp((None, 1))], call_args="x0, [x1, x2]"),
            Case("LSTMCell(4)", [inp((None, 4, 3)), inp((None, 4, 4)), inp((None, 1, 1))], call_args="x0, [x1, x2]"),
            Case("LSTMCell(4, recurrent_dropout=0.5)", [inp((None, 4, 3)), inp((None, 4, 4)), inp((None, 1, 1))], call_args="x0, [x1, x2]"),
            Case("LSTMCell(4, unit_forget_bias=False)", [inp((None, 3))] + states(None, 4), call_args="x0, [x1, x2]"),
        ]
    else:
        fixed += [
            Case(f"{cls}(4)", [inp((None, 3)), inp((None, 4)), inp((None, 9))], call_args="x0, [x1, x2]"),
            Case(f"{cls}(4)", [inp((None, 3)), inp((None, None, 4))], call_args="x0, [x1]"),
            Case(f"{cls}(4, recurrent_dropout=0.2)", [inp((None, 8, 3)), inp((None, 8, 4))], call_args="x0, [x1]"),
        ]
    if cls == "GRUCell":
        fixed += [
            Case("GRUCell(4, reset_after=False)", [inp((None, 3)), inp((None, 4))], call_args="x0, [x1]"),
            Case("GRUCell(4, reset_after=False, recurrent_dropout=0.3)", [inp((None, 5, 3)), inp((None, 4))], call_args="x0, x1"),
        ]
    return lambda rng: with_randoms(fixed, rng, random_case, 10)


def stacked_cells_cases(rng):
    def random_case(g):
        sizes = [g.randint(1, 6) for _ in range(g.randint(1, 3))]
        kinds = [g.choice(["SimpleRNNCell", "GRUCell"]) for _ in sizes]
        cells = ", ".join(f"{k}({u})" for k, u in zip(kinds, sizes))
        b = batch_dim(g)
        n = g.randint(1, len(sizes))
        states = [inp((b, u)) for u in sizes[:n]]
        call_args = "x0, [" + ", ".join(f"x{i + 1}" for i in range(n)) + "]"
        return Case(f"StackedRNNCells([{cells}])", [inp((b, g.randint(1, 8)))] + states, call_args=call_args)

    two = "StackedRNNCells([SimpleRNNCell(4), GRUCell(2)])"
    fixed = [
        Case(two, [inp((None, 3)), inp((None, 4)), inp((None, 2))], call_args="x0, [x1, x2]"),
        Case(two, [inp((None, 3)), inp((None, 4))], call_args="x0, [x1]"),
        Case(two, [inp((None, 3)), inp((None, 4))], call_args="x0, x1"),
        Case("StackedRNNCells([SimpleRNNCell(4), SimpleRNNCell(4)])", [inp((2, 3)), inp((2, 4))], call_args="x0, x1"),
        Case("StackedRNNCells(cells=[SimpleRNNCell(4), GRUCell(2, dtype='float16')])", [inp((None, 3)), inp((None, 4)), inp((None, 2))], call_args="x0, [x1, x2]"),
        Case("StackedRNNCells([])", [inp((None, 3)), inp((None, 4))], call_args="x0, [x1]"),
        Case("StackedRNNCells([SimpleRNNCell(4), LSTMCell(2)])", [inp((None, 3)), inp((None, 4)), inp((None, 2)), inp((None, 2))], call_args="x0, [x1, x2, x3]"),
        Case("StackedRNNCells([SimpleRNNCell(4), Dense(3)])", [inp((None, 3)), inp((None, 4))], call_args="x0, [x1]"),
        Case("StackedRNNCells(SimpleRNNCell(4))", [inp((None, 3)), inp((None, 4))], call_args="x0, [x1]"),
        Case(two, [inp((None, None)), inp((None, 4)), inp((None, 2))], call_args="x0, [x1, x2]"),
        Case(two, [inp((None, 3)), inp((None, 4)), inp((None, 3))], call_args="x0, [x1, x2]"),
        Case(two, [inp((None, 3))]),
        Case(two, [inp((None, 3), "int32"), inp((None, 4)), inp((None, 2))], call_args="x0, [x1, x2]"),
        Case("StackedRNNCells([SimpleRNNCell(4), GRUCell(2)], dtype='mixed_float16')", [inp((None, 3)), inp((None, 4)), inp((None, 2))], call_args="x0, [x1, x2]"),
    ]
    return with_randoms(fixed, rng, random_case, 10)


def conv_lstm_cases(rank):
    cls = f"ConvLSTM{rank}D"
    r = lambda v: (v,) * rank  # noqa: E731

    def random_case(g):
        fmt = g.choice([None, None, "channels_last", "channels_first"])
        kernel = [g.randint(1, 3) for _ in range(rank)]
        mode = g.choice(["plain", "stride", "dilate"])
        strides = [g.randint(1, 3) for _ in range(rank)] if mode == "stride" else [1] * rank
        dilation = [g.randint(1, 2) for _ in range(rank)] if mode == "dilate" else [1] * rank
        padding = g.choice(["valid", "same"])
        k_eff = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
        spatial = [g.randint(k if padding == "valid" else 1, k + (8 if rank < 3 else 4)) for k in k_eff]
        args = [("filters", g.randint(1, 6)), ("kernel_size", tuple_or_int(g, kernel))]
        if mode == "stride":
            args.append(("strides", tuple_or_int(g, strides)))
        if padding == "same" or g.random() < 0.3:
            args.append(("padding", padding))
        args += fmt_kwargs(fmt)
        if mode == "dilate":
            args.append(("dilation_rate", tuple_or_int(g, dilation)))
        for flag in ("return_sequences", "return_state"):
            if g.random() < 0.4:
                args.append((flag, True))
        t = None if g.random() < 0.4 else g.randint(1, 6)
        shape = (batch_dim(g), t, *layout(None, spatial, g.randint(1, 4), fmt)[1:])
        return Case(styled(g, cls, args, ["filters", "kernel_size"]), [inp(shape)])

    sp = lambda n, c=3, t=5, b=None: (b, t, *r(n), c)  # noqa: E731
    fixed = [
        Case(f"{cls}(4, 3)", [inp(sp(8))]),
        Case(f"{cls}(4, 3)", [inp(sp(8, t=None))]),
        Case(f"{cls}(4, 3)", [inp(sp(3))]),
        Case(f"{cls}(4, 3)", [inp(sp(2))]),
        Case(f"{cls}(4, 3, strides=2, padding='same')", [inp(sp(7))]),
        Case(f"{cls}(4, 3, padding='SAME', return_sequences=True, return_state=True)", [inp(sp(7, b=2))]),
        Case(f"{cls}(filters=4, kernel_size=3, dilation_rate=2)", [inp(sp(7))]),
        Case(f"{cls}(4, 3, data_format='channels_first', return_sequences=True)", [inp((None, 5, 3, *r(7)))]),
        Case(f"{cls}(4, 3, go_backwards=True, use_bias=False, unit_forget_bias=False)", [inp(sp(6))]),
        Case(f"{cls}(0, 3)", [inp(sp(6))]),
        Case(f"{cls}(4, 3, stateful=True)", [inp(sp(6, b=2))]),
        # construction errors
        Case(f"{cls}(4, 0)", [inp(sp(6))]),
        Case(f"{cls}(4, 3, strides=2, dilation_rate=2)", [inp(sp(9))]),
        Case(f"{cls}(4, 3, padding='causal')", [inp(sp(6))]),
        Case(f"{cls}(4, 3, data_format='channels_middle')", [inp(sp(6))]),
        Case(f"{cls}(4, {(3,) * (rank + 1)})", [inp(sp(6))]),
        Case(f"{cls}(4, 3, strides=-1)", [inp(sp(6))]),
        Case(f"{cls}(4, 3, recurrent_activation='nope')", [inp(sp(6))]),
        # call errors
        Case(f"{cls}(4, 3, strides=0)", [inp(sp(6))]),
        Case(f"{cls}(-1, 3)", [inp(sp(6))]),
        Case(f"{cls}(4, 3)", [inp((None, 5, None, *r(6)[1:], 3))]),
        Case(f"{cls}(4, 3)", [inp(sp(6, c=None))]),
        Case(f"{cls}(4, 3)", [inp(sp(6)[:-1])]),
        Case(f"{cls}(4, 3, stateful=True)", [inp(sp(6))]),
        # dtypes
        Case(f"{cls}(4, 3)", [inp(sp(6), "int32")]),
        Case(f"{cls}(4, 3, dtype='mixed_float16')", [inp(sp(6))]),
    ]
    return lambda rng: with_randoms(fixed, rng, random_case, 8 if rank < 3 else 5)
