import keras
from keras import layers

inputs = keras.Input(shape=(16, 32))
x = layers.LayerNormalization()(inputs)
attn = layers.MultiHeadAttention(num_heads=4, key_dim=8)(x)
model = keras.Model(inputs, attn)
