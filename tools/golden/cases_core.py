"""Case generators for core, activation, regularization and normalization layers:
Dense, Activation, ReLU, Dropout, BatchNormalization."""

from golden_common import Case, batch_dim, inp, render, styled, with_randoms

ACTIVATION_NAMES = [
    "relu", "softmax", "sigmoid", "tanh", "linear", "gelu", "elu", "selu", "softplus", "softsign",
    "swish", "silu", "exponential", "hard_sigmoid", "leaky_relu", "relu6", "mish", "log_softmax",
]


def _random_shape(rng, rank, last, lo=1, hi=12):
    """A full shape of `rank` (batch included) whose last dim is `last`."""
    inner = [None if rng.random() < 0.3 else rng.randint(lo, hi) for _ in range(rank - 2)]
    return (batch_dim(rng), *inner, last)


def dense_cases(rng):
    def random_case(g):
        args = [("units", g.choice([1, 2, 4, 10, 16, 64, 128]))]
        if g.random() < 0.3:
            args.append(("activation", g.choice(["relu", "softmax", "tanh", None])))
        if g.random() < 0.3:
            args.append(("use_bias", g.random() < 0.5))
        if g.random() < 0.1:
            args.append(("kernel_initializer", g.choice(["he_normal", "zeros", "glorot_uniform"])))
        shape = _random_shape(g, g.randint(2, 5), g.randint(1, 64))
        return Case(styled(g, "Dense", args, ["units", "activation", "use_bias"]), [inp(shape)])

    fixed = [
        Case("Dense(10)", [inp((None, 784))]),
        Case("Dense(1)", [inp((None, 1))]),
        Case("Dense(True)", [inp((None, 3))]),
        Case("Dense(2, batch_size=2)", [inp((None, 3))]),
        Case("Dense(2, input_shape=(3,))", [inp((None, 3))]),
        Case("Dense(4, use_bias=0)", [inp((None, 3))]),
        Case("Dense(4, lora_rank=2)", [inp((None, 3))]),
        Case("Dense(4, lora_rank=2, kernel_constraint='max_norm')", [inp((None, 3))]),
        Case("Dense(4, lora_rank=-1)", [inp((None, 3))]),
        Case("Dense(4, use_bias=False, lora_rank=1)", [inp((None, 5, 3))]),
        Case("Dense(units=8, use_bias=False)", [inp((32, 5))]),
        Case("Dense(4)", [inp((None, None, 6))]),
        Case("Dense(4)", [inp((None, None, None, None, 6))]),
        Case("Dense(3, activation='softmax')", [inp((2, 7, 5))]),
        Case("Dense(5, kernel_initializer='he_normal', bias_initializer='zeros')", [inp((None, 3))]),
        Case("Dense(0)", [inp((None, 3))]),
        Case("Dense(-4)", [inp((None, 3))]),
        Case("Dense(4, activation='nope')", [inp((None, 3))]),
        Case("Dense(4)", [inp((None, None))]),
        Case("Dense(4)", [inp((None, 3, None))]),
        Case("Dense(4)", [inp((None,))]),
        Case("Dense(4)", [inp((8,))]),
        Case("Dense(4)", [inp((None, 3), "int32")]),
        Case("Dense(4, dtype='float16')", [inp((None, 3))]),
        Case("Dense(4, dtype='bfloat16')", [inp((None, 3), "float16")]),
        Case("Dense(4, dtype='mixed_float16')", [inp((None, 3))]),
        Case("Dense(4, dtype='mixed_bfloat16')", [inp((None, 3), "int32")]),
        Case("Dense(4, trainable=False)", [inp((None, 3))]),
        Case("Dense(4, trainable=0, lora_rank=2)", [inp((None, 3))]),
    ]
    return with_randoms(fixed, rng, random_case, 10)


def activation_cases(rng):
    cases = []
    for i, name in enumerate(ACTIVATION_NAMES):
        args = [("activation", name)]
        shape = _random_shape(rng, rng.randint(2, 5), rng.randint(1, 16))
        cases.append(Case(render("Activation", args, 1 if i % 3 else 0), [inp(shape)]))
    cases += [
        Case("Activation(None)", [inp((None, 4))]),
        Case("Activation('relux')", [inp((None, 4))]),
        Case("Activation('Relu')", [inp((None, 4))]),
        Case("Activation('softmax')", [inp((None,))]),
        Case("Activation('relu')", [inp((None, 4), "int32")]),
        Case("Activation('relu')", [inp((None, 4)), inp((None, 2, 3))], list_input=True),
        Case("Activation('softmax')", [inp((None, 4), "int32")]),
        Case("Activation('sigmoid', dtype='float16')", [inp((None, 4))]),
        Case("Activation('tanh', dtype='mixed_float16')", [inp((None, 4))]),
        Case("Activation('linear')", [inp((None, 4), "bfloat16")]),
    ]
    return cases


