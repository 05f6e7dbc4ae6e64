import keras

q = keras.Input(shape=(10, 32), name="query")
v = keras.Input(shape=(20, 32), name="value")
k = keras.Input(shape=(20, 32), name="key")
mha = keras.layers.MultiHeadAttention(4, 8, dropout=0.1, name="multi_head_attention")
o, scores = mha(q, v, key=k, return_attention_scores=True)
r = keras.layers.Add(name="add")([q, o])
n = keras.layers.LayerNormalization(epsilon=1e-06, name="layer_normalization")(r)
model = keras.Model(inputs=[q, v, k], outputs=[scores, n], name="functional")

if __name__ == "__main__":
    model.summary()
