"""Hand-written cases for layer_configs.py: what the per-class golden cases rarely write.

Wrapped layers and cells, serialized initializers, regularizers and constraints, dtype policies
(mixed_float16, mixed_bfloat16, policy objects), Lambda functions saved as Keras saves them.
Calls may use `keras.` objects; they are evaluated in keras.layers' namespace plus `keras`.
"""

from dataclasses import dataclass

from golden_common import inp


@dataclass
class Extra:
    layer: str
    call: str
    inputs: list
    list_input: bool = False
    call_args: str = None


I = "keras.initializers"
R = "keras.regularizers"
C = "keras.constraints"
seq = [inp((None, 6, 3))]
img = [inp((None, 8, 8, 3))]
vec = [inp((None, 5))]

EXTRA_CASES = [
    Extra(
        "Dense",
        f"Dense(4, activation='relu', kernel_initializer={I}.HeNormal(seed=3), "
        f"bias_initializer={I}.Constant(0.1), kernel_regularizer={R}.L1L2(l1=0.01, l2=0.02), "
        f"bias_regularizer='l2', activity_regularizer={R}.L1(0.001), "
        f"kernel_constraint={C}.MaxNorm(2.0), bias_constraint='non_neg', dtype='mixed_float16')",
        vec,
    ),
    Extra("Dense", "Dense(3, dtype=keras.DTypePolicy('bfloat16'))", vec),
    Extra("Dense", f"Dense(2, kernel_regularizer={R}.OrthogonalRegularizer(factor=0.01))", vec),
    Extra(
        "Conv2D",
        f"Conv2D(4, 3, kernel_initializer={I}.TruncatedNormal(stddev=0.02, seed=1), "
        f"kernel_regularizer={R}.L2(1e-4), kernel_constraint={C}.UnitNorm(axis=[0, 1, 2]), "
        "dtype='mixed_float16')",
        img,
    ),
    Extra("Conv1D", "Conv1D(2, 3, activation=keras.activations.gelu, padding='causal')", seq),
    Extra(
        "DepthwiseConv2D",
        f"DepthwiseConv2D(3, depth_multiplier=2, depthwise_initializer={I}.RandomNormal(seed=2), "
        f"depthwise_regularizer={R}.L2(0.01), depthwise_constraint={C}.MinMaxNorm(0.1, 2.0))",
        img,
    ),
    Extra(
        "SeparableConv1D",
        "SeparableConv1D(4, 3, pointwise_initializer="
        f"{I}.VarianceScaling(scale=2.0, mode='fan_out', distribution='uniform'), "
        f"pointwise_constraint={C}.NonNeg(), dtype='mixed_bfloat16')",
        seq,
    ),
    Extra(
        "Embedding",
        f"Embedding(10, 4, embeddings_initializer={I}.RandomUniform(-0.1, 0.1, seed=1), "
        f"embeddings_regularizer={R}.L2(0.01), embeddings_constraint={C}.NonNeg(), mask_zero=True, "
        "dtype='mixed_float16')",
        [inp((None, 5), "int32")],
    ),
    Extra(
        "LSTM",
        f"LSTM(4, return_sequences=True, kernel_initializer={I}.GlorotNormal(seed=0), "
        f"recurrent_initializer={I}.Orthogonal(gain=2.0, seed=0), recurrent_regularizer={R}.L2(0.1), "
        f"recurrent_constraint={C}.MaxNorm(3), dtype='mixed_float16')",
        seq,
    ),
    Extra("GRU", "GRU(3, reset_after=False, dropout=0.1, seed=4, dtype='mixed_bfloat16')", seq),
    Extra("SimpleRNN", f"SimpleRNN(3, activity_regularizer={R}.L1(0.01), unroll=True)", seq),
    Extra(
        "BatchNormalization",
        f"BatchNormalization(beta_regularizer={R}.L2(0.01), gamma_constraint={C}.NonNeg(), "
        "moving_variance_initializer='ones', dtype='mixed_float16')",
        img,
    ),
    Extra("LayerNormalization", f"LayerNormalization(gamma_regularizer={R}.L2(0.1), dtype='mixed_bfloat16')", seq),
    Extra("GroupNormalization", f"GroupNormalization(3, gamma_constraint={C}.NonNeg())", img),
    Extra("Bidirectional", "Bidirectional(LSTM(4, return_sequences=True), merge_mode='sum')", seq),
    Extra("Bidirectional", "Bidirectional(GRU(3), backward_layer=GRU(3, go_backwards=True))", seq),
    Extra("Bidirectional", "Bidirectional(LSTM(2, return_state=True), merge_mode=None)", seq),
    Extra("Bidirectional", "Bidirectional(SimpleRNN(2), dtype='mixed_float16')", seq),
    Extra("TimeDistributed", "TimeDistributed(Conv2D(2, 3))", [inp((None, 4, 8, 8, 3))]),
    Extra("TimeDistributed", f"TimeDistributed(Dense(3, kernel_regularizer={R}.L2(0.1)))", seq),
    Extra("TimeDistributed", "TimeDistributed(MaxPooling1D(2))", [inp((None, 3, 6, 2))]),
    Extra("RNN", "RNN(LSTMCell(4))", seq),
    Extra("RNN", "RNN([LSTMCell(4), GRUCell(3)], return_sequences=True)", seq),
    Extra("RNN", "RNN(SimpleRNNCell(4, dtype='mixed_float16'), return_state=True)", seq),
    Extra("RNN", "RNN(StackedRNNCells([SimpleRNNCell(2), LSTMCell(3)]))", seq),
    Extra("Lambda", "Lambda(lambda x: x * 2.0, output_shape=(5,))", vec),
    Extra("Lambda", "Lambda(keras.activations.relu, output_shape=(6, 3))", seq),
    Extra(
        "MultiHeadAttention",
        f"MultiHeadAttention(2, 4, kernel_initializer={I}.HeUniform(seed=1), "
        f"bias_regularizer={R}.L2(0.1), dtype='mixed_float16')",
        [inp((None, 6, 3)), inp((None, 4, 3))],
        call_args="x0, x1",
    ),
    Extra("PReLU", f"PReLU(alpha_initializer={I}.Constant(0.25), alpha_regularizer={R}.L2(0.1), alpha_constraint={C}.NonNeg(), shared_axes=[1, 2])", img),
    Extra("EinsumDense", f"EinsumDense('abc,cd->abd', output_shape=(None, 5), bias_axes='d', kernel_regularizer={R}.L2(0.1))", seq),
    Extra("ConvLSTM2D", f"ConvLSTM2D(2, 3, recurrent_regularizer={R}.L2(0.1), dtype='mixed_float16')", [inp((None, 3, 8, 8, 3))]),
    Extra("SpectralNormalization", f"SpectralNormalization(Dense(4, kernel_initializer={I}.Zeros()), power_iterations=2)", vec),
    Extra("Rescaling", "Rescaling(1.0 / 255, offset=-1.0, dtype='mixed_float16')", img),
    Extra("Activation", "Activation('softmax', dtype=keras.DTypePolicy('mixed_bfloat16'))", vec),
    Extra("Dropout", "Dropout(0.3, noise_shape=(None, 1, 3), seed=7)", seq),
    Extra("AdditiveAttention", "AdditiveAttention(use_scale=False, dropout=0.2)", [inp((None, 6, 3)), inp((None, 4, 3))], list_input=True),
    Extra("Attention", "Attention(use_scale=True, score_mode='concat', dropout=0.1, seed=3)", [inp((None, 6, 3)), inp((None, 4, 3))], list_input=True),
    Extra("Concatenate", "Concatenate(axis=1, dtype='mixed_float16')", [inp((None, 6, 3)), inp((None, 4, 3))], list_input=True),
]

