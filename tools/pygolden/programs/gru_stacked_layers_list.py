from keras import Sequential
from keras.layers import GRU, Dense, Input, LayerNormalization

n_steps = 50
n_layers = 3
units = [64, 32, 16]

model = Sequential([Input(shape=(n_steps, 1))] + [
    GRU(units[i], return_sequences=i < n_layers - 1) for i in range(n_layers)
] + [Dense(1)])
model.summary()

seq2seq = Sequential()
seq2seq.add(Input(shape=[None, 1]))
seq2seq.add(GRU(20, return_sequences=True))
seq2seq.add(LayerNormalization())
seq2seq.add(GRU(20, return_sequences=True))
seq2seq.add(Dense(10))
print(seq2seq.output_shape)
print(seq2seq.count_params())
