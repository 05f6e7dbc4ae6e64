import keras
from keras import layers

model = keras.Sequential(
    [
        layers.Input(shape=(64, 64, 3)),
        layers.Convolution2D(32, 3, strides=2, padding="same"),
        layers.DepthwiseConv2D(3, depth_multiplier=2, padding="same"),
        layers.BatchNormalization(),
        layers.ReLU(max_value=6),
        layers.SeparableConvolution2D(64, 3, padding="same", depth_multiplier=1),
        layers.MaxPool2D(),
        layers.ZeroPadding2D(padding=1),
        layers.Cropping2D(cropping=((2, 0), (1, 1))),
        layers.UpSampling2D(size=(2, 3), interpolation="bilinear"),
        layers.GlobalAvgPool2D(keepdims=True),
        layers.Flatten(),
        layers.Dense(5),
    ],
    name="alias_soup",
)
model.summary()
for layer in model.layers:
    print(layer.__class__.__name__, layer.output.shape)
