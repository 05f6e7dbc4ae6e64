import keras

img = keras.Input(shape=(64, 64, 3), batch_size=8, name="img")
meta = keras.Input(shape=(5,), batch_size=8, name="meta")
conv2d = keras.layers.Conv2D(8, 3, strides=2, dtype="mixed_float16", name="conv2d")(img)
f = keras.layers.GlobalMaxPooling2D(name="global_max_pooling2d")(conv2d)
g = keras.layers.Dense(8, name="dense")(meta)
j = keras.layers.Concatenate(name="concatenate")([f, g])
cls = keras.layers.Dense(3, activation="softmax", name="cls")(j)
box = keras.layers.Dense(4, name="box")(j)
model = keras.Model(inputs=[img, meta], outputs=[cls, box], name="functional")

if __name__ == "__main__":
    model.summary()
