import keras
from keras import layers

x = keras.Input((None, None, 3))
