import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(28, 28, 1)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(128, (3, 3),
                        activation="relu",
                        name="conv_last"))
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
print(model.get_layer("flatten").output.shape)
model.summary()
