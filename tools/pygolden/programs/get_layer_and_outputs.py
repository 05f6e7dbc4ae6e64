import keras
from keras import layers

inputs = keras.Input(shape=(64, 64, 3), name="image")
x = layers.Conv2D(16, 3, activation="relu", name="conv1")(inputs)
x = layers.Conv2D(32, 3, activation="relu", name="conv2")(x)
x = layers.MaxPooling2D(name="pool")(x)
x = layers.Flatten(name="flatten")(x)
outputs = layers.Dense(4, name="logits")(x)
model = keras.Model(inputs, outputs, name="probe")

conv2 = model.get_layer("conv2")
print(conv2.name, conv2.output.shape, conv2.input.shape, conv2.count_params())
print(model.get_layer(index=3).name)
print(model.layers[-1].name, len(model.layers))
print(model.inputs[0].shape, model.outputs[0].shape)
print(model.input_shape, model.output_shape)
for layer in model.layers:
    print(f"{layer.name:10s} {str(layer.output.shape):20s} {layer.count_params()}")

feature_extractor = keras.Model(inputs=model.inputs, outputs=[layer.output for layer in model.layers])
print(len(feature_extractor.outputs))
trunk = keras.Model(model.input, model.get_layer("pool").output, name="trunk")
print(trunk.output_shape)
