import keras
from keras import layers


def conv_block(x, filters, kernel_size=3):
    x = layers.Conv2D(filters, kernel_size, padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


inputs = keras.Input(shape=(32, 32, 3))
x = conv_block(inputs, 32)
x = conv_block(x, kernel_size=5)
model = keras.Model(inputs, x)
