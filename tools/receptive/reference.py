"""Receptive fields measured by running Keras: the brute-force reference for kshape.

For each small network below, every weight is set to a positive value (biases to zero), and the
input is all zeros except one position set to 1, for every input position (batched). Output
position o of a layer depends on input position p exactly when the output there is > 0 (every
operation is monotone and positive: convolutions, max/average pooling, ReLU, nearest and
bilinear upsampling, transposed convolutions, padding, cropping, concatenation, additions).
For each spatial axis, along the central line of the output, the hull [lo, hi] of the input
positions each output position depends on is recorded.

Writes Tests/ShapeEngineTests/Golden/receptive/<name>.json (the model's config) and
receptive.json (the measured fields). Run:

    KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/receptive/reference.py
"""

import json
import os
import sys

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
from keras import layers as L  # noqa: E402

OUT = os.path.join(
    os.path.dirname(__file__), "..", "..", "Tests", "ShapeEngineTests", "Golden", "receptive")


def plain(x):
    x = L.Conv2D(4, 3, name="c1")(x)
    x = L.Conv2D(4, 3, strides=2, padding="same", name="c2")(x)
    x = L.MaxPooling2D(3, strides=2, padding="same", name="p1")(x)
    x = L.Conv2D(4, 3, dilation_rate=2, padding="same", name="c3")(x)
    x = L.AveragePooling2D(2, name="p2")(x)
    return x


def resnet_like(x):
    x = L.Conv2D(4, 7, strides=2, padding="same", name="stem")(x)
    a = L.Conv2D(4, 3, padding="same", name="a1")(x)
    a = L.Activation("relu", name="a1_relu")(a)
    a = L.Conv2D(4, 3, padding="same", name="a2")(a)
    x = L.Add(name="add1")([x, a])
    m = L.Conv2D(4, 3, strides=2, padding="same", name="m1")(x)
    m = L.BatchNormalization(name="m1_bn")(m)
    s = L.Conv2D(4, 1, strides=2, name="short")(x)
    x = L.Add(name="add2")([m, s])
    return L.ReLU(name="out")(x)


def inception_like(x):
    x = L.Conv2D(4, 3, strides=2, name="stem")(x)
    b1 = L.Conv2D(2, 1, name="b1")(x)
    b3 = L.Conv2D(2, 3, padding="same", name="b3")(x)
    b5 = L.Conv2D(2, 5, padding="same", name="b5")(x)
    bp = L.MaxPooling2D(3, strides=1, padding="same", name="bp")(x)
    x = L.Concatenate(name="mixed")([b1, b3, b5, bp])
    return L.Conv2D(4, 3, strides=2, name="after")(x)


def unet_like(x):
    d1 = L.Conv2D(4, 3, padding="same", name="d1")(x)
    p1 = L.MaxPooling2D(name="pool1")(d1)
    d2 = L.Conv2D(4, 3, padding="same", name="d2")(p1)
    p2 = L.MaxPooling2D(name="pool2")(d2)
    b = L.Conv2D(4, 3, padding="same", name="bottom")(p2)
    u2 = L.UpSampling2D(name="up2")(b)
    c2 = L.Concatenate(name="cat2")([u2, d2])
    e2 = L.Conv2D(4, 3, padding="same", name="e2")(c2)
    u1 = L.UpSampling2D(interpolation="bilinear", name="up1")(e2)
    c1 = L.Concatenate(name="cat1")([u1, d1])
    return L.Conv2D(2, 1, name="head")(c1)


def transposed(x):
    x = L.Conv2D(4, 3, strides=2, name="down")(x)
    x = L.Conv2DTranspose(4, 3, strides=2, padding="same", name="t1")(x)
    x = L.Conv2DTranspose(4, 4, strides=2, name="t2")(x)
    x = L.Conv2D(4, 5, strides=3, name="down2")(x)
    x = L.Conv2DTranspose(4, 2, strides=3, name="t3")(x)
    x = L.Conv2DTranspose(4, 3, strides=2, padding="same", output_padding=1, name="t4")(x)
    return L.Conv2DTranspose(4, 3, dilation_rate=2, name="t5")(x)


def pad_crop(x):
    x = L.ZeroPadding2D(((1, 2), (3, 0)), name="pad")(x)
    x = L.Conv2D(4, 3, strides=2, name="c1")(x)
    x = L.Cropping2D(((2, 1), (0, 3)), name="crop")(x)
    x = L.UpSampling2D((3, 2), name="up")(x)
    x = L.AveragePooling2D(2, strides=1, padding="same", name="avg")(x)
    return L.Conv2D(4, 3, name="c2")(x)


def separable(x):
    x = L.DepthwiseConv2D(5, strides=2, padding="same", name="dw")(x)
    x = L.SeparableConv2D(4, 3, dilation_rate=2, name="sep")(x)
    x = L.Conv2D(4, (1, 5), strides=(2, 1), padding="same", name="wide")(x)
    return x


