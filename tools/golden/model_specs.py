"""The models of the model-file golden data: how each is built and the sizes it is applied at.

Each `ModelSpec` has a short `name` (the file stem), a builder returning a Keras model, the
sizes (kshape `apply` syntax: the numbers bind the Input's unknown non-batch dims in order, or
give its whole non-batch shape; `img=64x64 seq=20` names each Input by its InputLayer name),
and how it is written: `form` "json" (`model.to_json()`) or "config" (bare `get_config()`), and
`archive` (also `model.save(NAME.keras)`).
"""

from dataclasses import dataclass
from typing import Callable

import model_specs_more as more_models
import model_specs_ops as ops_models
from keras_runtime import keras

L = keras.layers

IMAGE_SIZES = ("224x224", "299x299", "97x131", "32x32", "7x7", "1x1")
FIXED_SIZES = ("224x224x3", "299x299x3", "97x131x3", "32x32x3", "7x7x3", "1x1x3")


@dataclass(frozen=True)
class ModelSpec:
    name: str
    source: str  # "application" | "hand"
    build: Callable[[], "keras.Model"]
    sizes: tuple
    form: str = "json"  # "json": model.to_json(); "config": json.dumps(model.get_config())
    archive: bool = False  # also model.save(NAME.keras)
    note: str = ""


def _app(cls_name, **kwargs):
    def build():
        cls = getattr(keras.applications, cls_name)
        return cls(weights=None, **kwargs)

    return build


def _headless(cls_name):
    return _app(cls_name, include_top=False, input_shape=(None, None, 3))


# --- hand-written models -------------------------------------------------------------------


def unet():
    i = keras.Input((None, None, 3), name="image")
    c1 = L.Conv2D(8, 3, padding="same", activation="relu")(i)
    c1 = L.Conv2D(8, 3, padding="same", activation="relu")(c1)
    p1 = L.MaxPooling2D()(c1)
    c2 = L.Conv2D(16, 3, padding="same", activation="relu")(p1)
    p2 = L.MaxPooling2D()(c2)
    b = L.Conv2D(32, 3, padding="same", activation="relu")(p2)
    u2 = L.Conv2DTranspose(16, 2, strides=2, padding="same")(b)
    u2 = L.Concatenate()([u2, c2])
    c3 = L.Conv2D(16, 3, padding="same", activation="relu")(u2)
    u1 = L.UpSampling2D()(c3)
    u1 = L.Concatenate(axis=-1)([u1, c1])
    c4 = L.Conv2D(8, 3, padding="same", activation="relu")(u1)
    out = L.Conv2D(1, 1, activation="sigmoid", name="mask")(c4)
    return keras.Model(i, out, name="unet")


def text():
    i = keras.Input((None,), dtype="int32", name="tokens")
    x = L.Embedding(200, 8)(i)
    x = L.Conv1D(16, 5, activation="relu")(x)
    x = L.MaxPooling1D(2)(x)
    x = L.Bidirectional(L.LSTM(8, return_sequences=True))(x)
    x = L.GRU(8)(x)
    out = L.Dense(3, activation="softmax")(x)
    return keras.Model(i, out, name="text_classifier")


def transformer():
    i = keras.Input((None, 32), name="sequence")
    a = L.MultiHeadAttention(num_heads=4, key_dim=8)(i, i)
    x = L.LayerNormalization()(L.Add()([i, a]))
    f = L.Dense(64, activation="relu")(x)
    f = L.Dense(32)(f)
    x = L.LayerNormalization()(L.Add()([x, f]))
    x = L.GlobalAveragePooling1D()(x)
    out = L.Dense(2)(x)
    return keras.Model(i, out, name="transformer_block")


def conv3d():
    i = keras.Input((None, None, None, 1), name="volume")
    x = L.Conv3D(8, 3, activation="relu")(i)
    x = L.MaxPooling3D(2)(x)
    x = L.Conv3D(16, 3, padding="same")(x)
    x = L.GlobalAveragePooling3D()(x)
    out = L.Dense(3)(x)
    return keras.Model(i, out, name="conv3d_net")


