extension Catalog {
  /// The classes whose `supports_masking` is True in Keras 3 (they set it, or override
  /// `compute_mask`); Embedding's follows `mask_zero` and Lambda's its `mask` argument.
  /// Checked against Keras by GoldenLayerAttributeTests (layer_attributes.jsonl).
  public static let supportsMasking: Set<String> = [
    "Activation", "ActivityRegularization", "Add", "AdditiveAttention", "AlphaDropout",
    "Attention", "Average", "BatchNormalization", "Bidirectional", "Concatenate", "ConvLSTM1D",
    "ConvLSTM2D", "ConvLSTM3D", "Dense", "Dot", "Dropout", "ELU", "GRU", "GaussianDropout",
    "GaussianNoise", "GlobalAveragePooling1D", "GroupNormalization", "GroupQueryAttention",
    "GroupedQueryAttention",
    "Identity", "LSTM", "LayerNormalization", "LeakyReLU", "Masking", "Maximum", "Minimum",
    "MultiHeadAttention", "Multiply", "Normalization", "PReLU", "RNN", "ReLU", "Rescaling",
    "SimpleRNN", "Softmax", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
    "Subtract", "TimeDistributed", "UnitNormalization",
  ]

  /// `layer.supports_masking` for a layer of `className` made with `arguments`.
  public static func supportsMasking(_ className: String, _ arguments: BoundArguments?) -> Bool {
    let name = entry(className)?.className ?? className
    switch name {
    case "Embedding", "ReversibleEmbedding": return arguments?["mask_zero"].isTruthy ?? false
    case "Lambda":
      if case .none? = arguments?["mask"] { return false }
      return arguments != nil
    default: return supportsMasking.contains(name)
    }
  }
}

extension Catalog {
  /// The classes Keras 3 makes built (`layer.built` before any call: they have no `build` of
  /// their own). An unbuilt Sequential's summary gives the others "0 (unbuilt)". Checked against
  /// Keras by GoldenLayerAttributeTests (layer_attributes.jsonl).
  public static let builtWhenMade: Set<String> = [
    "Activation", "ActivityRegularization", "AlphaDropout", "AveragePooling1D", "AveragePooling2D",
    "AveragePooling3D", "Dropout", "ELU", "GaussianDropout", "GaussianNoise",
    "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
    "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "Identity", "LeakyReLU",
    "Masking", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "ReLU", "Reshape", "Softmax",
    "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "UnitNormalization",
  ]

  /// `layer.built` for a layer of `className` that has not been called.
  public static func builtWhenMade(_ className: String) -> Bool {
    builtWhenMade.contains(entry(className)?.className ?? className)
  }
}
