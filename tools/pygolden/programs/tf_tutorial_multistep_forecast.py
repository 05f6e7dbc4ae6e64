import tensorflow as tf

OUT_STEPS = 24
num_features = 19
CONV_WIDTH = 3

multi_dense_model = tf.keras.Sequential([
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(512, activation='relu'),
    tf.keras.layers.Dense(OUT_STEPS*num_features,
                          kernel_initializer=tf.initializers.zeros()),
    tf.keras.layers.Reshape([OUT_STEPS, num_features])
])
multi_dense_model.build(input_shape=(None, 24, num_features))

multi_lstm_model = tf.keras.Sequential([
    tf.keras.layers.LSTM(32, return_sequences=False),
    tf.keras.layers.Dense(OUT_STEPS*num_features,
                          kernel_initializer=tf.initializers.zeros()),
    tf.keras.layers.Reshape([OUT_STEPS, num_features])
])
window_input = tf.keras.Input(shape=(24, num_features))
print('Output shape (batch, time, features): ', multi_lstm_model(window_input).shape)
multi_dense_model.summary()
multi_lstm_model.summary()
