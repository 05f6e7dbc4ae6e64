import keras
from keras import layers

size = 128
inputs = keras.Input(shape=(size, size, 3))
x = inputs
filters = 16
stage = 0
while size > 8:
    x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"conv_{stage}")(x)
    x = layers.MaxPooling2D(2, name=f"pool_{stage}")(x)
    size //= 2
    filters = min(filters * 2, 128)
    stage += 1
    if stage > 10:
        break
print(stage, size, filters, x.shape)
x = layers.Flatten()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
print(model.output_shape, model.count_params())
