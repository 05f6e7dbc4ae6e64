import keras
from keras import layers


def down(x, filters):
    x = layers.Conv2D(filters, 3, activation="relu")(x)
    return layers.MaxPooling2D(2)(x)


inputs = keras.Input(shape=(28, 28, 1))
x = inputs
for i, filters in enumerate([32, 64, 128, 256]):
    x = down(x, filters)
    print(i, x.shape)
model = keras.Model(inputs, x)
