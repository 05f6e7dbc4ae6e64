import keras
from keras import layers

vocab_size = 20000
maxlen = 200
embed_dim = 32
num_heads = 2
ff_dim = 32


def transformer_block(x, embed_dim, num_heads, ff_dim, rate=0.1):
    attn_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)(x, x)
    attn_output = layers.Dropout(rate)(attn_output)
    out1 = layers.LayerNormalization(epsilon=1e-6)(x + attn_output)
    ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(embed_dim)])
    ffn_output = ffn(out1)
    ffn_output = layers.Dropout(rate)(ffn_output)
    return layers.LayerNormalization(epsilon=1e-6)(out1 + ffn_output)


inputs = layers.Input(shape=(maxlen,))
token_embeddings = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)(inputs)
positions = keras.Input(shape=(maxlen,), dtype="int32", name="positions")
position_embeddings = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)(positions)
x = layers.add([token_embeddings, position_embeddings])
x = transformer_block(x, embed_dim, num_heads, ff_dim)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Dropout(0.1)(x)
x = layers.Dense(20, activation="relu")(x)
x = layers.Dropout(0.1)(x)
outputs = layers.Dense(2, activation="softmax")(x)

model = keras.Model(inputs=[inputs, positions], outputs=outputs)
print(token_embeddings.dtype, inputs.dtype, positions.dtype)
model.summary()
