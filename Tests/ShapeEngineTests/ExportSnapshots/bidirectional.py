import keras

tokens = keras.Input(shape=(None,), dtype="int32", name="input_layer")
embedding = keras.layers.Embedding(1000, 64, name="embedding")(tokens)
conv1d = keras.layers.Conv1D(32, 5, padding="causal", activation="relu", name="conv1d")(embedding)
bidirectional = keras.layers.Bidirectional(keras.layers.LSTM(16, return_sequences=True, name="lstm"), merge_mode="concat", name="bidirectional")(conv1d)
bidirectional_1 = keras.layers.Bidirectional(keras.layers.GRU(8, name="gru"), name="bidirectional_1")(bidirectional)
dense = keras.layers.Dense(3, activation="softmax", name="dense")(bidirectional_1)
model = keras.Model(inputs=tokens, outputs=dense, name="functional")

if __name__ == "__main__":
    model.summary()
