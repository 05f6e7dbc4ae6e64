import keras
from keras import layers

IMG_SIZE = 96
IMG_SHAPE = (IMG_SIZE, IMG_SIZE) + (3,)

base_model = keras.applications.MobileNetV2(
    input_shape=IMG_SHAPE, alpha=0.35, include_top=False, weights=None
)
base_model.trainable = False
print(base_model.name, base_model.output_shape, len(base_model.layers))

inputs = keras.Input(shape=IMG_SHAPE)
x = layers.Rescaling(1.0 / 127.5, offset=-1)(inputs)
x = base_model(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.summary()
print(len(model.trainable_weights), len(model.non_trainable_weights))
