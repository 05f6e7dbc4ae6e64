import keras
from keras import layers

weight_decay = 1e-4

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(
    32,
    (3, 3),
    padding="same",
    kernel_initializer=keras.initializers.HeNormal(),
    kernel_regularizer=keras.regularizers.L2(weight_decay),
)(inputs)
x = layers.BatchNormalization(momentum=0.9)(x)
x = layers.Activation("relu")(x)
x = layers.Conv2D(64, 3, kernel_initializer="he_uniform",
                  kernel_regularizer=keras.regularizers.l2(weight_decay),
                  bias_initializer=keras.initializers.Zeros())(x)
x = layers.Flatten()(x)
x = layers.Dense(
    128,
    activation="relu",
    kernel_constraint=keras.constraints.MaxNorm(3),
    kernel_regularizer=keras.regularizers.L1L2(l1=1e-5, l2=1e-4),
    activity_regularizer=keras.regularizers.L1(1e-5),
)(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(10, kernel_initializer=keras.initializers.GlorotUniform(seed=42))(x)
model = keras.Model(inputs, outputs)
print(model.count_params())
model.summary()
