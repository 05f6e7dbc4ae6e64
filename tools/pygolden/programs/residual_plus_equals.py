import keras
from keras import layers

inputs = keras.Input(shape=(None, 64))
x = inputs
for i in range(3):
    residual = x
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    x = layers.Dense(128, activation="gelu")(x)
    x = layers.Dense(64)(x)
    x += residual
    print(i, x.shape, x.name)
outputs = layers.GlobalAveragePooling1D()(x)
model = keras.Model(inputs, outputs)
print(model.output_shape)
print([layer.__class__.__name__ for layer in model.layers])
model.summary()
