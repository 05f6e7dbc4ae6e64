import keras
from keras import layers

image_input = keras.Input(shape=(32, 32, 3), name="image")
meta_input = keras.Input(shape=(8,), name="meta")
x = layers.Conv2D(16, 3, activation="relu")(image_input)
x = layers.GlobalAveragePooling2D()(x)
m = layers.Dense(16, activation="relu")(meta_input)
x = layers.concatenate([x, m])
outputs = layers.Dense(1)(x)
model = keras.Model(inputs=image_input, outputs=outputs)
model.summary()
