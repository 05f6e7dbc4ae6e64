import keras
from keras import layers

IMG = 64


def conv_stack(x, filters_list, **kwargs):
    for i, f in enumerate(filters_list):
        x = layers.Conv2D(f, 3, padding="same", name=f"conv_{i + 1}", **kwargs)(x)
        x = layers.MaxPooling2D()(x)
    return x


inputs = keras.Input(shape=(IMG, IMG, 3), name="face")
features = conv_stack(inputs, [16, 32, 64], activation="relu")
features = layers.Flatten()(features)
age = layers.Dense(1, name="age")(layers.Dense(64, activation="relu")(features))
gender = layers.Dense(2, activation="softmax", name="gender")(features)
race = layers.Dense(5, activation="softmax", name="race")(features)
model = keras.Model(inputs=inputs, outputs={"age": age, "gender": gender, "race": race})
model.compile(optimizer="adam",
              loss={"age": "mse", "gender": "sparse_categorical_crossentropy",
                    "race": "sparse_categorical_crossentropy"})
print(model.output_shape)
print(features.shape)
model.summary()
