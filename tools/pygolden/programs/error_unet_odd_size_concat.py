import keras
from keras import layers


def down(x, filters):
    c = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    p = layers.MaxPooling2D(2)(c)
    return c, p


def up(x, skip, filters):
    u = layers.UpSampling2D(2)(x)
    u = layers.concatenate([u, skip])
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(u)


inputs = keras.Input(shape=(100, 100, 1))
c1, p1 = down(inputs, 16)
c2, p2 = down(p1, 32)
c3, p3 = down(p2, 64)
b = layers.Conv2D(128, 3, padding="same", activation="relu")(p3)
print(c3.shape, b.shape)
u3 = up(b, c3, 64)
u2 = up(u3, c2, 32)
u1 = up(u2, c1, 16)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(u1)
model = keras.Model(inputs, outputs)
