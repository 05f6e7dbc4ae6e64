from tensorflow.keras import layers, models

input_size = 128
min_size = 8
base_filters = 16

inputs = layers.Input(shape=(input_size, input_size, 1))
x = inputs
size = input_size
level = 0
while size > min_size:
    filters = base_filters * 2 ** level
    x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"down{level}_conv")(x)
    x = layers.MaxPooling2D(2, name=f"down{level}_pool")(x)
    size //= 2
    level += 1
    print(f"level {level}: {x.shape} ({filters} filters)")

x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = models.Model(inputs, outputs)
model.summary()
print(level, size, len(model.layers))
