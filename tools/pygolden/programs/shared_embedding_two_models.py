import keras
from keras import layers

vocab = 5000
shared_embedding = layers.Embedding(vocab, 32, name="shared_embedding")
shared_lstm = layers.LSTM(16, name="shared_lstm")

question = keras.Input(shape=(None,), dtype="int32", name="question")
answer = keras.Input(shape=(None,), dtype="int32", name="answer")
q = shared_lstm(shared_embedding(question))
a = shared_lstm(shared_embedding(answer))
score = layers.Dot(axes=1, normalize=True)([q, a])
matcher = keras.Model([question, answer], score, name="matcher")

single = keras.Input(shape=(12,), dtype="int32")
encoder = keras.Model(single, shared_lstm(shared_embedding(single)), name="encoder")

print(len(shared_embedding._inbound_nodes), len(shared_lstm._inbound_nodes))
print(matcher.count_params(), encoder.count_params())
print(shared_lstm.count_params())
matcher.summary()
encoder.summary()
