import keras
from keras import layers


def get_model(name, width):
    inputs = keras.Input(shape=(32,))
    x = layers.Dense(width, activation="relu")(inputs)
    outputs = layers.Dense(3)(x)
    return keras.Model(inputs, outputs, name=name)


members = [get_model(f"member_{i}", 16 * (i + 1)) for i in range(3)]
inputs = keras.Input(shape=(32,))
predictions = [member(inputs) for member in members]
outputs = layers.average(predictions)
ensemble = keras.Model(inputs=inputs, outputs=outputs, name="ensemble")
ensemble.summary()
print([m.count_params() for m in members], ensemble.count_params())