def relu_cases(rng):
    def random_case(g):
        args = []
        if g.random() < 0.6:
            args.append(("max_value", g.choice([1.0, 6.0, 0.5, 20.0])))
        if g.random() < 0.5:
            args.append(("negative_slope", g.choice([0.0, 0.1, 0.3, 1.0])))
        if g.random() < 0.4:
            args.append(("threshold", g.choice([0.0, 0.5, 2.0])))
        shape = _random_shape(g, g.randint(2, 5), g.randint(1, 32))
        return Case(styled(g, "ReLU", args, ["max_value", "negative_slope", "threshold"]), [inp(shape)])

    fixed = [
        Case("ReLU()", [inp((None, 4))]),
        Case("ReLU(6.0)", [inp((None, None, None, 3))]),
        Case("ReLU(max_value=6)", [inp((2, 3))]),
        Case("ReLU(negative_slope=0.2, threshold=1.0)", [inp((None, 5, 5))]),
        Case("ReLU(max_value=-1.0)", [inp((None, 4))]),
        Case("ReLU(negative_slope=-0.1)", [inp((None, 4))]),
        Case("ReLU(threshold=-1.0)", [inp((None, 4))]),
        Case("ReLU(max_value=None)", [inp((None, 4))]),
        Case("ReLU(threshold=None)", [inp((None, 4))]),
        Case("ReLU()", [inp((None,))]),
        Case("ReLU()", [inp((None, 4)), inp((2, 5))], list_input=True),
        Case("ReLU()", [inp((None, 4), "int32")]),
        Case("ReLU(dtype='float16')", [inp((None, 4))]),
        Case("ReLU(6.0, dtype='mixed_bfloat16')", [inp((None, 4))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def dropout_cases(rng):
    def random_case(g):
        rank = g.randint(2, 5)
        shape = _random_shape(g, rank, g.randint(1, 32))
        args = [("rate", g.choice([0.0, 0.1, 0.25, 0.5, 0.9]))]
        if g.random() < 0.4:
            noise = tuple(1 if (i > 0 and g.random() < 0.5) else None for i in range(rank - 1)) + (shape[-1],)
            args.append(("noise_shape", noise))
        if g.random() < 0.4:
            args.append(("seed", g.randint(0, 1000)))
        return Case(styled(g, "Dropout", args, ["rate", "noise_shape", "seed"]), [inp(shape)])

    fixed = [
        Case("Dropout(0.5)", [inp((None, 10))]),
        Case("Dropout(rate=0.2, seed=7)", [inp((4, 3, 3))]),
        Case("Dropout(0.3, noise_shape=(None, 1, 1, 3))", [inp((None, 8, 8, 3))]),
        Case("Dropout(0.3, (None, 1, 3))", [inp((None, None, 3))]),
        Case("Dropout(0)", [inp((None, 10))]),
        Case("Dropout(1.0)", [inp((None, 10))]),
        Case("Dropout(1)", [inp((None, 10))]),
        Case("Dropout(-0.1)", [inp((None, 10))]),
        Case("Dropout(1.5)", [inp((None, 10))]),
        Case("Dropout(0.5, noise_shape=(None, 2, 2))", [inp((None, 10))]),
        Case("Dropout(0.5)", [inp((None,))]),
        Case("Dropout(0.5)", [inp((None, 4)), inp((None, 6))], list_input=True),
        Case("Dropout(0.5)", [inp((None, 10), "int32")]),
        Case("Dropout(0.5, dtype='bfloat16')", [inp((None, 10))]),
        Case("Dropout(0.5, dtype='mixed_float16')", [inp((None, 10))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def batchnorm_cases(rng):
    def random_case(g):
        rank = g.randint(2, 5)
        shape = list(_random_shape(g, rank, g.randint(1, 32)))
        axis = g.choice([-1, -1, 1] + list(range(1, rank)) + [-(rank - 1)])
        pos = axis % rank
        if shape[pos] is None:
            shape[pos] = g.randint(1, 16)
        args = [] if (axis == -1 and g.random() < 0.5) else [("axis", axis)]
        if g.random() < 0.3:
            args.append(("momentum", g.choice([0.9, 0.99, 0.5])))
        if g.random() < 0.3:
            args.append(("center", g.random() < 0.5))
        if g.random() < 0.3:
            args.append(("scale", g.random() < 0.5))
        return Case(styled(g, "BatchNormalization", args, ["axis", "momentum", "epsilon", "center", "scale"]), [inp(tuple(shape))])

    fixed = [
        Case("BatchNormalization()", [inp((None, 8, 8, 16))]),
        Case("BatchNormalization(1)", [inp((None, 16, 8, 8))]),
        Case("BatchNormalization(axis=-3)", [inp((None, 16, 8, 8))]),
        Case("BatchNormalization(axis=2)", [inp((4, None, 6, None))]),
        Case("BatchNormalization(axis=[1, 2])", [inp((None, 3, 5))]),
        Case("BatchNormalization(center=False, scale=False)", [inp((None, 10))]),
        Case("BatchNormalization(center=False)", [inp((None, 10))]),
        Case("BatchNormalization(scale=False)", [inp((None, None, 10))]),
        Case("BatchNormalization(momentum=0.9, epsilon=1e-05)", [inp((None, 7))]),
        Case("BatchNormalization(axis=3)", [inp((None, 8, 8))]),
        Case("BatchNormalization(axis=-4)", [inp((None, 8, 8))]),
        Case("BatchNormalization(axis=0)", [inp((None, 8))]),
        Case("BatchNormalization()", [inp((None, 8, None))]),
        Case("BatchNormalization()", [inp((None,))]),
        Case("BatchNormalization()", [inp((None, 8), "int32")]),
        Case("BatchNormalization(dtype='float16')", [inp((None, 8))]),
        Case("BatchNormalization(dtype='mixed_float16')", [inp((None, 8))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)
