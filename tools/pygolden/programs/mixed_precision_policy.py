import keras
from keras import layers

keras.mixed_precision.set_global_policy("mixed_float16")

inputs = keras.Input(shape=(784,), name="digits")
x = layers.Dense(256, activation="relu", name="dense_1")(inputs)
x = layers.Dense(256, activation="relu", name="dense_2")(x)
x = layers.Dense(10, name="dense_logits")(x)
outputs = layers.Activation("softmax", dtype="float32", name="predictions")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
print(x.dtype, outputs.dtype)
print(model.get_layer("dense_1").dtype_policy)
print(model.get_layer("dense_1").compute_dtype, model.get_layer("dense_1").variable_dtype)
model.summary()
