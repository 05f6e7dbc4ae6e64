import keras
from keras import layers


def residual_block(x, filters, strides=1):
    shortcut = x
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    if strides != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=strides, use_bias=False)(shortcut)
        shortcut = layers.BatchNormalization()(shortcut)
    x = layers.add([x, shortcut])
    return layers.Activation("relu")(x)


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, padding="same")(inputs)
for stage, filters in enumerate([16, 32, 64]):
    for block in range(2):
        strides = 2 if stage > 0 and block == 0 else 1
        x = residual_block(x, filters, strides=strides)
    print(f"stage {stage}: {x.shape}")
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="mini_resnet")
print(model.count_params())
print(len(model.layers))
