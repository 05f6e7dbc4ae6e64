import keras
from keras import layers


def residual_block(x, filters):
    shortcut = x
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(filters, 3, padding="same")(x)
    return layers.add([x, shortcut])


inputs = keras.Input(shape=(32, 32, 16))
x = residual_block(inputs, 16)
print(x.shape)
x = residual_block(x, 32)
model = keras.Model(inputs, x)
