# The opening of many Kaggle notebooks: look for a TPU, fall back to the default strategy, and
# build the model inside its scope. On a machine without a TPU (and in kshape, which runs
# nothing) the resolver raises ValueError and the default strategy has one replica.
import tensorflow as tf
import keras
from keras import layers

try:
    tpu = tf.distribute.cluster_resolver.TPUClusterResolver()
    print("Running on TPU ", tpu.master())
except ValueError as e:
    print("no TPU:", e)
    tpu = None

if tpu:
    strategy = tf.distribute.TPUStrategy(tpu)
else:
    strategy = tf.distribute.get_strategy()
print("REPLICAS:", strategy.num_replicas_in_sync, type(strategy).__name__)
BATCH_SIZE = 16 * strategy.num_replicas_in_sync

with strategy.scope():
    inputs = keras.Input((32, 32, 3))
    x = layers.Conv2D(16, 3, activation="relu")(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs, outputs)

mirrored = tf.distribute.MirroredStrategy()
with mirrored.scope() as s:
    print(type(s).__name__, s.num_replicas_in_sync)
    head = layers.Dense(2)(model.output)
print(BATCH_SIZE, head.shape, model.output_shape)
