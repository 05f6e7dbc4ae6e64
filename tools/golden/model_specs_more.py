"""More hand-written architectures for the model-file golden data: a ViT-like encoder, a GAN
generator, a Siamese pair around one shared nested tower, a dilated causal TCN with masking and
attention, a preprocessing CNN and a convolutional autoencoder. First used as a check on
architectures kshape had never seen; kept so CI keeps checking them."""

from keras_runtime import keras

L = keras.layers


def vit():
    i = keras.Input((None, None, 3), name="img")
    x = L.Conv2D(32, 16, strides=16)(i)
    x = L.Reshape((-1, 32))(x)
    for _ in range(2):
        h = L.LayerNormalization()(x)
        h = L.MultiHeadAttention(4, 8)(h, h)
        x = L.Add()([x, h])
        h = L.LayerNormalization()(x)
        h = L.Dense(64, activation="gelu")(h)
        h = L.Dense(32)(h)
        x = L.Add()([x, h])
    x = L.GlobalAveragePooling1D()(x)
    return keras.Model(i, L.Dense(10)(x), name="vit")

def gan_generator():
    z = keras.Input((64,), name="z")
    x = L.Dense(4 * 4 * 64, use_bias=False)(z)
    x = L.BatchNormalization()(x)
    x = L.LeakyReLU(0.2)(x)
    x = L.Reshape((4, 4, 64))(x)
    for f in (32, 16):
        x = L.Conv2DTranspose(f, 4, strides=2, padding="same", use_bias=False)(x)
        x = L.BatchNormalization()(x)
        x = L.LeakyReLU(0.2)(x)
    return keras.Model(z, L.Conv2DTranspose(3, 4, strides=2, padding="same", activation="tanh")(x), name="gen")

def siamese():
    base = keras.Sequential([keras.Input((None, None, 1)), L.Conv2D(8, 3, activation="relu"), L.MaxPooling2D(), L.Conv2D(16, 3), L.GlobalMaxPooling2D()], name="tower")
    a = keras.Input((None, None, 1), name="a")
    b = keras.Input((None, None, 1), name="b")
    fa, fb = base(a), base(b)
    d = L.Subtract()([fa, fb])
    d = keras.ops.abs(d)
    return keras.Model([a, b], L.Dense(1, activation="sigmoid")(d), name="siamese")

def tcn():
    i = keras.Input((None, 8), name="seq")
    x = i
    for d in (1, 2, 4, 8):
        y = L.Conv1D(16, 3, padding="causal", dilation_rate=d, activation="relu")(x)
        y = L.SpatialDropout1D(0.1)(y)
        x = L.Add()([L.Conv1D(16, 1)(x) if x.shape[-1] != 16 else x, y])
    x = L.Masking()(x)
    x = L.GRU(8, return_sequences=True)(x)
    x = L.AdditiveAttention()([x, x])
    return keras.Model(i, L.Dense(1)(L.GlobalAveragePooling1D()(x)), name="tcn")

def preprocess_cnn():
    i = keras.Input((None, None, 3), name="raw")
    x = L.Resizing(64, 64)(i)
    x = L.Rescaling(1 / 255.0)(x)
    x = L.RandomFlip()(x)
    x = L.Conv2D(8, 3, kernel_regularizer=keras.regularizers.L2(1e-4))(x)
    x = L.SeparableConv2D(16, 3, strides=2, depth_multiplier=2)(x)
    x = L.UpSampling2D(interpolation="bilinear")(x)
    x = L.Cropping2D(((1, 2), (3, 0)))(x)
    x = L.Flatten()(x)
    return keras.Model(i, L.Dense(5)(x), name="preprocess_cnn")

def autoencoder():
    i = keras.Input((None, None, 1), name="x")
    e = L.Conv2D(8, 3, strides=2, padding="same")(i)
    e = L.Conv2D(16, 3, strides=2, padding="same")(e)
    d = L.Conv2DTranspose(8, 3, strides=2, padding="same")(e)
    d = L.Conv2DTranspose(1, 3, strides=2, padding="same")(d)
    out = L.Concatenate()([d, i])
    return keras.Model(i, out, name="autoencoder")
