from keras.models import Sequential
from keras.layers import Input, Dense, TimeDistributed, LSTM

model = Sequential()
model.add(Input(shape=(20, 8)))
model.add(LSTM(32))
model.add(TimeDistributed(Dense(1)))
model.summary()