def channels_first():
    cf = "channels_first"
    i = keras.Input((3, None, None), name="chw")
    x = L.Conv2D(8, 3, data_format=cf, activation="relu")(i)
    x = L.MaxPooling2D(2, data_format=cf)(x)
    x = L.Conv2D(16, 3, padding="same", strides=2, data_format=cf)(x)
    x = L.AveragePooling2D(2, data_format=cf)(x)
    x = L.GlobalAveragePooling2D(data_format=cf)(x)
    out = L.Dense(4)(x)
    return keras.Model(i, out, name="channels_first_net")


def shared_nested():
    i = keras.Input((None, None, 3), name="image")
    stem = keras.Sequential(
        [keras.Input((None, None, 3)), L.Conv2D(8, 3, padding="same"), L.BatchNormalization(), L.ReLU()],
        name="stem",
    )
    hi = keras.Input((None, None, 8))
    head = keras.Model(hi, L.Dense(4)(L.GlobalAveragePooling2D()(hi)), name="head")
    shared = L.Conv2D(8, 3, padding="same", name="shared_conv")
    x = stem(i)
    y1 = shared(x)
    y2 = shared(y1)
    x = L.Add()([y1, y2])
    out = head(x)
    return keras.Model(i, out, name="shared_nested")


def multi_io():
    img = keras.Input((None, None, 3), name="img")
    seq = keras.Input((None,), dtype="int32", name="seq")
    a = L.Conv2D(8, 3, activation="relu")(img)
    a = L.GlobalMaxPooling2D()(a)
    b = L.Embedding(50, 8)(seq)
    b = L.LSTM(8)(b)
    x = L.Concatenate()([a, b])
    score = L.Dense(1, name="score")(x)
    cls = L.Dense(5, activation="softmax", name="cls")(x)
    return keras.Model([img, seq], [score, cls], name="multi_io")


def time_distributed():
    i = keras.Input((None, None, None, 3), name="frames")
    x = L.TimeDistributed(L.Conv2D(4, 3, activation="relu"))(i)
    x = L.TimeDistributed(L.GlobalAveragePooling2D())(x)
    x = L.LSTM(8)(x)
    out = L.Dense(2)(x)
    return keras.Model(i, out, name="video_classifier")


def lstm_state():
    i = keras.Input((None, 8), name="series")
    seq, h, c = L.LSTM(16, return_sequences=True, return_state=True)(i)
    last = L.GlobalAveragePooling1D()(seq)
    x = L.Concatenate()([last, h, c])
    out = L.Dense(1)(x)
    return keras.Model(i, [out, c], name="lstm_state")


def sequential():
    return keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            L.Conv2D(4, 3, activation="relu"),
            L.MaxPooling2D(),
            L.Conv2D(8, 3, activation="relu"),
            L.MaxPooling2D(),
            L.Flatten(),
            L.Dropout(0.5),
            L.Dense(10, activation="softmax"),
        ],
        name="mnist_sequential",
    )


def mixed_precision():
    keras.config.set_dtype_policy("mixed_float16")
    try:
        i = keras.Input((None, None, 3), name="image")
        x = L.Conv2D(8, 3, strides=2)(i)
        x = L.BatchNormalization()(x)
        x = L.ReLU()(x)
        x = L.GlobalAveragePooling2D()(x)
        x = L.Dense(10)(x)
        out = L.Activation("softmax", dtype="float32")(x)
        return keras.Model(i, out, name="mixed_precision")
    finally:
        keras.config.set_dtype_policy("float32")


