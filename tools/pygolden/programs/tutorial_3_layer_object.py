import keras_core as keras

ip = keras.layers.Input((None, None, 3))
conv_layer = keras.layers.Conv2D(3, (5, 5), padding='valid')
op = conv_layer(ip)
print(op.shape)
print(conv_layer.output)
model = keras.models.Model(inputs=[ip], outputs=[op])
print(model.output[0].shape)
print(model.outputs)

fixed = keras.layers.Input((32, 32, 3))
fixed_out = conv_layer(fixed)
print(fixed_out.shape)
print(conv_layer.name, conv_layer.count_params())
model.summary()
