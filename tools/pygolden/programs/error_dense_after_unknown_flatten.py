import keras
from keras import layers


def classifier_head(x, num_classes):
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu")(x)
    return layers.Dense(num_classes, activation="softmax")(x)


inputs = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
outputs = classifier_head(x, 10)
model = keras.Model(inputs, outputs)