def wavenet(x):
    for i, d in enumerate([1, 2, 4, 8]):
        x = L.Conv1D(4, 2, dilation_rate=d, padding="causal", name=f"causal{i}")(x)
    x = L.Conv1D(4, 3, strides=2, padding="same", name="down")(x)
    x = L.UpSampling1D(3, name="up")(x)
    return L.Conv1D(4, 3, name="last")(x)


def one_d_mix(x):
    x = L.ZeroPadding1D((2, 1), name="pad")(x)
    x = L.Conv1D(4, 5, strides=2, name="c1")(x)
    x = L.Cropping1D((1, 2), name="crop")(x)
    x = L.Conv1DTranspose(4, 4, strides=2, padding="same", name="t1")(x)
    x = L.AveragePooling1D(3, strides=2, padding="same", name="avg")(x)
    return L.SeparableConv1D(4, 3, dilation_rate=3, name="sep")(x)


def three_d(x):
    x = L.Conv3D(2, 3, strides=(1, 2, 1), padding="same", name="c1")(x)
    x = L.MaxPooling3D((2, 1, 2), name="pool")(x)
    x = L.UpSampling3D((1, 2, 2), name="up")(x)
    x = L.Cropping3D(((1, 0), (0, 1), (1, 1)), name="crop")(x)
    return L.Conv3D(2, (3, 1, 2), dilation_rate=(1, 1, 2), name="c2")(x)


# name, builder, input shape (spatial..., channels)
NETWORKS = [
    ("rf_plain", plain, (37, 40, 1)),
    ("rf_resnet_like", resnet_like, (41, 44, 1)),
    ("rf_inception_like", inception_like, (33, 30, 1)),
    ("rf_unet_like", unet_like, (32, 28, 1)),
    ("rf_transposed", transposed, (23, 26, 1)),
    ("rf_pad_crop", pad_crop, (30, 27, 1)),
    ("rf_separable", separable, (35, 32, 1)),
    ("rf_wavenet", wavenet, (64, 1)),
    ("rf_1d_mix", one_d_mix, (57, 1)),
    ("rf_3d", three_d, (11, 14, 13, 1)),
]


def positive_weights(model):
    for layer in model.layers:
        ws = layer.get_weights()
        if not ws:
            continue
        new = []
        for w, v in zip(layer.weights, ws):
            name = w.path.split("/")[-1]
            if name in ("bias", "beta", "moving_mean"):
                new.append(np.zeros_like(v))
            else:
                new.append(np.full_like(v, 0.5))
        layer.set_weights(new)


def measure(name, build, shape):
    inp = keras.Input(shape, name="image")
    out = build(inp)
    model = keras.Model(inp, out, name=name)
    positive_weights(model)
    spatial = shape[:-1]
    traced = [l for l in model.layers if not isinstance(l, keras.layers.InputLayer)]
    probe = keras.Model(inp, [l.output for l in traced])
    n = int(np.prod(spatial))
    results = {}
    deps = None
    batch = 256
    outs_all = None
    for start in range(0, n, batch):
        idx = np.arange(start, min(n, start + batch))
        x = np.zeros((len(idx),) + tuple(shape), dtype="float32")
        for b, p in enumerate(idx):
            x[(b,) + np.unravel_index(p, spatial) + (0,)] = 1.0
        ys = probe.predict(x, verbose=0)
        ys = ys if isinstance(ys, list) else [ys]
        # Sum over channels: > 0 where the output depends on that input position.
        ys = [np.abs(y).sum(axis=-1) > 0 for y in ys]
        outs_all = ys if outs_all is None else [np.concatenate([a, y]) for a, y in zip(outs_all, ys)]
    for layer, dep in zip(traced, outs_all):
        # dep: (n input positions, output spatial...)
        out_spatial = dep.shape[1:]
        if len(out_spatial) != len(spatial):
            continue
        dep = dep.reshape(tuple(spatial) + tuple(out_spatial))
        axes = []
        for axis in range(len(spatial)):
            centre = [s // 2 for s in out_spatial]
            intervals = []
            for o in range(out_spatial[axis]):
                pos = list(centre)
                pos[axis] = o
                column = dep[(Ellipsis,) + tuple(pos)]
                # Input positions along this axis with any dependency (over the other axes).
                other = tuple(i for i in range(len(spatial)) if i != axis)
                hit = column.any(axis=other) if other else column
                where = np.nonzero(hit)[0]
                intervals.append([int(where[0]), int(where[-1])] if len(where) else None)
            axes.append({"input": int(spatial[axis]), "intervals": intervals})
        results[layer.name] = axes
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        f.write(model.to_json())
    return {"name": name, "size": "x".join(str(s) for s in spatial), "layers": results}


def main():
    records = [measure(*net) for net in NETWORKS]
    meta = {"keras": keras.__version__, "backend": keras.backend.backend()}
    with open(os.path.join(OUT, "receptive.json"), "w") as f:
        json.dump({"versions": meta, "networks": records}, f, indent=None, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(records)} networks to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
