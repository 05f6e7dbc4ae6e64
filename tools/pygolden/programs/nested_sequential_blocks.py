import keras
from keras import layers


def make_block(filters, name):
    return keras.Sequential(
        [
            layers.Conv2D(filters, 3, padding="same"),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.MaxPooling2D(),
        ],
        name=name,
    )


inputs = keras.Input(shape=(64, 64, 3))
x = inputs
for i, filters in enumerate([16, 32, 64]):
    block = make_block(filters, name=f"stage_{i}")
    x = block(x)
    print(block.name, block.built, x.shape)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(2)(x)
model = keras.Model(inputs, outputs)
print([(layer.name, layer.__class__.__name__) for layer in model.layers])
print(model.count_params())
model.summary()
