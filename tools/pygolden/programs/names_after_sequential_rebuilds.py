import keras
from keras import layers

# Auto-names are counted per base name across everything Keras creates, including the
# Functional a Sequential builds internally once it knows its input.
first = keras.Sequential()
first.add(keras.Input(shape=(4,)))
first.add(layers.Dense(8))
first.add(layers.Dense(2))
print(first.name, [layer.name for layer in first.layers])
print(len(first.layers[0]._inbound_nodes))

inputs = keras.Input(shape=(4,))
outputs = layers.Dense(3)(inputs)
model = keras.Model(inputs, outputs)
print(model.name, model.layers[0].name, inputs.name, outputs.name)

second = keras.Sequential([layers.Dense(5)])
print(second.name, second.built)
y = second(inputs)
print(second.built, y.shape, y.name)
other = keras.Model(inputs, y)
print(other.name)
