import keras
from keras import layers

num_features = 10
inputs = keras.Input(shape=(30, num_features))
x = layers.Flatten()(inputs)
x = layers.Dense(64, activation="relu")(x)
x = layers.LSTM(32)(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
