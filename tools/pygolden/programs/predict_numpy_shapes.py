import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 1)),
    layers.Conv2D(4, 3, padding="same"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(2),
])

x = np.zeros((4, 16, 16), dtype="float32")
x = np.expand_dims(x, -1)
print(x.shape)
y = model.predict(x)
print(y.shape, y.dtype)
batch = np.ones((3, 256)).reshape((3, 16, 16, 1))
print(model.predict(batch, verbose=0).shape)
r = np.random.rand(2, 16, 16, 1)
out = model(r)
print(out.shape)
e = np.empty((5, 16, 16, 1), dtype=np.float32)
print(model.predict(e, batch_size=2).shape)
