# A pooling layer that refuses small inputs, caught: at 64x64 this is the way Keras goes.
# PythonSessionTests runs the same text with Input((None, None, 3)) and applies 64x64.
import keras
from keras import layers

x = keras.Input((64, 64, 3))
y = layers.Conv2D(4, 5)(x)
try:
    z = layers.MaxPooling2D(8)(y)
except ValueError:
    z = y
out = layers.Dense(2)(z)
model = keras.Model(x, out)
