import keras
from keras import layers, ops

inputs = keras.Input(shape=(10, 8))
x = layers.Dense(16)(inputs)
y = ops.reshape(x, (-1, 20, 8))
z = ops.transpose(x, (0, 2, 1))
m = ops.mean(x, axis=1)
s = ops.sum(x, axis=-1, keepdims=True)
e = ops.expand_dims(m, axis=1)
c = ops.concatenate([x, x], axis=-1)
scaled = x * 2.0 + 1
h = ops.relu(scaled)
sq = ops.squeeze(s, axis=-1)
mat = ops.matmul(x, z)
print(y.shape, z.shape, m.shape, s.shape, e.shape, c.shape)
print(scaled.shape, h.shape, sq.shape, mat.shape, mat.dtype)
outputs = layers.Dense(1)(ops.concatenate([m, ops.max(x, axis=1)], axis=-1))
model = keras.Model(inputs, outputs)
print(model.output_shape)
print([layer.name for layer in model.layers])
model.summary()
