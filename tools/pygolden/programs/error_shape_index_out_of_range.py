import keras
from keras import layers

inputs = keras.Input(shape=(128,))
x = layers.Dense(64)(inputs)
channels = x.shape[-1]
height = x.shape[2]
print(channels, height)
