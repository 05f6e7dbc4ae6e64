import keras
from keras import layers

frames, height, width, channels = 10, 64, 64, 3

video = keras.Input(shape=(frames, height, width, channels), name="video")
x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(video)
x = layers.TimeDistributed(layers.MaxPooling2D(2))(x)
x = layers.ConvLSTM2D(filters=8, kernel_size=(3, 3), padding="same", return_sequences=True)(x)
x = layers.BatchNormalization()(x)
x = layers.Conv3D(filters=1, kernel_size=(3, 3, 3), activation="sigmoid", padding="same")(x)
frame_features = layers.TimeDistributed(layers.GlobalAveragePooling2D())(x)
summary_vec = layers.GlobalAveragePooling1D()(frame_features)
model = keras.Model(video, [x, summary_vec])
print(x.shape, frame_features.shape, summary_vec.shape)
model.summary()
