import keras
from keras import ops
from keras.layers import Input, Conv2D, Dense

inputs = Input(shape=(32, 32, 3))
x = Conv2D(16, 3, padding="same", activation="relu")(inputs)
avg = ops.mean(x, axis=[1, 2])
mx = ops.max(x, axis=[1, 2])
both = ops.concatenate([avg, mx], axis=-1)
print(avg.shape, both.shape)
h, w, c = x.shape[1], x.shape[2], x.shape[3]
flat = ops.reshape(x, (-1, h * w, c))
print(flat.shape)
t = ops.transpose(flat, axes=(0, 2, 1))
print(t.shape)
e = ops.expand_dims(both, axis=1)
s = ops.squeeze(e, axis=1)
y = Dense(10)(s)
model = keras.Model(inputs, [y, t])
model.summary()
print(model.output_shape)
