/// Layers whose `__call__` never casts a float input to the compute dtype, so the cast's
/// KerasTensor (which takes a `keras_tensor_N` name) is not made: the ones that set
/// `self.autocast = False` (LayerNormalization, GroupNormalization, Embedding) or
/// `_convert_input_args = False` (lookup, hashing, encoding, RandomFlip, RandomCrop, Pipeline),
/// and Equalization. Measured in Keras 3.15: a float64 Input, the layer, then a Dense; these
/// give the layer's output `keras_tensor_1`, every other class `keras_tensor_2`.
enum InputCasts {
  static let never: Set<String> = [
    "LayerNormalization", "GroupNormalization", "Embedding", "RandomFlip", "RandomCrop",
    "Equalization", "Hashing", "HashedCrossing", "CategoryEncoding", "StringLookup",
    "IntegerLookup", "TextVectorization", "Pipeline",
  ]
}
