import keras
from keras import layers

num_classes = 5


def small_cnn(input_shape, width=16, name=None):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(width, 3, activation="relu")(inputs)
    x = layers.Conv2D(width * 2, 3, strides=2, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes)(x)
    return keras.Model(inputs, outputs, name=name)


models = []
for size in (32, 64, 96):
    models.append(small_cnn((size, size, 3), width=size // 4))
named = small_cnn((28, 28, 1), name="named_cnn")
for m in models + [named]:
    print(m.name, m.input_shape, m.count_params())
best = models[-1]
