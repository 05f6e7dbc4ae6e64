import keras
from keras import layers

# Keras's transfer-learning guide with a small base of our own: freeze the base, train a head,
# then unfreeze the top of the base and fine-tune.
base_model = keras.Sequential(
    [
        keras.Input((32, 32, 3)),
        layers.Conv2D(8, 3, activation="relu"),
        layers.BatchNormalization(),
        layers.Conv2D(16, 3, activation="relu"),
        layers.BatchNormalization(),
        layers.GlobalAveragePooling2D(),
    ],
    name="base",
)
base_model.trainable = False
print(base_model.trainable, len(base_model.trainable_weights), len(base_model.non_trainable_weights))

inputs = keras.Input((32, 32, 3))
x = base_model(inputs, training=False)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
model.summary()
print(len(model.trainable_weights), len(model.non_trainable_weights))

# Fine-tuning: the whole base trainable again, then its first layers frozen.
base_model.trainable = True
for layer in base_model.layers[:2]:
    layer.trainable = False
print([layer.trainable for layer in base_model.layers])
model.summary()
print(len(model.trainable_weights), len(model.non_trainable_weights))

# A layer frozen before it is built, and a functional model frozen as a whole.
head = layers.Dense(4)
head.trainable = False
y = head(outputs)
frozen = keras.Model(inputs, y)
frozen.trainable = False
print(head.trainable, [w.trainable for w in head.weights], len(frozen.trainable_weights))
frozen.summary()
