import keras
from keras import layers

latent_dim = 64
inputs = keras.Input(shape=(latent_dim,))
x = layers.Dense(7 * 7 * 32)(inputs)
x = layers.Reshape((7, 7, 64))(x)
model = keras.Model(inputs, x)
