import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.summary()
images = keras.Input(shape=(28, 28))
y = model(images)
print(y.shape)
