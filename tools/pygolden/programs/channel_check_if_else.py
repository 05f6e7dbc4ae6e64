import keras
from keras import layers


def project_if_needed(x, residual, name):
    if x.shape[-1] != residual.shape[-1]:
        residual = layers.Conv2D(x.shape[-1], 1, padding="same", name=f"{name}_proj")(residual)
        print(name, "projected", residual.shape)
    else:
        print(name, "identity")
    return layers.Add(name=f"{name}_add")([x, residual])


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, padding="same")(inputs)
r = x
x = layers.Conv2D(32, 3, padding="same")(x)
x = project_if_needed(x, r, "block1")
r = x
x = layers.Conv2D(64, 3, padding="same")(x)
x = project_if_needed(x, r, "block2")
print(len(x.shape), x.shape[1:], x.shape[-1] * 2)
model = keras.Model(inputs, x)
print(model.output_shape)
