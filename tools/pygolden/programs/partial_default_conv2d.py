# Géron, Hands-On Machine Learning, chapter 14: a Conv2D with its usual arguments fixed by
# functools.partial, then a Sequential of them.
from functools import partial
import keras

DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3, padding="same",
                        activation="relu", kernel_initializer="he_normal")
model = keras.Sequential([
    keras.layers.Input(shape=[28, 28, 1]),
    DefaultConv2D(filters=64, kernel_size=7),
    keras.layers.MaxPool2D(),
    DefaultConv2D(filters=128),
    DefaultConv2D(filters=128),
    keras.layers.MaxPool2D(),
    DefaultConv2D(filters=256),
    DefaultConv2D(filters=256),
    keras.layers.MaxPool2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(units=128, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(units=64, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(units=10, activation="softmax")
])
model.summary()
print(DefaultConv2D.keywords["padding"], DefaultConv2D.args, type(DefaultConv2D).__name__)
print(sorted(DefaultConv2D.keywords), DefaultConv2D.func.__name__)
