import keras
from keras import layers


def double_conv(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


inputs = keras.Input((128, 128, 1))
skips = []
x = inputs
for filters in (16, 32, 64):
    x = double_conv(x, filters)
    skips.append(x)
    x = layers.MaxPooling2D((2, 2))(x)

x = double_conv(x, 128)

for filters, skip in zip((64, 32, 16), reversed(skips)):
    x = layers.Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding="same")(x)
    x = layers.concatenate([x, skip])
    x = double_conv(x, filters)

outputs = layers.Conv2D(1, (1, 1), activation="sigmoid")(x)
model = keras.Model(inputs=[inputs], outputs=[outputs])
print(len(skips), [s.shape for s in skips])
print(model.output_shape)
model.summary()
