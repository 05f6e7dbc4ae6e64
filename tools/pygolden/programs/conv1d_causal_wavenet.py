from keras import layers, Model, Input

inp = Input(shape=(None, 1))
x = inp
skips = []
for i, rate in enumerate((1, 2, 4, 8) * 2):
    x = layers.Conv1D(20, kernel_size=2, padding="causal", activation="relu",
                      dilation_rate=rate, name=f"causal_{i}")(x)
    skips.append(x)
x = layers.Add()(skips)
x = layers.Conv1D(10, kernel_size=1)(x)
model = Model(inp, x)
print(len(skips), model.output_shape)
print(model.get_layer("causal_7").dilation_rate)
