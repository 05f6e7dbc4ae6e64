# map() makes its layers when the loop reads them, so a layer made in between takes the first
# name of its class (Python's map is lazy).
import keras
from keras import layers

inputs = keras.Input((32, 32, 3))
convs = map(lambda f: layers.Conv2D(f, 3, padding="same"), [8, 16])
shortcut = layers.Conv2D(4, 1)
x = inputs
for conv in convs:
    x = conv(x)
y = shortcut(inputs)
print(shortcut.name, x.shape, y.shape)
model = keras.Model(inputs, [x, y])
print([layer.name for layer in model.layers])
