import keras
from keras import layers, ops

num_heads = 4
inputs = keras.Input(shape=(None, 64))
print(ops.shape(inputs))
x = layers.Dense(64)(inputs)
head_dim = x.shape[-1] // num_heads
x = layers.Reshape((-1, num_heads, head_dim))(x)
x = layers.Permute((2, 1, 3))(x)
print(x.shape)
scores = ops.matmul(x, ops.transpose(x, (0, 1, 3, 2)))
weights = ops.softmax(scores / ops.sqrt(float(head_dim)), axis=-1)
context = ops.matmul(weights, x)
print(scores.shape, context.shape)
model = keras.Model(inputs, context)
print(model.output_shape)
