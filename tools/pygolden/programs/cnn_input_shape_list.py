import keras
from keras import layers

img_rows, img_cols = 28, 28
input_shape = (img_rows, img_cols, 1)

model = keras.Sequential([
    layers.Conv2D(32, (3, 3), activation='relu', input_shape=input_shape),
    layers.Conv2D(64, (3, 3), activation='relu'),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(128, activation='relu'),
    layers.Dropout(0.5),
    layers.Dense(10, activation='softmax'),
])
print(model.input_shape)
print(model.layers[0].name, model.layers[0].input.shape)
model.summary()
