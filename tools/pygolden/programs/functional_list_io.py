import keras
from keras import layers

image = keras.Input(shape=(64, 64, 3), name="image")
meta = keras.Input(shape=(8,), name="meta")

x = layers.Conv2D(16, 3, padding="same", activation="relu")(image)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
m = layers.Dense(16, activation="relu")(meta)
merged = layers.Concatenate()([x, m])

class_out = layers.Dense(5, activation="softmax", name="class")(merged)
box_out = layers.Dense(4, name="box")(merged)

model = keras.Model([image, meta], [class_out, box_out], name="two_headed")
print(model.inputs)
print(model.outputs)
print(model.output_shape)
print(model.get_layer("box").output.shape)
print(model.count_params())
