import tensorflow as tf
from tensorflow.keras import layers, losses
from tensorflow.keras.models import Model, Sequential

encoder = Sequential([
    layers.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, (3, 3), activation='relu', padding='same', strides=2),
    layers.Conv2D(8, (3, 3), activation='relu', padding='same', strides=2)])

decoder = Sequential([
    layers.Conv2DTranspose(8, kernel_size=3, strides=2, activation='relu', padding='same'),
    layers.Conv2DTranspose(16, kernel_size=3, strides=2, activation='relu', padding='same'),
    layers.Conv2D(1, kernel_size=(3, 3), activation='sigmoid', padding='same')])

inputs = layers.Input(shape=(28, 28, 1))
encoded = encoder(inputs)
decoded = decoder(encoded)
autoencoder = Model(inputs, decoded)
autoencoder.compile(optimizer='adam', loss=losses.MeanSquaredError())
encoder.summary()
decoder.summary()
print(encoded.shape, decoded.shape)
