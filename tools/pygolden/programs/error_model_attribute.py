import keras
from keras import layers

inputs = keras.Input(shape=(10,))
outputs = layers.Dense(1)(inputs)
model = keras.Model(inputs, outputs)
print(model.output_shape)
print(model.layers[1].output_shape)
