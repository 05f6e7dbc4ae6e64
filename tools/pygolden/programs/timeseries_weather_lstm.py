from tensorflow import keras

past = 720
step = 6
sequence_length = int(past / step)
num_features = 7
learning_rate = 0.001

inputs = keras.layers.Input(shape=(sequence_length, num_features))
lstm_out = keras.layers.LSTM(32)(inputs)
outputs = keras.layers.Dense(1)(lstm_out)

model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss="mse")
model.summary()
print(f"sequence_length={sequence_length}, input={inputs.shape}")