# Keys get_config writes only in some states: LoRA, bounding boxes, integer vocabularies, and
# wrappers inside wrappers.
EXTRA_CASES += [
    Extra("Dense", "Dense(4, lora_rank=2, lora_alpha=4)", vec),
    Extra("Conv2D", "Conv2D(2, 3, lora_rank=2)", img),
    Extra("EinsumDense", "EinsumDense('ab,bc->ac', output_shape=4, lora_rank=2)", vec),
    Extra("Embedding", "Embedding(10, 4, lora_rank=2, lora_alpha=8)", [inp((None, 5), "int32")]),
    Extra("RandomFlip", "RandomFlip('horizontal', bounding_box_format='xyxy', seed=1)", img),
    Extra("RandomRotation", "RandomRotation(0.1, bounding_box_format='xywh')", img),
    Extra("IntegerLookup", "IntegerLookup(vocabulary=[3, 7, 11], mask_token=0, output_mode='one_hot')", [inp((None, 4), "int64")]),
    Extra("StringLookup", "StringLookup(vocabulary=['a', 'b'], num_oov_indices=2, oov_method='farmhash', salt=3)", [inp((None, 4), "string")]),
    Extra("TimeDistributed", "TimeDistributed(Bidirectional(LSTM(2)))", [inp((None, 3, 5, 4))]),
    Extra("Bidirectional", "Bidirectional(RNN(LSTMCell(3), return_sequences=True))", seq),
]
