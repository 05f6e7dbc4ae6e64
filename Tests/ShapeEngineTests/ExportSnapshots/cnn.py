import keras

x = keras.Input(shape=(None, None, 3), name="input_layer")
conv2d = keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="conv2d")(x)
max_pooling2d = keras.layers.MaxPooling2D((2, 2), name="max_pooling2d")(conv2d)
batch_normalization = keras.layers.BatchNormalization(name="batch_normalization")(max_pooling2d)
conv2d_1 = keras.layers.Conv2D(64, (3, 3), dilation_rate=2, name="conv2d_1")(batch_normalization)
global_average_pooling2d = keras.layers.GlobalAveragePooling2D(name="global_average_pooling2d")(conv2d_1)
dropout = keras.layers.Dropout(0.25, name="dropout")(global_average_pooling2d)
probs = keras.layers.Dense(10, activation="softmax", name="probs")(dropout)
model = keras.Model(inputs=x, outputs=probs, name="functional")

if __name__ == "__main__":
    model.summary()
