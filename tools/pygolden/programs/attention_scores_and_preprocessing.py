import keras
from keras import layers

query = keras.Input(shape=(10, 16), name="query")
value = keras.Input(shape=(12, 16), name="value")
out, scores = layers.MultiHeadAttention(num_heads=2, key_dim=8)(
    query, value, return_attention_scores=True
)
print(out.shape, scores.shape)
context, weights = layers.Attention(use_scale=True)([query, value], return_attention_scores=True)
print(context.shape, weights.shape)
similarity = layers.Dot(axes=(2, 2))([query, value])
print(similarity.shape)

masked = layers.Masking(mask_value=0.0)(query)
pooled = layers.GlobalAveragePooling1D()(masked)
upsampled = layers.UpSampling1D(3)(query)
dropped = layers.SpatialDropout1D(0.2)(upsampled)
print(pooled.shape, dropped.shape)

category = keras.Input(shape=(1,), dtype="int32", name="category")
one_hot = layers.CategoryEncoding(num_tokens=10, output_mode="one_hot")(category)
hashed = layers.Hashing(num_bins=8)(category)
print(one_hot.shape, hashed.shape, hashed.dtype)

fixed_batch = keras.Input(batch_shape=(4, 3, 32, 32), name="fixed_batch")
feat = layers.Conv2D(8, 3, data_format="channels_first")(fixed_batch)
feat = layers.MaxPooling2D(data_format="channels_first")(feat)
print(feat.shape)

merged = layers.concatenate([out, context], axis=1)
model = keras.Model(
    inputs=[query, value, category, fixed_batch],
    outputs=[merged, scores, one_hot, feat],
)
print(model.output_shape)
model.summary()
