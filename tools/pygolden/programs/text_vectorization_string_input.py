import keras
from keras import layers

max_tokens = 5000
sequence_length = 64

vectorize_layer = layers.TextVectorization(
    max_tokens=max_tokens,
    output_mode="int",
    output_sequence_length=sequence_length,
)

text_input = keras.Input(shape=(1,), dtype="string", name="text")
x = vectorize_layer(text_input)
print(x.shape, x.dtype)
x = layers.Embedding(max_tokens + 1, 16)(x)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Dense(16, activation="relu")(x)
output = layers.Dense(1)(x)
model = keras.Model(text_input, output)
model.summary()
