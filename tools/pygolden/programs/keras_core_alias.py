import keras_core
from keras_core import layers
from keras_core import ops

inputs = keras_core.Input(shape=(None, None, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
x = layers.Conv2D(8, 3, strides=2)(x)
pooled = ops.mean(x, axis=[1, 2])
outputs = layers.Dense(4)(pooled)
model = keras_core.Model(inputs, outputs)
print(x.shape, pooled.shape, outputs.shape)
print(model.output_shape)
