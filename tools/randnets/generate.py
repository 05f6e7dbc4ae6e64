#!/usr/bin/env python3
"""Random networks declared with unknown dims, applied at concrete sizes, evaluated by Keras.

Writes Tests/ShapeEngineTests/Golden/randnets.jsonl: one line per program. A program is a list
of kshape session lines (the REPL form: `t0 = Input((None, None, 3))`, then `t1 = Conv2D(8, 3)(t0)`,
...) whose input has unknown dims, and several sizes. For each size, real Keras runs the same
lines with the input declared at that size (`Input((32, 32, 3))`) and records, per layer call in
order, the layer's name, class, output shapes and dtypes and parameter counts, and the first error
(statement, layer name, exception type and message) if one is raised.
RandomNetworkTests (Tests/ShapeEngineTests/RandomNetworkTests.swift) declares each program in a
kshape `Session` with the unknown dims, runs `apply SIZE` and compares.

The networks are drawn from a seeded generator (the programs depend only on --seed and --count),
over convolutions 1D/2D/3D (depthwise, separable, transposed, dilated, strided, grouped, 'same',
'valid', 'causal', channels_first), pooling (incl. global), upsampling, zero padding, cropping,
BatchNormalization/LayerNormalization/GroupNormalization, Dense, Flatten, Reshape, Permute,
RepeatVector, merges with branches and skip connections, SimpleRNN/LSTM/GRU/Bidirectional,
ConvLSTM1D/2D, MultiHeadAttention and Attention, Embedding, activations, Dropout and
TimeDistributed. Inputs declare spatial dims as None and sometimes the channels/features too.
Sizes include ones that fail. Also raw tensor operations (`t + 1.0`, `ops.mean`), Functional and
Sequential blocks called as layers, shared layers, two inputs, and the REPL's stacking lines.
tools/randnets/regressions.json holds programs (frozen) that found mismatches the default set
does not have; they are run with the others.

Regenerate (about 3 minutes; the data is never edited by hand):

    KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/randnets/generate.py
    KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/randnets/generate.py --check  # exit 1 if stale
    KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/randnets/generate.py --only 17  # one program

Keras 3.15.1 with the JAX backend (the venv of tools/golden); versions are written into
Tests/ShapeEngineTests/Golden/randnets_versions.json.
"""

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_OUT = ROOT / "Tests" / "ShapeEngineTests" / "Golden" / "randnets.jsonl"
VERSIONS = ROOT / "Tests" / "ShapeEngineTests" / "Golden" / "randnets_versions.json"

