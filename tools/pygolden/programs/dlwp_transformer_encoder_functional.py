import keras
from keras import layers

vocab_size = 20000
embed_dim = 256
num_heads = 2
dense_dim = 32


def transformer_encoder(inputs, embed_dim, dense_dim, num_heads):
    attention_output = layers.MultiHeadAttention(
        num_heads=num_heads, key_dim=embed_dim)(inputs, inputs)
    proj_input = layers.LayerNormalization()(inputs + attention_output)
    proj_output = layers.Dense(dense_dim, activation="relu")(proj_input)
    proj_output = layers.Dense(embed_dim)(proj_output)
    return layers.LayerNormalization()(proj_input + proj_output)


inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(vocab_size, embed_dim)(inputs)
x = transformer_encoder(x, embed_dim, dense_dim, num_heads)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()
