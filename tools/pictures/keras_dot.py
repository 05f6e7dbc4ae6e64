"""Keras's own pictures of a few models: the reference kshape's `export dot` is compared with.

For each model below, writes to Tests/ShapeEngineTests/Golden/pictures/:
  NAME.json        model.to_json(), the model kshape imports;
  NAME.dot         keras.utils.model_to_dot(model, show_shapes=True).to_string();
  NAME.nested.dot  the same with expand_nested=True.
Needs pydot in the venv (pip install pydot). Run:

    KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/pictures/keras_dot.py
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
from keras import layers as L  # noqa: E402

OUT = os.path.join(
    os.path.dirname(__file__), "..", "..", "Tests", "ShapeEngineTests", "Golden", "pictures")


def resnet_block():
    x = keras.Input((32, 32, 16), name="image")
    y = L.Conv2D(16, 3, padding="same", name="conv_a")(x)
    y = L.BatchNormalization(name="bn_a")(y)
    y = L.ReLU(name="relu_a")(y)
    y = L.Conv2D(16, 3, padding="same", name="conv_b")(y)
    y = L.Add(name="skip_add")([x, y])
    y = L.ReLU(name="out")(y)
    return keras.Model(x, y, name="resnet_block")


def inception_branches():
    x = keras.Input((28, 28, 8), name="image")
    b1 = L.Conv2D(4, 1, name="b1x1")(x)
    b3 = L.Conv2D(4, 1, name="b3_reduce")(x)
    b3 = L.Conv2D(6, 3, padding="same", name="b3x3")(b3)
    b5 = L.Conv2D(2, 1, name="b5_reduce")(x)
    b5 = L.Conv2D(3, 5, padding="same", name="b5x5")(b5)
    bp = L.MaxPooling2D(3, strides=1, padding="same", name="pool")(x)
    bp = L.Conv2D(3, 1, name="pool_proj")(bp)
    y = L.Concatenate(name="mixed")([b1, b3, b5, bp])
    return keras.Model(x, y, name="inception_branches")


def unet_skip():
    x = keras.Input((64, 64, 3), name="image")
    d1 = L.Conv2D(8, 3, padding="same", activation="relu", name="down1")(x)
    p1 = L.MaxPooling2D(name="pool1")(d1)
    d2 = L.Conv2D(16, 3, padding="same", activation="relu", name="down2")(p1)
    p2 = L.MaxPooling2D(name="pool2")(d2)
    b = L.Conv2D(32, 3, padding="same", activation="relu", name="bottom")(p2)
    u2 = L.Conv2DTranspose(16, 2, strides=2, name="up2")(b)
    c2 = L.Concatenate(name="cat2")([u2, d2])
    e2 = L.Conv2D(16, 3, padding="same", name="dec2")(c2)
    u1 = L.UpSampling2D(name="up1")(e2)
    c1 = L.Concatenate(name="cat1")([u1, d1])
    y = L.Conv2D(1, 1, activation="sigmoid", name="mask")(c1)
    return keras.Model(x, y, name="unet_skip")


def nested():
    inner_in = keras.Input((16, 16, 4), name="inner_in")
    h = L.Conv2D(4, 3, padding="same", name="inner_conv")(inner_in)
    h = L.Add(name="inner_add")([inner_in, h])
    block = keras.Model(inner_in, h, name="block")
    head = keras.Sequential(
        [L.GlobalAveragePooling2D(name="gap"), L.Dense(10, name="logits")], name="head")
    x = keras.Input((16, 16, 3), name="image")
    y = L.Conv2D(4, 1, name="stem")(x)
    y = block(y)
    y = head(y)
    return keras.Model(x, y, name="nested")


def shared_layer():
    x = keras.Input((16, 16, 4), name="image")
    shared = L.Conv2D(4, 3, padding="same", name="shared_conv")
    a = shared(x)
    b = shared(a)
    y = L.Add(name="add")([a, b])
    stem = keras.Sequential([L.Conv2D(2, 1, name="proj"), L.ReLU(name="proj_relu")], name="tail")
    return keras.Model(x, stem(y), name="shared_layer")


MODELS = [resnet_block, inception_branches, unet_skip, nested, shared_layer]


def main():
    for make in MODELS:
        model = make()
        with open(os.path.join(OUT, model.name + ".json"), "w") as f:
            f.write(model.to_json())
        for suffix, expand in (("", False), (".nested", True)):
            dot = keras.utils.model_to_dot(model, show_shapes=True, expand_nested=expand)
            with open(os.path.join(OUT, model.name + suffix + ".dot"), "w") as f:
                f.write(dot.to_string())
    with open(os.path.join(OUT, "VERSIONS.txt"), "w") as f:
        f.write(f"keras {keras.__version__}, backend {keras.backend.backend()}\n")
    print(f"wrote {len(MODELS)} models to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
