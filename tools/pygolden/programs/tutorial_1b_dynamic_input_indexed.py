import keras_core as keras
import numpy as np

# The tutorial's first block with the model's list output indexed: Keras 3 returns a list
# when the model was built with outputs=[op].
ip = keras.layers.Input((None, None, 3))
op = keras.layers.Conv2D(3, (5, 5), padding='valid')(ip)
model = keras.models.Model(inputs=[ip], outputs=[op])
print("model output:", model.output)

specific_input_tensor = keras.layers.Input((100, 100, 3))
output_tensor_for_specific_input = model(specific_input_tensor)
print("type:", type(output_tensor_for_specific_input).__name__, len(output_tensor_for_specific_input))
print("shape:", output_tensor_for_specific_input[0].shape)

x_sample = np.random.random((1, 100, 100, 3)).astype(np.float32)
y_sample = model.predict(x_sample)
print("after running data:", y_sample.shape)
print(x_sample.shape, x_sample.dtype)
