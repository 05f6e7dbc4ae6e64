# A pooling layer that refuses small inputs, caught: at 10x10 this is the way Keras goes.
# PythonSessionTests runs the same text with Input((None, None, 3)) and applies 10x10.
import keras
from keras import layers

x = keras.Input((10, 10, 3))
y = layers.Conv2D(4, 5)(x)
try:
    z = layers.MaxPooling2D(8)(y)
except ValueError:
    z = y
out = layers.Dense(2)(z)
model = keras.Model(x, out)
