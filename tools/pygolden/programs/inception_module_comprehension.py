import keras
from keras import layers


def conv_bn(x, filters, kernel_size, strides=1, padding="same", **kwargs):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding,
                      use_bias=False, **kwargs)(x)
    x = layers.BatchNormalization(scale=False)(x)
    return layers.Activation("relu")(x)


def inception_module(x, f1, f3, f5, fpool):
    branches = [conv_bn(x, f, k) for f, k in zip([f1, f3, f5], [1, 3, 5])]
    pool = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    branches.append(conv_bn(pool, fpool, 1))
    return layers.concatenate(branches, axis=-1)


inputs = keras.Input(shape=(64, 64, 3))
x = conv_bn(inputs, 32, 3, strides=2, padding="valid")
x = inception_module(x, 16, 32, 8, 8)
x = inception_module(x, 32, 48, 16, 16)
print(x.shape)
x = layers.MaxPooling2D(3, strides=2)(x)
channels = x.shape[-1]
x = layers.Conv2D(channels // 2, 1)(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(100, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="mini_inception")
model.summary()
print(channels)
