import keras
from keras import layers


def dense_stack(x, *units, activation="relu", **kwargs):
    for i, u in enumerate(units):
        x = layers.Dense(u, activation=activation, **kwargs)(x)
    return x


def conv(x, filters, **kwargs):
    options = {"padding": "same", "use_bias": False}
    options.update(kwargs)
    return layers.Conv1D(filters, 3, **options)(x)


inputs = keras.Input(shape=(50, 4))
x = conv(inputs, 16)
x = conv(x, 32, strides=2, padding="valid")
x = layers.Flatten()(x)
x = dense_stack(x, 64, 32, 16, kernel_initializer="he_normal")
outputs = dense_stack(x, 1, activation=None)
model = keras.Model(inputs, outputs)
print(x.shape, outputs.shape)
print([layer.count_params() for layer in model.layers])
