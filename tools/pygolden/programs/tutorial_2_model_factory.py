import keras_core as keras


def create_conv_model(input_tensor):
    op = keras.layers.Conv2D(3, (5, 5), padding='valid')(input_tensor)
    return keras.models.Model(inputs=[input_tensor], outputs=[op])


small_model = create_conv_model(keras.layers.Input((10, 10, 3)))
print("small:", small_model.output)
print(small_model.output[0].shape)

large_model = create_conv_model(keras.layers.Input((100, 100, 3)))
print("large:", large_model.output)
print(large_model.output[0].shape)
print(small_model.count_params(), large_model.count_params())
