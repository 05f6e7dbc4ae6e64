import keras
from keras import layers

left = keras.Input(shape=(32, 32, 8))
right = keras.Input(shape=(16, 16, 8))
l = layers.Conv2D(8, 3, padding="same")(left)
r = layers.Conv2D(8, 3, padding="same")(right)
merged = layers.concatenate([l, r])
model = keras.Model([left, right], merged)
