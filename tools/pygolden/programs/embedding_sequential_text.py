import keras
from keras import layers

max_words = 10000
maxlen = 100
embedding_dim = 50

model = keras.Sequential()
model.add(layers.Embedding(max_words, embedding_dim))
model.add(layers.Conv1D(32, 7, activation="relu"))
model.add(layers.MaxPooling1D(5))
model.add(layers.Conv1D(32, 7, activation="relu"))
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1))
model.build(input_shape=(None, maxlen))
model.summary()
print(model.output_shape)
