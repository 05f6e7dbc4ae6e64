# A tutorial's defensive code: try a layer, fall back to another when Keras refuses the input.
# The failed layer keeps its name (conv2d), as a layer made before its call failed does in Keras.
import keras
from keras import layers

inputs = keras.Input((8,))
try:
    x = layers.Conv2D(4, 3)(inputs)
except ValueError as e:
    print("refused:", type(e).__name__)
    x = layers.Dense(16, activation="relu")(inputs)
try:
    x = layers.Reshape((3, 5))(x)
except ValueError:
    x = layers.Reshape((4, 4))(x)
finally:
    print("reshaped to", x.shape)
extra = layers.Conv1D(2, 3)
for units in [32, -1, 8]:
    try:
        x = layers.Dense(units)(x)
    except (TypeError, ValueError) as err:
        print("skipped", units, type(err).__name__)
outputs = layers.GlobalAveragePooling1D()(x)
model = keras.Model(inputs, outputs, name="fallbacks")
print([layer.name for layer in model.layers], extra.name)
model.summary()
