import keras
from keras import layers
from keras import ops

embedding_dim = 48


def build_tower(input_shape):
    return keras.Sequential(
        [
            keras.Input(shape=input_shape),
            layers.Conv2D(8, 5, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(16, 5, activation="relu"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(embedding_dim),
        ],
        name="tower",
    )


tower = build_tower((64, 64, 1))
left = keras.Input(shape=(64, 64, 1), name="left")
right = keras.Input(shape=(64, 64, 1), name="right")
left_embedding = tower(left)
right_embedding = tower(right)

distance = layers.subtract([left_embedding, right_embedding])
distance = ops.abs(distance)
score = layers.Dense(1, activation="sigmoid")(distance)
siamese = keras.Model(inputs=[left, right], outputs=score)

print(left_embedding.shape, distance.shape)
print(siamese.count_params(), tower.count_params())
siamese.summary()
