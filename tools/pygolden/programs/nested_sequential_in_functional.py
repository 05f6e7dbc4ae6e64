from keras.models import Sequential, Model
from keras.layers import Dense, Conv2D, MaxPooling2D, Flatten, Input, Dropout, BatchNormalization

feature_extractor = Sequential(name="features")
for i, filters in enumerate([32, 64]):
    feature_extractor.add(Conv2D(filters, 3, activation="relu", padding="same", name=f"conv{i}"))
    feature_extractor.add(BatchNormalization(name=f"bn{i}"))
    feature_extractor.add(MaxPooling2D(name=f"pool{i}"))
feature_extractor.add(Flatten())
print(feature_extractor.built)

image = Input(shape=(48, 48, 1), name="image")
features = feature_extractor(image)
print(feature_extractor.built, features.shape)
hidden = Dense(128, activation="relu")(features)
hidden = Dropout(0.3)(hidden)
emotion = Dense(7, activation="softmax", name="emotion")(hidden)
model = Model(inputs=image, outputs=emotion)
model.summary()
print(feature_extractor.output_shape)
print([l.name for l in model.layers])