def dict_io():
    """Inputs and outputs given as dicts: Keras orders them by key in the config."""
    image = keras.Input((None, None, 3), name="image")
    meta = keras.Input((4,), name="meta")
    x = L.Conv2D(8, 3, strides=2)(image)
    x = L.GlobalMaxPooling2D()(x)
    x = L.Concatenate()([x, L.Dense(8)(meta)])
    outputs = {"score": L.Dense(1, name="score")(x), "box": L.Dense(4, name="box")(x)}
    return keras.Model({"meta": meta, "image": image}, outputs, name="dict_io")


def nested_sequential_unbuilt():
    """A Sequential without an Input, built by being called inside a functional model."""
    block = keras.Sequential([L.Conv2D(8, 3, padding="same"), L.ReLU(), L.MaxPooling2D()], name="block")
    i = keras.Input((None, None, 3), name="image")
    x = block(i)
    x = L.Conv2D(4, 3)(x)
    return keras.Model(i, L.GlobalAveragePooling2D()(x), name="nested_sequential_unbuilt")


def time_distributed_model():
    """Models wrapped in TimeDistributed: a Sequential and a Functional per frame."""
    cnn = keras.Sequential(
        [keras.Input((None, None, 3)), L.Conv2D(8, 3, strides=2), L.ReLU(), L.GlobalAveragePooling2D()],
        name="frame_cnn",
    )
    fi = keras.Input((8,), name="frame_features")
    frame_head = keras.Model(fi, L.Dense(4)(L.Dense(6)(fi)), name="frame_head")
    i = keras.Input((None, None, None, 3), name="video")
    x = L.TimeDistributed(cnn)(i)
    x = L.TimeDistributed(frame_head)(x)
    x = L.LSTM(8)(x)
    return keras.Model(i, L.Dense(2)(x), name="time_distributed_model")


def frozen_backbone():
    """Fine-tuning: a frozen nested backbone, a frozen top-level layer, a trainable head."""
    bi = keras.Input((None, None, 3), name="backbone_input")
    b = L.Conv2D(8, 3, strides=2)(bi)
    b = L.BatchNormalization()(b)
    b = L.ReLU()(b)
    backbone = keras.Model(bi, b, name="backbone")
    backbone.trainable = False
    i = keras.Input((None, None, 3), name="image")
    x = backbone(i)
    x = L.Conv2D(8, 1, trainable=False, name="frozen_conv")(x)
    x = L.GlobalAveragePooling2D()(x)
    return keras.Model(i, L.Dense(3)(x), name="frozen_backbone")


def raw_ops():
    i = keras.Input((None, 16), name="features")
    x = L.Dense(16)(i)
    h = (x + 3.0) * (1 / 6)
    g = L.GlobalAveragePooling1D(keepdims=True)(x)
    y = keras.ops.add(h, g)
    y = 1.0 - y
    y = keras.ops.multiply(y, x)
    out = L.Dense(4)(y)
    return keras.Model(i, out, name="raw_ops")


APP_NOTES = {
    "NASNetMobile": "built at (None, None, 3), NASNet's cell code bakes decisions on unknown dims into the "
    "config: it raises at every size (reduction_add_1_stem_2); nasnetmobile_224 is the fixed-size variant",
}

