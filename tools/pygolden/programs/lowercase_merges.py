import keras
from keras import layers

a = keras.Input(shape=(16,), name="a")
b = keras.Input(shape=(16,), name="b")
c = keras.Input(shape=(1,), name="c")

added = layers.add([a, b])
subtracted = layers.subtract([a, b])
multiplied = layers.multiply([a, b])
averaged = layers.average([a, b, added])
biggest = layers.maximum([a, b])
smallest = layers.minimum([a, b])
broadcast = layers.add([a, c])
dotted = layers.dot([a, b], axes=1)
cosine = layers.dot([a, b], axes=-1, normalize=True)
joined = layers.concatenate([added, subtracted, multiplied, dotted], axis=-1)

for t in [added, subtracted, multiplied, averaged, biggest, smallest, broadcast, dotted, cosine, joined]:
    print(t.shape)

model = keras.Model(inputs=[a, b, c], outputs=[joined, averaged, biggest, smallest, broadcast, cosine])
print([layer.__class__.__name__ for layer in model.layers])
print(len(model.outputs))
