# A Dense on an input whose last dim is unknown: Keras raises when it is called, and a program
# that catches it goes on with its fallback. kshape defers such weights elsewhere (until a size
# is applied), but not where the program would catch the error (TryAtEachSizeTests).
import keras
from keras import layers

x = keras.Input((None,))
try:
    y = layers.Dense(4)(x)
    print("dense ok")
except ValueError:
    print("dense refused")
    y = layers.Reshape((-1, 1))(x)
print(y.shape)
model = keras.Model(x, layers.Dense(2)(y))
print(model.output_shape, model.count_params())
