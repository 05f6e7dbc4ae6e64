import keras
from keras import layers

model = keras.Sequential(name="tabular")
model.add(layers.Dense(64, input_dim=20, activation="relu"))
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
print(model.name, model.output_shape)
print(model.count_params())
for layer in model.layers:
    print(layer.name, layer.output.shape, layer.count_params())
