import keras
from keras import layers


def residual_dense(x, units):
    shortcut = x
    x = layers.Dense(units, activation="relu")(x)
    x = layers.Dense(units)(x)
    return layers.add([x, shortcut])


inputs = keras.Input(shape=(64,))
x = residual_dense(inputs, 64)
x = residual_dense(x, 32)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
