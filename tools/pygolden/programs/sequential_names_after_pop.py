import keras
from keras import layers

# A Sequential's layer names must be unique: a name freed by pop() can be used again, and a
# name still in the model is refused (the error is the last statement).
model = keras.Sequential([keras.Input((16,))] + [layers.Dense(8, name=f"d{i}") for i in range(6)])
print(len(model.layers), model.layers[-1].output.shape)
model.pop()
model.add(layers.Dense(4, name="d5"))
print([layer.name for layer in model.layers])
model.add(layers.Dense(2, name="extra"))
model.pop(rebuild=False)
model.add(layers.Dense(3, name="extra"))
print(model.layers[-1].output.shape, len(model.layers))
model.add(layers.Dense(3, name="d2"))
