import keras
from keras import layers

maxlen = 64
embed_dim = 32
num_heads = 4

inputs = keras.Input(shape=(maxlen, embed_dim))
x = inputs
for i in range(2):
    attn = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim // num_heads,
                                     name=f"mha_{i}")(x, x)
    x = layers.LayerNormalization(epsilon=1e-6, name=f"ln_{i}")(x + attn)

cls_token = x[:, 0, :]
last_steps = x[:, -8:]
print(cls_token.shape, last_steps.shape)
pooled = layers.GlobalAveragePooling1D()(last_steps)
merged = layers.concatenate([cls_token, pooled])
outputs = layers.Dense(3, activation="softmax")(merged)
model = keras.Model(inputs, outputs)
model.summary()

seq = keras.Input(shape=(20, 4))
h = layers.LSTM(16, return_sequences=True)(seq)
last = h[:, -1, :]
forecast = layers.Dense(1)(last)
lstm_model = keras.Model(seq, forecast)
print(lstm_model.output_shape)