SPECS = [
    *(
        ModelSpec(name.lower(), "application", _headless(name), IMAGE_SIZES, note=APP_NOTES.get(name, ""))
        for name in (
            "ResNet50",
            "ResNet101V2",
            "MobileNetV2",
            "MobileNetV3Small",
            "EfficientNetB0",
            "EfficientNetV2S",
            "DenseNet121",
            "InceptionV3",
            "Xception",
            "VGG16",
            "NASNetMobile",
            "ConvNeXtTiny",
        )
    ),
    ModelSpec(
        "nasnetmobile_224",
        "application",
        _app("NASNetMobile", include_top=False, input_shape=(224, 224, 3)),
        FIXED_SIZES,
        note="with input_shape=(None, None, 3) NASNet's config raises at every size (see nasnetmobile)",
    ),
    ModelSpec("vgg16_top", "application", _app("VGG16", input_shape=(224, 224, 3), classes=10), FIXED_SIZES),
    ModelSpec("mobilenetv2_top", "application", _app("MobileNetV2", input_shape=(224, 224, 3)), FIXED_SIZES),
    ModelSpec("resnet50_top", "application", _app("ResNet50", input_shape=(224, 224, 3)), FIXED_SIZES),
    ModelSpec("unet", "hand", unet, ("224x224", "64x64", "97x131", "7x7", "1x1"), archive=True),
    ModelSpec("text", "hand", text, ("100", "20", "5", "1"), archive=True),
    ModelSpec("transformer", "hand", transformer, ("128", "10", "1")),
    ModelSpec("conv3d", "hand", conv3d, ("16x32x32", "8x8x8", "5x6x7", "2x2x2")),
    ModelSpec("channels_first", "hand", channels_first, ("64x64", "97x131", "7x7", "3x3", "1x1"), form="config"),
    ModelSpec("shared_nested", "hand", shared_nested, ("224x224", "97x131", "32x32", "1x1")),
    ModelSpec(
        "multi_io",
        "hand",
        multi_io,
        ("img=64x64 seq=20", "img=224x224 seq=100", "img=3x3 seq=1", "img=1x1 seq=5"),
    ),
    ModelSpec("time_distributed", "hand", time_distributed, ("10x32x32", "1x3x3", "4x2x2")),
    ModelSpec("lstm_state", "hand", lstm_state, ("50", "10", "1")),
    ModelSpec("sequential", "hand", sequential, ("28x28x1", "32x32x1", "12x12x1", "5x5x1"), archive=True),
    ModelSpec("mixed_precision", "hand", mixed_precision, ("224x224", "32x32", "2x2", "1x1")),
    ModelSpec("raw_ops", "hand", raw_ops, ("100", "10", "1")),
    ModelSpec("time_distributed_model", "hand", time_distributed_model, ("8x64x64", "1x3x3", "4x2x2")),
    ModelSpec("frozen_backbone", "hand", frozen_backbone, ("64x64", "3x3", "2x2")),
    ModelSpec("dict_io", "hand", dict_io, ("image=64x64 meta=4", "image=3x3 meta=4", "image=2x2 meta=4")),
    ModelSpec("nested_sequential_unbuilt", "hand", nested_sequential_unbuilt, ("64x64", "7x7", "5x5", "1x1")),
    ModelSpec("ops_shapes", "hand", ops_models.ops_shapes, ("4x8", "2x12", "3x5", "1x1")),
    ModelSpec("ops_reduce", "hand", ops_models.ops_reduce, ("10", "1")),
    ModelSpec("ops_slicing", "hand", ops_models.ops_slicing, ("8x8", "5x4", "6x3", "1x1")),
    ModelSpec("ops_join", "hand", ops_models.ops_join, ("8", "3")),
    ModelSpec("ops_elementwise", "hand", ops_models.ops_elementwise, ("10", "1")),
    ModelSpec("ops_attention", "hand", ops_models.ops_attention, ("16", "1")),
    ModelSpec("vit", "hand", more_models.vit, ("224x224", "32x32", "97x131", "8x8", "1x1")),
    ModelSpec("gan_generator", "hand", more_models.gan_generator, ("64",)),
    ModelSpec(
        "siamese",
        "hand",
        more_models.siamese,
        ("a=32x32 b=32x32", "a=28x40 b=28x40", "a=32x32 b=64x64", "a=5x5 b=5x5", "a=1x1 b=1x1"),
    ),
    ModelSpec("tcn", "hand", more_models.tcn, ("100", "1")),
    ModelSpec("preprocess_cnn", "hand", more_models.preprocess_cnn, ("224x224", "97x131", "1x1")),
    ModelSpec("autoencoder", "hand", more_models.autoencoder, ("224x224", "97x131", "32x32", "1x1")),
]
