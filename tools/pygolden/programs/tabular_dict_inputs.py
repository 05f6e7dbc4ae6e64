import keras
from keras import layers

numeric_features = ["age", "trestbps", "chol", "thalach", "oldpeak"]
categorical_features = ["sex", "cp", "fbs"]

inputs = {}
for name in numeric_features:
    inputs[name] = keras.Input(shape=(1,), name=name)
for name in categorical_features:
    inputs[name] = keras.Input(shape=(1,), name=name, dtype="int64")

encoded = []
for name in numeric_features:
    encoded.append(layers.Normalization(mean=0.0, variance=1.0, name=f"norm_{name}")(inputs[name]))
for name in categorical_features:
    encoded.append(layers.CategoryEncoding(num_tokens=8, output_mode="one_hot", name=f"onehot_{name}")(inputs[name]))

all_features = layers.concatenate(encoded)
x = layers.Dense(32, activation="relu")(all_features)
x = layers.BatchNormalization()(x)
x = layers.Dropout(0.5)(x)
output = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, output)
print(len(inputs), all_features.shape, all_features.dtype)
print(model.count_params())
model.summary()
