import keras

left = keras.Input(shape=(64,), name="left")
right = keras.Input(shape=(64,), name="right")
enc = keras.layers.Dense(32, activation="relu", name="dense")
a = enc(left)
b = enc(right)
s = keras.layers.Subtract(name="subtract")([a, b])
dense_1 = keras.layers.Dense(1, name="dense_1")(s)
model = keras.Model(inputs=[left, right], outputs=dense_1, name="functional")

if __name__ == "__main__":
    model.summary()
