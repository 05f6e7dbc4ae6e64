import keras
from keras import layers

blocks = [(64, 2), (128, 2), (256, 3)]

inputs = keras.Input(shape=(96, 96, 3))
x = inputs
for b, (filters, convs) in enumerate(blocks, start=1):
    for c in range(1, convs + 1):
        x = layers.Conv2D(filters, (3, 3), activation="relu", padding="same",
                          name=f"block{b}_conv{c}")(x)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{b}_pool")(x)
    print(f"after block {b}: {x.shape}")

x = layers.Flatten(name="flatten")(x)
x = layers.Dense(512, activation="relu", name="fc1")(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = keras.Model(inputs, outputs, name="vgg_like")
print(model.get_layer("block2_conv1").output.shape)
print(model.get_layer(f"block{len(blocks)}_pool").output.shape)
print(model.count_params())
