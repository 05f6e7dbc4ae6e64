import keras
from keras import layers

height, width = 64, 48
channels = 3
inputs = keras.Input(shape=(height, width, channels))
total_pixels = height * width \
    * channels
x = layers.Conv2D(8, 3, strides=2, padding="same")(inputs)
logits = layers.Dense(4)(layers.Flatten()(layers.MaxPooling2D()(x)))
probs = layers.Softmax()(logits)
model = keras.Model(inputs, [logits, probs]) if total_pixels > 1000 \
    else keras.Model(inputs, logits)
print(total_pixels, x.shape, logits.shape)
print(len(model.outputs), model.output_shape)
print(max(d for d in x.shape[1:]), x.shape[1] * x.shape[2] // 2)