ENVIRONMENT = {"PYTHONHASHSEED": "0", "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu",
               "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}
if any(os.environ.get(k) != v for k, v in ENVIRONMENT.items()):
    os.environ.update(ENVIRONMENT)
    os.execv(sys.executable, [sys.executable, *sys.argv])

MESSAGE_LIMIT = 600


# ---------------------------------------------------------------------------------------------
# The generator: a tensor is described by its kind and what the generator knows of its dims.
# ---------------------------------------------------------------------------------------------

class T:
    """A tensor of the program: variable name, kind, rank (with batch), channels (None when
    unknown), data format for images and volumes."""

    def __init__(self, var, kind, rank, channels, fmt="channels_last", dtype="float32"):
        self.var, self.kind, self.rank, self.channels = var, kind, rank, channels
        self.fmt, self.dtype = fmt, dtype

    def like(self, var, **changes):
        t = T(self.var, self.kind, self.rank, self.channels, self.fmt, self.dtype)
        t.var = var
        for k, v in changes.items():
            setattr(t, k, v)
        return t


def kw(**items):
    """Keyword arguments written as Python: `padding='same', strides=2`."""
    out = []
    for k, v in items.items():
        if v is None:
            continue
        out.append(f"{k}={v!r}")
    return ", ".join(out)


def args(*positional, **items):
    parts = [repr(p) for p in positional]
    rest = kw(**items)
    if rest:
        parts.append(rest)
    return ", ".join(parts)


class Program:
    def __init__(self, rng):
        self.rng = rng
        self.lines = []
        self.count = 0
        self.uses_ops = False

    def fresh(self):
        v = f"t{self.count}"
        self.count += 1
        return v

    def emit(self, layer, inputs, **result):
        """`tN = layer(inputs)`; returns the new tensor described by `result` over the first
        input's description."""
        var = self.fresh()
        if isinstance(inputs, list):
            call = "[" + ", ".join(t.var for t in inputs) + "]"
            base = inputs[0]
        elif isinstance(inputs, tuple):
            call = ", ".join(t.var for t in inputs)
            base = inputs[0]
        else:
            call = inputs.var
            base = inputs
        self.lines.append(f"{var} = {layer}({call})")
        return base.like(var, **result)

    def emit_input(self, declared, like):
        var = self.fresh()
        self.lines.append(f"{var} = Input({declared})")
        return like.like(var)

    def emit_expr(self, expr, base, **result):
        var = self.fresh()
        self.lines.append(f"{var} = {expr}")
        self.uses_ops = self.uses_ops or "ops." in expr
        return base.like(var, **result)

    def choice(self, items):
        return self.rng.choice(items)

    def chance(self, p):
        return self.rng.random() < p


ACTIVATIONS = [None, None, "relu", "tanh", "sigmoid", "gelu", "swish", "softmax", "linear"]


def spatial_axes(t):
    return t.rank - 2


def conv_name(t, base):
    return f"{base}{spatial_axes(t)}D"


def fmt_arg(t):
    return "channels_first" if t.fmt == "channels_first" else None


def ints(rng, n, lo, hi):
    return tuple(rng.randint(lo, hi) for _ in range(n))


def kernel(p, t, lo=1, hi=5):
    n = spatial_axes(t)
    if p.chance(0.6):
        return p.rng.randint(lo, hi)
    return ints(p.rng, n, lo, hi)


# --- layers over a spatial tensor (sequence, image or volume): rank 3, 4 or 5 -----------------

def conv(p, t, preserve=False):
    n = spatial_axes(t)
    filters = p.choice([1, 2, 4, 6, 8, 16])
    k = kernel(p, t)
    strides = 1 if preserve else p.choice([1, 1, 1, 2, 3])
    dilation = 1
    if strides == 1 and p.chance(0.2):
        dilation = p.choice([2, 3])
    padding = "same" if preserve else p.choice(["same", "valid"] + (["causal"] if n == 1 else []))
    groups = None
    if t.channels and p.chance(0.15):
        g = p.choice([d for d in (2, 3, 4) if t.channels % d == 0] or [1])
        if g > 1 and filters % g == 0:
            groups = g
    elif t.channels is None and p.chance(0.2) and filters % 2 == 0:
        # The channels come with the size: they may not divide.
        groups = 2
    layer = conv_name(t, "Conv") + "(" + args(
        filters, k, strides=strides if strides != 1 else None,
        padding=padding if padding != "valid" or p.chance(0.5) else None,
        dilation_rate=dilation if dilation != 1 else None, groups=groups,
        activation=p.choice(ACTIVATIONS), use_bias=False if p.chance(0.15) else None,
        data_format=fmt_arg(t)) + ")"
    return p.emit(layer, t, channels=filters)


def depthwise(p, t, preserve=False):
    if spatial_axes(t) == 3:
        return conv(p, t, preserve)
    mult = p.choice([1, 1, 2, 3])
    strides = 1 if preserve else p.choice([1, 1, 2])
    layer = conv_name(t, "DepthwiseConv") + "(" + args(
        kernel(p, t), strides=strides if strides != 1 else None,
        padding="same" if preserve else p.choice(["same", "valid"]),
        depth_multiplier=mult if mult != 1 else None, data_format=fmt_arg(t)) + ")"
    return p.emit(layer, t, channels=None if t.channels is None else t.channels * mult)


def separable(p, t, preserve=False):
    if spatial_axes(t) == 3:
        return conv(p, t, preserve)
    filters = p.choice([2, 4, 8, 12])
    mult = p.choice([1, 1, 2])
    strides = 1 if preserve else p.choice([1, 1, 2])
    dilation = p.choice([1, 2]) if strides == 1 else 1
    layer = conv_name(t, "SeparableConv") + "(" + args(
        filters, kernel(p, t), strides=strides if strides != 1 else None,
        padding="same" if preserve else p.choice(["same", "valid"]),
        depth_multiplier=mult if mult != 1 else None,
        dilation_rate=dilation if dilation != 1 else None, data_format=fmt_arg(t)) + ")"
    return p.emit(layer, t, channels=filters)


def transposed(p, t):
    filters = p.choice([2, 4, 8])
    k = kernel(p, t, 1, 4)
    strides = p.choice([1, 2, 2, 3])
    padding = p.choice(["same", "valid"])
    output_padding = None
    if strides > 1 and p.chance(0.25):
        output_padding = p.rng.randint(0, strides - 1)
    layer = conv_name(t, "Conv") + "Transpose(" + args(
        filters, k, strides=strides if strides != 1 else None, padding=padding,
        output_padding=output_padding, data_format=fmt_arg(t)) + ")"
    return p.emit(layer, t, channels=filters)


def pool(p, t):
    n = spatial_axes(t)
    kind = p.choice(["Max", "Average"])
    size = p.choice([2, 2, 3]) if p.chance(0.7) else ints(p.rng, n, 1, 3)
    strides = p.choice([None, None, 1, 2])
    padding = p.choice([None, "same", "valid"])
    layer = f"{kind}Pooling{n}D(" + args(
        size, strides=strides, padding=padding, data_format=fmt_arg(t)) + ")"
    return p.emit(layer, t)


def upsample(p, t):
    n = spatial_axes(t)
    size = p.choice([2, 2, 3]) if n == 1 or p.chance(0.7) else ints(p.rng, n, 1, 3)
    extra = {}
    if n == 2 and p.chance(0.3):
        extra["interpolation"] = "bilinear"
    layer = f"UpSampling{n}D(" + args(size, data_format=fmt_arg(t) if n > 1 else None,
                                      **extra) + ")"
    return p.emit(layer, t)


def zeropad(p, t):
    n = spatial_axes(t)
    amount = p.choice([1, 2]) if p.chance(0.6) else ints(p.rng, n, 0, 3)
    if n > 1 and p.chance(0.2):
        amount = tuple((p.rng.randint(0, 2), p.rng.randint(0, 2)) for _ in range(n))
    layer = f"ZeroPadding{n}D(" + args(amount, data_format=fmt_arg(t) if n > 1 else None) + ")"
    return p.emit(layer, t)


def crop(p, t):
    n = spatial_axes(t)
    amount = p.choice([1, 2, 3]) if p.chance(0.5) else ints(p.rng, n, 0, 4)
    if n > 1 and p.chance(0.2):
        amount = tuple((p.rng.randint(0, 3), p.rng.randint(0, 3)) for _ in range(n))
    if n == 1 and isinstance(amount, tuple):
        amount = (amount[0], p.rng.randint(0, 3))
    layer = f"Cropping{n}D(" + args(amount, data_format=fmt_arg(t) if n > 1 else None) + ")"
    return p.emit(layer, t)


def normalize(p, t):
    axis = 1 if t.fmt == "channels_first" else None
    which = p.choice(["BatchNormalization", "BatchNormalization", "LayerNormalization",
                      "GroupNormalization", "UnitNormalization", "RMSNormalization"])
    if which == "GroupNormalization":
        groups = p.choice([1, 2, 4])
        if t.channels is not None and t.channels % groups != 0:
            groups = 1
        return p.emit(f"GroupNormalization({args(groups=groups, axis=axis)})", t)
    if which in ("LayerNormalization", "UnitNormalization", "RMSNormalization"):
        return p.emit(f"{which}({args(axis=axis)})", t)
    extra = {"center": False} if p.chance(0.2) else {}
    return p.emit(f"BatchNormalization({args(axis=axis, **extra)})", t)


def activation(p, t):
    which = p.choice(["Activation('relu')", "Activation('tanh')", "ReLU()", "ReLU(max_value=6.0)",
                      "LeakyReLU(negative_slope=0.2)", "ELU()", "Softmax()", "PReLU()",
                      "Activation('softmax')"])
    if which == "PReLU()" and t.rank > 2 and p.chance(0.5):
        shared = tuple(range(1, t.rank - 1)) if t.fmt == "channels_last" else tuple(
            range(2, t.rank))
        which = f"PReLU(shared_axes={list(shared)!r})"
    return p.emit(which, t)


def regularize(p, t):
    n = t.rank - 2
    options = ["Dropout(0.2)", "GaussianNoise(0.1)", "GaussianDropout(0.1)",
               "ActivityRegularization(l1=0.01)"]
    if 1 <= n <= 3:
        options.append(f"SpatialDropout{n}D(0.1" + (
            ", data_format='channels_first')" if t.fmt == "channels_first" else ")"))
    return p.emit(p.choice(options), t)


def global_pool(p, t):
    n = spatial_axes(t)
    kind = p.choice(["Max", "Average"])
    keep = p.chance(0.2)
    layer = f"Global{kind}Pooling{n}D(" + args(keepdims=True if keep else None,
                                               data_format=fmt_arg(t)) + ")"
    if keep:
        return p.emit(layer, t)
    return p.emit(layer, t, kind="vec", rank=2, fmt="channels_last")


def flatten(p, t):
    known = False
    return p.emit("Flatten()", t, kind="vec", rank=2, channels=None if not known else t.channels,
                  fmt="channels_last")


def residual(p, t):
    """A skip connection: x + f(x), f shape-preserving, with a projection when needed."""
    branch = t
    for _ in range(p.rng.randint(1, 2)):
        branch = p.choice([conv, depthwise, separable])(p, branch, preserve=True)
        if p.chance(0.4):
            branch = normalize(p, branch)
    skip = t
    if branch.channels != t.channels or t.channels is None or p.chance(0.2):
        if branch.channels != t.channels or p.chance(0.5):
            filters = branch.channels if branch.channels is not None else p.choice([4, 8])
            skip = p.emit(conv_name(t, "Conv") + "(" + args(
                filters, 1, data_format=fmt_arg(t)) + ")", t, channels=filters)
            if branch.channels is None:
                branch = p.emit(conv_name(t, "Conv") + "(" + args(
                    filters, 1, data_format=fmt_arg(t)) + ")", branch, channels=filters)
    merge = p.choice(["Add", "Add", "Average", "Multiply", "Maximum", "Minimum", "Subtract"])
    return p.emit(f"{merge}()", [skip, branch])


def concat_branches(p, t):
    """Inception-like: branches of different widths concatenated on the channel axis; now and
    then one branch changes the spatial size (so the concatenation fails)."""
    branches = []
    for _ in range(p.rng.randint(2, 3)):
        b = t
        step = p.choice([conv, conv, depthwise, separable, pool_same])
        b = step(p, b, preserve=True)
        if p.chance(0.12):
            b = p.choice([conv, pool])(p, b)
        branches.append(b)
    axis = 1 if t.fmt == "channels_first" else -1
    channels = None
    if all(b.channels is not None for b in branches):
        channels = sum(b.channels for b in branches)
    return p.emit(f"Concatenate({args(axis=axis if axis != -1 else None)})", branches,
                  channels=channels)


def pool_same(p, t, preserve=True):
    n = spatial_axes(t)
    layer = f"{p.choice(['Max', 'Average'])}Pooling{n}D(" + args(
        3, strides=1, padding="same", data_format=fmt_arg(t)) + ")"
    return p.emit(layer, t)


def unet_step(p, t):
    """Down, work, up, and concatenate with the skip: needs sizes the pooling divides."""
    n = spatial_axes(t)
    down = p.emit(f"MaxPooling{n}D(" + args(2, data_format=fmt_arg(t)) + ")", t)
    mid = conv(p, down, preserve=True)
    if p.chance(0.5):
        up = p.emit(f"UpSampling{n}D(" + args(2, data_format=fmt_arg(t) if n > 1 else None) + ")",
                    mid)
    else:
        filters = p.choice([4, 8])
        up = p.emit(conv_name(t, "Conv") + "Transpose(" + args(
            filters, 2, strides=2, padding="same", data_format=fmt_arg(t)) + ")", mid,
            channels=filters)
    axis = 1 if t.fmt == "channels_first" else -1
    channels = None if t.channels is None or up.channels is None else t.channels + up.channels
    return p.emit(f"Concatenate({args(axis=axis if axis != -1 else None)})", [t, up],
                  channels=channels)


# --- sequences (batch, steps, features) ------------------------------------------------------

def rnn(p, t):
    cls = p.choice(["LSTM", "GRU", "SimpleRNN"])
    units = p.choice([3, 4, 8, 16])
    seq = p.chance(0.6)
    extra = {}
    if cls == "GRU" and p.chance(0.3):
        extra["reset_after"] = False
    if p.chance(0.3):
        extra["go_backwards"] = True
    inner = f"{cls}({args(units, return_sequences=True if seq else None, **extra)})"
    if p.chance(0.35):
        mode = p.choice([None, "sum", "ave", "mul"])
        layer = f"Bidirectional({inner}" + (f", merge_mode={mode!r})" if mode else ")")
        out = units * 2 if mode is None else units
    else:
        layer, out = inner, units
    if seq:
        return p.emit(layer, t, channels=out)
    return p.emit(layer, t, kind="vec", rank=2, channels=out)


def attention(p, t):
    if p.chance(0.7):
        heads = p.choice([1, 2, 4])
        key_dim = p.choice([2, 4, 8])
        extra = {}
        if p.chance(0.3):
            extra["value_dim"] = p.choice([3, 5])
        if p.chance(0.3):
            extra["output_shape"] = p.choice([6, 10])
        layer = f"MultiHeadAttention({args(num_heads=heads, key_dim=key_dim, **extra)})"
        out = extra.get("output_shape", t.channels)
        if p.chance(0.2) and t.channels is not None:
            # Cross-attention to a shorter sequence of the same features.
            other = p.emit(f"MaxPooling1D({args(2)})", t)
            return p.emit(layer, (t, other), channels=out)
        return p.emit(layer, (t, t), channels=out)
    cls = p.choice(["Attention", "AdditiveAttention"])
    return p.emit(f"{cls}()", [t, t])


def seq_dense(p, t):
    units = p.choice([2, 4, 8, 16])
    if p.chance(0.3):
        return p.emit(f"TimeDistributed(Dense({units}))", t, channels=units)
    return p.emit(f"Dense({args(units, activation=p.choice(ACTIVATIONS))})", t, channels=units)


def seq_permute(p, t):
    return p.emit("Permute((2, 1))", t, channels=None)


def seq_reshape(p, t):
    if t.channels is not None and t.channels % 2 == 0 and p.chance(0.5):
        return p.emit(f"Reshape((-1, {t.channels // 2}))", t, channels=t.channels // 2)
    # (steps, features) -> (steps, features, 1): an image with one channel.
    return p.emit("Reshape((-1, 1))", t, channels=1) if p.chance(0.3) else p.emit(
        f"Reshape((-1, {p.choice([1, 2, 4])}))", t, channels=None)


# --- vectors (batch, features) ---------------------------------------------------------------

def dense(p, t):
    units = p.choice([1, 3, 8, 10, 32])
    return p.emit(f"Dense({args(units, activation=p.choice(ACTIVATIONS))})", t, channels=units)


def repeat(p, t):
    n = p.choice([2, 3, 5])
    return p.emit(f"RepeatVector({n})", t, kind="seq", rank=3)


def vec_reshape(p, t):
    if t.channels is not None and t.channels % 2 == 0:
        return p.emit(f"Reshape(({t.channels // 2}, 2))", t, kind="seq", rank=3, channels=2)
    return p.emit("Reshape((-1, 1))", t, kind="seq", rank=3, channels=1)


# --- more: preprocessing, dtypes, multi-output, broadcasting, size-dependent reshapes ----------

def image_preprocess(p, t):
    h, w = p.choice([4, 8, 16, 24]), p.choice([4, 8, 16, 24])
    which = p.choice([f"Resizing({h}, {w})", f"CenterCrop({h}, {w})", f"RandomCrop({h}, {w})",
                      "Rescaling(1.0 / 255)", "RandomFlip()", f"Resizing({h}, {w}, "
                      "crop_to_aspect_ratio=True)", f"Resizing({h}, {w}, pad_to_aspect_ratio=True)"])
    if t.fmt == "channels_first" and which.endswith(")") and "Rescaling" not in which:
        which = which[:-1] + (", " if which[-2] != "(" else "") + "data_format='channels_first')"
    return p.emit(which, t)


def dense_any(p, t):
    """Dense on the last axis of an image or volume (channels_last only)."""
    units = p.choice([2, 4, 8])
    if t.fmt == "channels_first":
        return conv(p, t)
    return p.emit(f"Dense({units})", t, channels=units)


def permute(p, t):
    n = t.rank - 1
    order = list(range(1, n + 1))
    p.rng.shuffle(order)
    channels = t.channels if order[-1] == n else None
    return p.emit(f"Permute({tuple(order)!r})", t, channels=channels)


def reshape_divides(p, t):
    """Reshape((-1, k)): fails where the element count is not a multiple of k."""
    k = p.choice([2, 3, 4, 5])
    return p.emit(f"Reshape((-1, {k}))", t, kind="seq", rank=3, channels=k, fmt="channels_last")


def squeeze_excite(p, t):
    """x * Dense(GlobalAveragePooling(keepdims)): a broadcasting multiply."""
    if t.fmt == "channels_first" or t.channels is None:
        return normalize(p, t)
    n = spatial_axes(t)
    g = p.emit(f"GlobalAveragePooling{n}D(keepdims=True)", t)
    if p.chance(0.7):
        g = p.emit(f"Dense({t.channels}, activation='sigmoid')", g)
    return p.emit(p.choice(["Multiply()", "Add()", "Maximum()"]), [t, g])


def spatial_concat(p, t):
    """Concatenate along a spatial axis: the other dims must agree."""
    other = p.choice([lambda: conv(p, t, preserve=True), lambda: pool_same(p, t),
                      lambda: zeropad(p, t), lambda: crop(p, t)])()
    same = other.channels == t.channels
    return p.emit("Concatenate(axis=1)", [t, other], channels=t.channels if same else None)


def with_dtype(p, t):
    dtype = p.choice(["float16", "mixed_float16", "bfloat16", "float64", "mixed_bfloat16"])
    if t.rank == 2 or p.chance(0.4):
        units = p.choice([2, 4])
        return p.emit(f"Dense({units}, dtype={dtype!r})", t, channels=units)
    return p.emit(p.choice([f"Activation('relu', dtype={dtype!r})",
                            f"LayerNormalization(dtype={dtype!r})",
                            f"BatchNormalization(dtype={dtype!r})"]), t)


def rnn_state(p, t):
    cls = p.choice(["LSTM", "GRU", "SimpleRNN"])
    units = p.choice([2, 4, 6])
    n = {"LSTM": 3, "GRU": 2, "SimpleRNN": 2}[cls]
    seq = p.chance(0.5)
    out = [p.fresh() for _ in range(n)]
    first = t.like(out[0], channels=units)
    p.lines.append(f"{', '.join(out)} = {cls}({args(units, return_sequences=True if seq else None, return_state=True)})({t.var})")
    if not seq:
        first.kind, first.rank = "vec", 2
    return first


def dot(p, t):
    a = p.emit(f"Dense({p.choice([4, 6])})", t, channels=None)
    b = p.emit(f"Dense({p.choice([4, 6])})", t, channels=None)
    return p.emit(f"Dot(axes={p.choice([2, 2, (2, 2), 1])!r})", [a, b], channels=None)


def adaptive_pool(p, t):
    n = spatial_axes(t)
    size = p.choice([1, 2, 3, 4])
    return p.emit(f"Adaptive{p.choice(['Average', 'Max'])}Pooling{n}D({size}" + (
        ", data_format='channels_first')" if t.fmt == "channels_first" else ")"), t)


def mha_image(p, t):
    if t.channels is None:
        return conv(p, t)
    layer = f"MultiHeadAttention(num_heads=2, key_dim=4, attention_axes={(1, 2)!r})"
    return p.emit(layer, (t, t))


def bad_args(p, t):
    """A constructor Keras refuses: strides > 1 with dilation > 1, 'causal' on 2-D, groups that
    do not divide."""
    n = spatial_axes(t)
    which = p.choice(["dilated", "causal", "groups"])
    if which == "dilated":
        layer = conv_name(t, "Conv") + "(4, 3, strides=2, dilation_rate=2)"
    elif which == "causal" and n > 1:
        layer = conv_name(t, "Conv") + "(4, 3, padding='causal')"
    else:
        layer = conv_name(t, "Conv") + "(6, 3, groups=4)"
    return p.emit(layer, t, channels=None)


def shared_twice(p, t):
    """One layer object called twice: the second call sees the first's output (a layer whose
    weights were built for other channels refuses it)."""
    n = spatial_axes(t)
    v = f"s{p.count}"
    p.count += 1
    if n == 3 or t.fmt == "channels_first" or p.chance(0.5):
        layer = p.choice([f"{p.choice(['Max', 'Average'])}Pooling{n}D(2, padding='same'" + (
            ", data_format='channels_first')" if t.fmt == "channels_first" else ")"),
            "BatchNormalization()" if t.fmt == "channels_last" else "Activation('relu')"])
        channels = t.channels
    else:
        channels = p.choice([t.channels or 4, 4, 8])
        layer = conv_name(t, "Conv") + f"({channels}, 3, padding='same')"
    p.lines.append(f"{v} = {layer}")
    first = p.emit(v, t, channels=channels)
    return p.emit(v, first, channels=channels)


# --- the kinds ---------------------------------------------------------------------------------

def spatial_step(p, t):
    steps = [(conv, 6), (depthwise, 2), (separable, 2), (transposed, 1), (pool, 3),
             (upsample, 1), (zeropad, 1), (crop, 1), (normalize, 3), (activation, 2),
             (regularize, 1), (residual, 2), (concat_branches, 1.5), (unet_step, 0.8),
             (dense_any, 0.5), (permute, 0.4), (reshape_divides, 0.3), (squeeze_excite, 0.6),
             (spatial_concat, 0.4), (with_dtype, 0.6), (adaptive_pool, 0.3), (bad_args, 0.15),
             (shared_twice, 0.4), (mismatched_merge, 0.8), (sequential_block, 0.4),
             (reshape_more, 0.3), (flatten_cf, 0.2), (tensor_op, 0.8),
             (functional_block, 0.3)]
    if t.rank == 3:
        steps += [(rnn, 3), (attention, 2), (seq_dense, 2), (seq_permute, 0.5),
                  (seq_reshape, 0.5), (rnn_state, 0.6), (dot, 0.4), (seq_channels_first, 0.4),
                  (seq_more, 0.6)]
    if t.rank == 4:
        steps += [(image_preprocess, 1), (mha_image, 0.3)]
    if t.rank == 4 and t.fmt == "channels_last" and p.chance(0.1):
        return p.emit(f"Reshape((-1, {t.channels}))" if t.channels else "Reshape((-1, 4))", t,
                      kind="seq", rank=3, channels=t.channels if t.channels else 4)
    return weighted(p, steps)(p, t)


def vec_step(p, t):
    return weighted(p, [(dense, 5), (normalize_vec, 1), (activation, 1), (regularize, 1),
                        (repeat, 0.7), (vec_reshape, 0.4), (with_dtype, 0.5)])(p, t)


def normalize_vec(p, t):
    return p.emit(p.choice(["BatchNormalization()", "LayerNormalization()"]), t)


def weighted(p, steps):
    total = sum(w for _, w in steps)
    r = p.rng.random() * total
    for f, w in steps:
        r -= w
        if r <= 0:
            return f
    return steps[-1][0]


def head(p, t):
    """The end of a classifier: reduce to a vector, then Dense."""
    if t.rank > 2:
        t = p.choice([global_pool, flatten, flatten])(p, t)
        if t.rank > 2:
            t = flatten(p, t)
    t = dense(p, t)
    if p.chance(0.4):
        t = p.emit(f"Dense({args(p.choice([2, 10]), activation='softmax')})", t, channels=None)
    return t


IMG_SIZES = ["1x1", "2x3", "3x3", "4x4", "5x7", "7x7", "8x8", "9x9", "12x16", "15x15", "16x16",
             "17x17", "24x20", "31x33", "32x32", "40x40", "64x64", "65x63", "96x96"]
SEQ_SIZES = ["1", "2", "3", "4", "5", "7", "8", "10", "13", "16", "20", "31", "32", "50", "64"]
VOL_SIZES = ["1x1x1", "2x2x2", "3x4x5", "4x4x4", "6x6x6", "8x8x8", "9x7x5", "12x12x12",
             "16x16x16"]


def sample_sizes(p, pool, extra=None):
    sizes = p.rng.sample(pool, 5)
    if extra:
        sizes = [f"{s}x{extra}" for s in sizes]
    return sizes


def two_inputs(p, var, c):
    """Two inputs with unknown dims, joined by cross-attention or a merge: the merge needs the
    sizes to agree."""
    which = p.choice(["attend", "merge_img", "merge_seq", "img_vec"])
    if which == "attend":
        declared = f"(None, {c})"
        first = T(var, "seq", 3, c)

        def second(p):
            other = p.emit_input(f"(None, {c})", first)
            heads = p.choice([1, 2])
            return p.emit(f"MultiHeadAttention(num_heads={heads}, key_dim=4)", (first, other))
        sizes = [f"t0={a} t1={b}" for a, b in zip(p.rng.sample(SEQ_SIZES, 5),
                                                 p.rng.sample(SEQ_SIZES, 5))]
    elif which in ("merge_img", "merge_seq"):
        img = which == "merge_img"
        declared = f"(None, None, {c})" if img else f"(None, {c})"
        first = T(var, "img" if img else "seq", 4 if img else 3, c)

        def second(p):
            other = p.emit_input(declared, first)
            if p.chance(0.5):
                other = conv(p, other, preserve=True)
                other = p.emit(conv_name(first, "Conv") + f"({c}, 1)", other, channels=c)
            merge = p.choice(["Add()", "Concatenate()", "Multiply()", "Subtract()"])
            return p.emit(merge, [first, other],
                          channels=2 * c if merge == "Concatenate()" else c)
        pool = IMG_SIZES if img else SEQ_SIZES
        a = p.rng.sample(pool, 5)
        b = [x if p.chance(0.6) else p.choice(pool) for x in a]
        sizes = [f"t0={x} t1={y}" for x, y in zip(a, b)]
    else:
        declared = f"(None, None, {c})"
        first = T(var, "img", 4, c)

        def second(p):
            other = p.emit_input(f"({p.choice([4, 8])},)", first)
            g = p.emit("GlobalAveragePooling2D()", first, kind="vec", rank=2)
            return p.emit("Concatenate()", [g, other], kind="vec", rank=2, channels=None)
        a = p.rng.sample(IMG_SIZES, 5)
        sizes = [f"t0={x}" for x in a]
    p.second_input = second
    return declared, first, sizes


def mismatched_merge(p, t):
    """Two branches that change the spatial size differently, merged: equal at some sizes only
    (a 'valid' 3x3 conv and a 2x2 pool agree at 4 and 5)."""
    a = p.choice([lambda: conv(p, t), lambda: pool(p, t), lambda: crop(p, t),
                  lambda: zeropad(p, t), lambda: transposed(p, t)])()
    b = p.choice([lambda: conv(p, t), lambda: pool(p, t), lambda: crop(p, t),
                  lambda: upsample(p, t)])()
    if a.channels != b.channels:
        filters = p.choice([2, 4])
        a = p.emit(conv_name(t, "Conv") + "(" + args(filters, 1, data_format=fmt_arg(t)) + ")",
                   a, channels=filters)
        b = p.emit(conv_name(t, "Conv") + "(" + args(filters, 1, data_format=fmt_arg(t)) + ")",
                   b, channels=filters)
    if p.chance(0.3):
        axis = 1 if t.fmt == "channels_first" else -1
        return p.emit(f"Concatenate({args(axis=axis if axis != -1 else None)})", [a, b],
                      channels=None if a.channels is None else 2 * a.channels)
    return p.emit(p.choice(["Add()", "Average()", "Maximum()"]), [a, b])


def sequential_block(p, t):
    """A Sequential of a few layers, called as one layer."""
    n = spatial_axes(t)
    v = f"s{p.count}"
    p.count += 1
    filters = p.choice([2, 4, 8])
    inner = [conv_name(t, "Conv") + f"({filters}, 3, padding={p.choice(['same', 'valid'])!r}" + (
        ", data_format='channels_first')" if t.fmt == "channels_first" else ")")]
    if p.chance(0.5):
        inner.append("BatchNormalization(" + ("axis=1)" if t.fmt == "channels_first" else ")"))
    if p.chance(0.5):
        inner.append(f"MaxPooling{n}D(2" + (
            ", data_format='channels_first')" if t.fmt == "channels_first" else ")"))
    p.lines.append(f"{v} = Sequential([{', '.join(inner)}])")
    return p.emit(v, t, channels=filters)


def sequential_form(lines):
    """A chain (each statement calls one layer on the previous statement's tensor) as one
    `Sequential([t0, ...])`; None when the program is not a chain."""
    layers = []
    for i, line in enumerate(lines[1:], start=1):
        m = _CALL.match(line)
        if not m or m.group(3) != f"t{i - 1}" or f"t{i} = " not in line or not m.group(
                2)[0].isupper():
            return None
        layers.append(m.group(2))
    if not layers:
        return None
    return [lines[0], "model = Sequential([t0, " + ", ".join(layers) + "])"]


def reshape_more(p, t):
    """Reshape targets with known dims around the -1: size-dependent failures."""
    k = p.choice([2, 3, 4])
    target = p.choice([(-1,), (k, -1), (-1, k, 2), (2, -1, k)])
    rank = len(target) + 1
    kind = {2: "vec", 3: "seq", 4: "img"}[rank]
    channels = target[-1] if target[-1] != -1 else None
    return p.emit(f"Reshape({target!r})", t, kind=kind, rank=rank, channels=channels,
                  fmt="channels_last")


def flatten_cf(p, t):
    fmt = "channels_first" if t.fmt == "channels_first" or p.chance(0.3) else None
    return p.emit(f"Flatten({args(data_format=fmt)})", t, kind="vec", rank=2, channels=None,
                  fmt="channels_last")


def seq_channels_first(p, t):
    """A Conv1D or pooling reading (batch, steps, features) as channels_first."""
    which = p.choice([f"Conv1D({p.choice([2, 4])}, 2, data_format='channels_first')",
                      "MaxPooling1D(2, data_format='channels_first')",
                      "GlobalAveragePooling1D(data_format='channels_first')"])
    if which.startswith("Global"):
        return p.emit(which, t, kind="vec", rank=2, channels=None)
    return p.emit(which, t, channels=None)


def tensor_op(p, t):
    """A raw tensor operation written by model code (`t + 1.0`, `ops.mean(t, axis=1)`, a slice):
    an operation of keras.ops, named from the layers' counters."""
    choices = [lambda: p.emit_expr(f"{t.var} + 1.0", t), lambda: p.emit_expr(f"{t.var} * {t.var}", t),
               lambda: p.emit_expr(f"ops.relu({t.var})", t),
               lambda: p.emit_expr(f"ops.sigmoid({t.var})", t),
               lambda: p.emit_expr(f"ops.maximum({t.var}, 0.0)", t),
               lambda: p.emit_expr(f"{t.var}[:, 1:]", t),
               lambda: p.emit_expr(f"ops.concatenate([{t.var}, {t.var}], axis=-1)", t,
                                   channels=None if t.channels is None or t.fmt ==
                                   "channels_first" else 2 * t.channels)]
    if t.rank == 3:
        choices.append(lambda: p.emit_expr(f"ops.mean({t.var}, axis=1)", t, kind="vec", rank=2))
        choices.append(lambda: p.emit_expr(f"ops.transpose({t.var}, (0, 2, 1))", t,
                                           channels=None))
    return p.choice(choices)()


def functional_block(p, t):
    """A Functional model of its own input, called as a layer."""
    n = spatial_axes(t)
    if t.fmt == "channels_first" or n == 3 or t.channels is None:
        return conv(p, t)
    v, a = f"m{p.count}", f"a{p.count}"
    p.count += 1
    channels = t.channels if t.channels is not None else None
    shape = "(" + ", ".join(["None"] * n + [str(channels) if channels else "None"]) + ")"
    p.lines.append(f"{a} = Input({shape})")
    filters = p.choice([2, 4])
    b = f"b{p.count}"
    p.count += 1
    p.lines.append(f"{b} = " + conv_name(t, "Conv") + f"({filters}, 3, padding='same')({a})")
    p.lines.append(f"{v} = Model({a}, {b})")
    return p.emit(v, t, channels=filters)


def seq_more(p, t):
    """EinsumDense, GroupQueryAttention, unrolled and masked RNNs."""
    which = p.choice(["einsum", "gqa", "unroll", "conv_strided"])
    if which == "einsum":
        units = p.choice([3, 6])
        return p.emit(f"EinsumDense('abc,cd->abd', output_shape=(None, {units}))", t,
                      channels=units)
    if which == "gqa":
        return p.emit("GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2)",
                      (t, t))
    if which == "unroll":
        units = p.choice([2, 4])
        return p.emit(f"{p.choice(['LSTM', 'GRU', 'SimpleRNN'])}({units}, unroll=True, "
                      "return_sequences=True)", t, channels=units)
    return p.emit(f"Conv1D({p.choice([2, 4])}, 3, strides=2, padding='causal')", t,
                  channels=None)


def program(seed):
    p = Program(random.Random(seed))
    kind = weighted(p, [(lambda: "img", 5), (lambda: "img_cf", 1), (lambda: "seq", 3),
                        (lambda: "tokens", 1), (lambda: "vol", 1), (lambda: "convlstm", 0.6),
                        (lambda: "vec", 0.6), (lambda: "td", 0.5), (lambda: "partial", 0.5),
                        (lambda: "two", 1.2)])()
    var = p.fresh()
    unknown_channels = p.chance(0.35)
    c = p.choice([1, 3, 4]) if kind in ("img", "img_cf", "partial") else p.choice([2, 5, 8])
    extra = None
    if kind == "img":
        declared = f"(None, None, {'None' if unknown_channels else c})"
        t = T(var, "img", 4, None if unknown_channels else c)
        if p.chance(0.1):
            declared += f", dtype={p.choice(['float16', 'bfloat16', 'float64', 'int32'])!r}"
        sizes = sample_sizes(p, IMG_SIZES, c if unknown_channels else None)
    elif kind == "partial":
        # One spatial dim known, the other not.
        known = p.choice([8, 16, 28])
        declared = f"(None, {known}, {c})"
        t = T(var, "img", 4, c)
        sizes = p.rng.sample(SEQ_SIZES, 5)
    elif kind == "img_cf":
        declared = f"({c}, None, None)"
        t = T(var, "img", 4, c, fmt="channels_first")
        sizes = sample_sizes(p, IMG_SIZES)
    elif kind == "seq":
        declared = f"(None, {'None' if unknown_channels else c})"
        if p.chance(0.15):
            declared += f", batch_size={p.choice([1, 4])}"
        t = T(var, "seq", 3, None if unknown_channels else c)
        sizes = sample_sizes(p, SEQ_SIZES, c if unknown_channels else None)
    elif kind == "tokens":
        declared = "(None,), dtype='int32'"
        t = T(var, "tokens", 2, None, dtype="int32")
        sizes = sample_sizes(p, SEQ_SIZES)
    elif kind == "vol":
        declared = f"(None, None, None, {c})"
        t = T(var, "vol", 5, c)
        sizes = sample_sizes(p, VOL_SIZES)
    elif kind == "convlstm":
        if p.chance(0.5):
            declared = f"(None, None, None, {c})"
            t = T(var, "convlstm2d", 5, c)
            sizes = [f"{s}x{h}" for s, h in zip(p.rng.sample(SEQ_SIZES[:9], 5),
                                                  p.rng.sample(IMG_SIZES[:15], 5))]
        else:
            declared = f"(None, None, {c})"
            t = T(var, "convlstm1d", 4, c)
            sizes = [f"{s}x{h}" for s, h in zip(p.rng.sample(SEQ_SIZES[:9], 5),
                                                  p.rng.sample(SEQ_SIZES, 5))]
    elif kind == "td":
        declared = f"(None, None, None, {c})"
        t = T(var, "td", 5, c)
        sizes = [f"{s}x{h}" for s, h in zip(p.rng.sample(SEQ_SIZES[:9], 5),
                                              p.rng.sample(IMG_SIZES, 5))]
    elif kind == "two":
        declared, t, sizes = two_inputs(p, var, c)
    else:
        declared = "(None,)"
        t = T(var, "vec", 2, None)
        sizes = p.rng.sample(SEQ_SIZES, 5)
    p.lines.append(f"{var} = Input({declared})")
    if kind == "two":
        t = p.second_input(p)

    if kind == "tokens":
        dim = p.choice([4, 8, 16])
        mask = ", mask_zero=True" if p.chance(0.3) else ""
        t = p.emit(f"Embedding({p.choice([10, 50, 1000])}, {dim}{mask})", t, kind="seq", rank=3,
                   dtype="float32", channels=dim)
    elif kind.startswith("convlstm"):
        rank = 2 if kind == "convlstm2d" else 1
        seq = p.chance(0.5)
        filters = p.choice([2, 4])
        strides = p.choice([1, 1, 2])
        t = p.emit(f"ConvLSTM{rank}D(" + args(
            filters, 3, strides=strides if strides != 1 else None,
            padding=p.choice(["same", "valid"]),
            return_sequences=True if seq else None) + ")", t,
            rank=(rank + 3) if seq else (rank + 2), kind="img", channels=filters)
        if seq:
            t = p.emit(f"TimeDistributed(Flatten())", t, kind="seq", rank=3, channels=None)
    elif kind == "td":
        for _ in range(p.rng.randint(1, 3)):
            inner = p.choice([f"Conv2D({p.choice([2, 4])}, 3)", "MaxPooling2D()",
                              f"Conv2D({p.choice([2, 4])}, 3, padding='same')",
                              "BatchNormalization()"])
            t = p.emit(f"TimeDistributed({inner})", t)
        t = p.emit(p.choice(["TimeDistributed(GlobalAveragePooling2D())",
                             "TimeDistributed(Flatten())"]), t, kind="seq", rank=3,
                   channels=None)

    n_steps = p.rng.randint(2, 8)
    for _ in range(n_steps):
        if t.rank == 2:
            t = vec_step(p, t)
        elif t.rank in (3, 4, 5):
            t = spatial_step(p, t)
        if t.rank > 5 or t.rank < 2:
            break
    if p.chance(0.6):
        t = head(p, t)
    keras_lines = list(p.lines)
    lines = bare_form(p.lines) if p.chance(0.5) else list(p.lines)
    chain = sequential_form(p.lines)
    if chain and p.chance(0.5):
        return with_ops_import(p, {"lines": chain, "keras_lines": chain, "sizes": sizes,
                                   "kind": kind})
    if p.chance(0.5):
        named = any(re.match(rf"^{t.var}\b.* = ", line) for line in lines)
        inputs = "[t0, t1]" if kind == "two" else var
        # An output stacked bare has no name: the model ends at the last tensor, `_`.
        lines.append(f"model = Model({inputs}, {t.var if named else '_'})")
        keras_lines.append(f"model = Model({inputs}, {t.var})")
    return with_ops_import(p, {"lines": lines, "keras_lines": keras_lines, "sizes": sizes,
                               "kind": kind})


def with_ops_import(p, spec):
    if p.uses_ops:
        for key in ("lines", "keras_lines"):
            spec[key] = ["from keras import ops"] + spec[key]
    return spec


_CALL = re.compile(r"^(t\d+) = (.*)\((t\d+)\)$")


def bare_form(lines):
    """The REPL's stacking form where it says the same: `Conv2D(8, 3)` for `t5 = Conv2D(8, 3)(t4)`
    when t4 is the tensor the previous statement made and t5 is used only by the next statement,
    itself written bare. Layer objects (`s3 = Conv2D(...)`) and calls of them stay as written."""
    outs = [m.group(1) if (m := re.match(r"^(t\d+)(, t\d+)* = ", line)) else None
            for line in lines]
    uses = {}
    for i, line in enumerate(lines):
        rhs = line.split(" = ", 1)[1] if " = " in line else line
        for v in re.findall(r"\bt\d+\b", rhs):
            uses.setdefault(v, set()).add(i)
    bare = [False] * len(lines)
    for i in range(len(lines) - 1, 0, -1):
        m = _CALL.match(lines[i])
        if not m or not m.group(2)[0].isupper() or outs[i - 1] != m.group(3):
            continue
        later = uses.get(m.group(1), set())
        if later and not (later == {i + 1} and i + 1 < len(lines) and bare[i + 1]):
            continue
        bare[i] = True
    out = []
    for i, line in enumerate(lines):
        out.append(_CALL.match(line).group(2) if bare[i] else line)
    return out


# ---------------------------------------------------------------------------------------------
# Keras: run a program's lines with the input declared at one size.
# ---------------------------------------------------------------------------------------------

def concrete_lines(lines, size):
    """The program with its Inputs declared at `size`: `32x32` for the only input, or
    `t0=32x32 t1=7` by variable; each size gives the unknown dims in order, or the whole shape."""
    if "=" in size:
        sizes = dict(part.split("=") for part in size.split())
    else:
        first = next(m for line in lines if (m := re.match(r"^(\w+) = Input", line)))
        sizes = {first.group(1): size}
    out = []
    for line in lines:
        m = re.match(r"^(\w+) = Input\(\((.*?)\)(.*)\)$", line)
        if not m or m.group(1) not in sizes:
            out.append(line)
            continue
        numbers = [int(n) for n in sizes[m.group(1)].split("x")]
        dims = [d.strip() for d in m.group(2).split(",") if d.strip()]
        if len(numbers) == len(dims):
            new = [str(n) for n in numbers]
        else:
            it = iter(numbers)
            new = [str(next(it)) if d == "None" else d for d in dims]
        shape = "(" + ", ".join(new) + ("," if len(new) == 1 else "") + ")"
        out.append(f"{m.group(1)} = Input({shape}{m.group(3)})")
    return out


def shape_list(shape):
    return [None if d is None else int(d) for d in shape]


class Recorder:
    """Every top-level layer call, in order: the layer and its outputs."""

    def __init__(self, keras):
        self.keras = keras
        self.calls = []
        self.depth = 0
        self.failed_layer = None
        self.inner_failed_layer = None
        self.statement = 0
        layer_class = keras.layers.Layer
        original = layer_class.__call__
        recorder = self

        def recording_call(layer, *a, **k):
            recorder.depth += 1
            try:
                out = original(layer, *a, **k)
            except Exception:
                if recorder.inner_failed_layer is None:
                    recorder.inner_failed_layer = layer
                if recorder.depth == 1 and recorder.failed_layer is None:
                    recorder.failed_layer = layer
                raise
            finally:
                recorder.depth -= 1
            if recorder.depth == 0:
                recorder.calls.append((layer, out, recorder.statement))
            return out

        layer_class.__call__ = recording_call

        # A raw operation (`x + 1.0`, `ops.mean(x)`) on a KerasTensor is a symbolic_call.
        from keras.src.ops.operation import Operation
        original_op = Operation.symbolic_call

        def recording_op(op, *a, **k):
            if isinstance(op, layer_class) or recorder.depth > 0:
                return original_op(op, *a, **k)
            out = original_op(op, *a, **k)
            recorder.calls.append((op, out, recorder.statement))
            return out

        Operation.symbolic_call = recording_op

    def reset(self):
        self.calls = []
        self.depth = 0
        self.failed_layer = None
        self.inner_failed_layer = None
        self.statement = 0


def params_of(layer):
    def size(ws):
        total = 0
        for w in ws:
            n = 1
            for d in w.shape:
                n *= int(d)
            total += n
        return total

    t = size(getattr(layer, "trainable_weights", []))
    n = size(getattr(layer, "non_trainable_weights", []))
    return {"total": t + n, "trainable": t, "non_trainable": n}


def flat_tensors(out):
    if isinstance(out, (list, tuple)):
        return [x for o in out for x in flat_tensors(o)]
    if isinstance(out, dict):
        return [x for o in out.values() for x in flat_tensors(o)]
    return [out]


def layer_record(layer, outputs):
    ts = flat_tensors(outputs)
    return {"name": layer.name, "class_name": type(layer).__name__,
            "output_shapes": [shape_list(x.shape) for x in ts],
            "output_dtypes": [str(x.dtype) for x in ts], "params": params_of(layer)}


_WRAPPED = re.compile(r"^Exception encountered when calling [^\n]*\n\n\x1b\[1m(.*?)\x1b\[0m", re.S)


def run_keras(keras, recorder, lines, size):
    keras.backend.clear_session(free_memory=False)
    keras.config.set_floatx("float32")
    keras.config.set_image_data_format("channels_last")
    keras.config.set_dtype_policy("float32")
    recorder.reset()
    namespace = {}
    exec("from keras.layers import *\nfrom keras import Input, Model, Sequential", namespace)
    inputs = []
    real_input = namespace["Input"]

    def recording_input(*a, **k):
        x = real_input(*a, **k)
        inputs.append((len(recorder.calls), x, recorder.statement))
        return x

    namespace["Input"] = recording_input
    error = None
    statement = 0
    with keras.StatelessScope(initialize_variables=False):
        for statement, line in enumerate(concrete_lines(lines, size)):
            recorder.statement = statement
            try:
                exec(line, namespace)
            except Exception as exc:  # noqa: BLE001 - the first error is data
                message = str(exc)
                wrapped = _WRAPPED.match(message)
                if wrapped:
                    message = wrapped.group(1)
                layer, inner = recorder.failed_layer, recorder.inner_failed_layer
                error = {"statement": statement, "layer": layer.name if layer else None,
                         "inner_layer": inner.name if inner is not None and inner is not layer
                         else None,
                         "type": type(exc).__name__,
                         "message": re.sub(r" at 0x[0-9a-f]+", "", message)[:MESSAGE_LIMIT]}
                break
    calls = list(recorder.calls)
    for position, x, statement in reversed(inputs):
        calls.insert(position, (x._keras_history.operation, x, statement))
    # One record per layer, in the order of first calls; a shared layer's calls in order.
    records, index = [], {}
    for layer, out, statement in calls:
        if id(layer) in index:
            r = records[index[id(layer)]]
            more = layer_record(layer, out)
            r["output_shapes"] += more["output_shapes"]
            r["output_dtypes"] += more["output_dtypes"]
            continue
        index[id(layer)] = len(records)
        records.append(layer_record(layer, out))
        records[-1]["statement"] = statement
    by_name = {layer.name: layer for layer, _, _ in calls}
    for r in records:
        r["params"] = params_of(by_name[r["name"]])
    # The layers of a model the program called as a layer (a block): kshape shows the block as
    # one row of the session.
    inside = set()
    for value in namespace.values():
        if isinstance(value, keras.Model) and value._inbound_nodes:
            inside.update(layer.name for layer in value.layers)
            inside.update(x._keras_history.operation.name for x in value.inputs or [])
    for r in records:
        if r["name"] in inside:
            r["in_block"] = True
    model = None
    if error is None and isinstance(namespace.get("model"), keras.Model):
        m = namespace["model"]
        model = {"layers": [layer.name for layer in m.layers], "count_params": m.count_params()}
    concrete = concrete_lines(lines, size)
    changed = {str(i): c for i, (a, c) in enumerate(zip(lines, concrete)) if a != c}
    return {"size": size, "inputs": changed, "layers": records,
            "model": model, "error": error}


# Programs that found mismatches the default set does not have, frozen as they were generated
# (a later generator draws other programs from the same seed), each with what it found.
REGRESSIONS = HERE / "regressions.json"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    parser.add_argument("--only", type=int, nargs="*", help="print these programs, write nothing")
    opts = parser.parse_args()

    import warnings
    warnings.filterwarnings("ignore")
    import keras
    recorder = Recorder(keras)

    indices = opts.only if opts.only is not None else range(opts.count)
    jobs = [(f"net{i:03d}", program(opts.seed * 1000 + i)) for i in indices]
    if opts.only is None:
        jobs += [(r["name"], r) for r in json.loads(REGRESSIONS.read_text())]
    rows = []
    for name, spec in jobs:
        results = [run_keras(keras, recorder, spec["keras_lines"], s) for s in spec["sizes"]]
        row = {"name": name, "kind": spec["kind"], "lines": spec["lines"], "results": results}
        if spec["keras_lines"] != spec["lines"]:
            row["keras_lines"] = spec["keras_lines"]
        rows.append(row)
        if opts.only is not None:
            print(json.dumps(row, indent=1))
    if opts.only is not None:
        return
    text = "".join(json.dumps(r, sort_keys=True) + "\n" for r in rows)
    versions = json.dumps({"keras": keras.__version__, "backend": keras.backend.backend(),
                           "python": sys.version.split()[0], "seed": opts.seed,
                           "count": opts.count}, indent=1, sort_keys=True) + "\n"
    if opts.check:
        stale = not opts.out.exists() or opts.out.read_text() != text
        print("stale" if stale else "up to date")
        sys.exit(1 if stale else 0)
    opts.out.write_text(text)
    (opts.out.parent / VERSIONS.name).write_text(versions)
    pairs = sum(len(r["results"]) for r in rows)
    failing = sum(1 for r in rows for x in r["results"] if x["error"])
    print(f"{len(rows)} programs, {pairs} program x size pairs, {failing} raise in Keras")


if __name__ == "__main__":
    main()
