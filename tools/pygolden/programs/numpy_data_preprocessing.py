import numpy as np
import keras
from keras import layers

# Data prepared as tutorials do, before the model is built from its shape.
x_train = np.zeros((600, 28, 28), dtype="uint8")
y_train = np.zeros((600,), dtype="uint8")
x_train = x_train.astype("float32") / 255
x_train = np.expand_dims(x_train, -1)
x_val = x_train[-100:]
x_train = x_train[:-100]
scaled = x_train * 2.0 - 1
centered = -(x_train - 0.5)
halves = np.zeros((600, 28, 28), dtype="uint8") / 2
counts = np.zeros((600, 28, 28), dtype="uint8") + 1
grid = np.zeros((28, 1), dtype="float32") + np.zeros((3,), dtype="float32")
y_train = keras.utils.to_categorical(y_train, 10)
labels = keras.utils.to_categorical(np.zeros((50, 1), dtype="uint8"), num_classes=5)
print(x_train.shape, x_train.dtype, x_val.shape, scaled.dtype, centered.shape)
print(halves.dtype, counts.dtype, grid.shape, y_train.shape, y_train.dtype, labels.shape)
print(x_train[0].shape, x_train[::7].shape, x_train[10:2].shape, x_train[::-3].shape)

model = keras.Sequential(
    [
        keras.Input(shape=x_train.shape[1:]),
        layers.Conv2D(8, 3, activation="relu"),
        layers.Flatten(),
        layers.Dense(y_train.shape[-1], activation="softmax"),
    ]
)
model.summary()
