import keras

x = keras.Input(shape=(32, 32, 16), name="image")
conv2d = keras.layers.Conv2D(16, 3, padding="same", name="conv2d")(x)
batch_normalization = keras.layers.BatchNormalization(name="batch_normalization")(conv2d)
y = keras.layers.ReLU(name="re_lu")(batch_normalization)
z = keras.layers.Add(name="add")([x, y])
u = keras.layers.UpSampling2D(name="up_sampling2d")(z)
d = keras.layers.Conv2DTranspose(16, 2, strides=2, padding="same", name="conv2d_transpose")(z)
m = keras.layers.Concatenate(axis=-1, name="concatenate")([u, d])
conv2d_1 = keras.layers.Conv2D(1, 1, activation="sigmoid", name="conv2d_1")(m)
model = keras.Model(inputs=x, outputs=conv2d_1, name="functional")

if __name__ == "__main__":
    model.summary()
