import keras
from keras import layers

alpha = 1.0
rows = 96


def depthwise_block(x, pointwise_filters, strides=(1, 1), block_id=1):
    if strides != (1, 1):
        x = layers.ZeroPadding2D(((0, 1), (0, 1)), name=f"conv_pad_{block_id}")(x)
    x = layers.DepthwiseConv2D(
        (3, 3),
        padding="same" if strides == (1, 1) else "valid",
        depth_multiplier=1,
        strides=strides,
        use_bias=False,
        name=f"conv_dw_{block_id}",
    )(x)
    x = layers.BatchNormalization(name=f"conv_dw_{block_id}_bn")(x)
    x = layers.ReLU(6.0, name=f"conv_dw_{block_id}_relu")(x)
    x = layers.Conv2D(int(pointwise_filters * alpha), (1, 1), padding="same", use_bias=False,
                      strides=(1, 1), name=f"conv_pw_{block_id}")(x)
    x = layers.BatchNormalization(name=f"conv_pw_{block_id}_bn")(x)
    return layers.ReLU(6.0, name=f"conv_pw_{block_id}_relu")(x)


img_input = keras.Input(shape=(rows, rows, 3))
x = layers.Conv2D(32, (3, 3), padding="same", use_bias=False, strides=(2, 2), name="conv1")(img_input)
x = layers.BatchNormalization(name="conv1_bn")(x)
x = layers.ReLU(6.0, name="conv1_relu")(x)
x = depthwise_block(x, 64, block_id=1)
x = depthwise_block(x, 128, strides=(2, 2), block_id=2)
x = depthwise_block(x, 128, block_id=3)
x = depthwise_block(x, 256, strides=(2, 2), block_id=4)
x = layers.GlobalAveragePooling2D(keepdims=True)(x)
x = layers.Dropout(1e-3, name="dropout")(x)
x = layers.Conv2D(10, (1, 1), padding="same", name="conv_preds")(x)
x = layers.Reshape((10,), name="reshape_2")(x)
x = layers.Activation("softmax", name="predictions")(x)
model = keras.Model(img_input, x, name=f"mobilenet_{alpha:0.2f}_{rows}")
print(model.name)
print(model.count_params())
model.summary()
