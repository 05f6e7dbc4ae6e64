import keras

x = keras.Input(shape=(None, 12), name="input_layer")
seq, h, c = keras.layers.LSTM(16, return_sequences=True, return_state=True, name="lstm")(x)
last = keras.layers.GRU(8, name="gru")(seq)
hs = keras.layers.Dense(4, name="from_h")(h)
cs = keras.layers.Dense(4, name="from_c")(c)
model = keras.Model(inputs=x, outputs=[last, hs, cs], name="functional")

if __name__ == "__main__":
    model.summary()
