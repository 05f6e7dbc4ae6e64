import keras
from keras import layers

hidden_units = [128, 64, 32]

model = keras.Sequential(name="deferred")
for i, units in enumerate(hidden_units):
    model.add(layers.Dense(units, activation="relu", name=f"hidden_{i}"))
model.add(layers.Dense(1))

print(model.built)
model.summary()
model.build(input_shape=(None, 16))
print(model.built)
model.summary()
print(model.count_params())
