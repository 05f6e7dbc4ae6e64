import keras
from keras import layers

sequence_length = 120
num_features = 7

inputs = keras.Input(shape=(sequence_length, num_features))
x = layers.GRU(32, return_sequences=True)(inputs)
x = layers.GRU(32, return_sequences=True, dropout=0.1)(x)
x = layers.SimpleRNN(16, return_sequences=True)(x)
per_step = layers.TimeDistributed(layers.Dense(1))(x)
last = layers.LSTM(8)(x)
forecast = layers.Dense(1)(last)
model = keras.Model(inputs, [forecast, per_step])
print(model.output_shape)
for layer in model.layers:
    print(layer.name, layer.count_params())
