import keras
from keras import layers

num_classes = 10
inputs = keras.Input(shape=(784,))
x = layers.Dense(64, activation="relu")(inputs)
outputs = layers.Dense(num_class, activation="softmax")(x)
model = keras.Model(inputs, outputs)
