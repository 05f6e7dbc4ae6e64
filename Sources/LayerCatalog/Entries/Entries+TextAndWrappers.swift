import ShapeCore

// The layers Keras builds with TensorFlow ops (hashing, lookups, text), and the two wrappers
// SpectralNormalization and Pipeline.

extension Catalog {
  /// Keywords the lookup layers pop themselves (`dtype` and `trainable` are read and dropped;
  /// `vocabulary_size` and `has_input_vocabulary` come from saved configs); no other Layer
  /// keyword is accepted.
  private static let lookupKeywords = [
    Parameter("dtype", Value.none), Parameter("trainable", .bool(true)),
    Parameter("vocabulary_size", Value.none), Parameter("has_input_vocabulary", Value.none),
  ]

  static let textAndWrappers: [LayerEntry] = [
    LayerEntry(
      className: "Hashing", aliases: [], family: "Categorical preprocessing",
      signature: Hashing.signature,
      rule: "int: shape unchanged, int64; one_hot/multi_hot/count: (in[:-1]..., num_bins), "
        + "float32", example: "Hashing(num_bins=64)",
      make: { a throws(LayerError) in try Hashing(a) }),
    LayerEntry(
      className: "HashedCrossing", aliases: [], family: "Categorical preprocessing",
      signature: HashedCrossing.signature,
      rule: "[a, b] with equal last dims -> a's shape (int, int64); one_hot: (a..., num_bins)",
      example: "HashedCrossing(num_bins=32)",
      make: { a throws(LayerError) in try HashedCrossing(a) }),
    LayerEntry(
      className: "StringLookup", aliases: [], family: "Categorical preprocessing",
      signature: Signature(
        [
          Parameter("max_tokens", Value.none), Parameter("num_oov_indices", .int(1)),
          Parameter("mask_token", Value.none), Parameter("oov_token", .string("[UNK]")),
          Parameter("vocabulary", Value.none), Parameter("idf_weights", Value.none),
          Parameter("invert", .bool(false)), Parameter("output_mode", .string("int")),
          Parameter("pad_to_max_tokens", .bool(false)), Parameter("sparse", .bool(false)),
          Parameter("encoding", .string("utf-8")), Parameter("name", Value.none),
          Parameter("salt", Value.none),
        ],
        // IndexLookup's `oov_method` reaches it through **kwargs; its get_config writes it.
        extraKeywords: lookupKeywords + [Parameter("oov_method", .string("floormod"))],
        takesBaseKeywords: false),
      rule: "int: shape unchanged, int64; one_hot: (..., depth); multi_hot/count/tf_idf: "
        + "(in[:-1]..., depth), float32; depth = len(vocabulary) + num_oov_indices",
      example: "StringLookup(vocabulary=['a', 'b', 'c'], output_mode='one_hot')",
      make: { a throws(LayerError) in
        try Lookup.checkSparse(a)
        return try Lookup(LookupSettings(.string, a), layer: a.layer)
      }),
    LayerEntry(
      className: "IntegerLookup", aliases: [], family: "Categorical preprocessing",
      signature: Signature(
        [
          Parameter("max_tokens", Value.none), Parameter("num_oov_indices", .int(1)),
          Parameter("mask_token", Value.none), Parameter("oov_token", .int(-1)),
          Parameter("vocabulary", Value.none), Parameter("vocabulary_dtype", .string("int64")),
          Parameter("idf_weights", Value.none), Parameter("invert", .bool(false)),
          Parameter("output_mode", .string("int")), Parameter("sparse", .bool(false)),
          Parameter("pad_to_max_tokens", .bool(false)),
          Parameter("oov_method", .string("floormod")), Parameter("salt", Value.none),
          Parameter("name", Value.none),
        ], extraKeywords: lookupKeywords, takesBaseKeywords: false),
      rule: "int: shape unchanged, int64; one_hot: (..., depth); multi_hot/count/tf_idf: "
        + "(in[:-1]..., depth), float32; depth = len(vocabulary) + num_oov_indices",
      example: "IntegerLookup(vocabulary=[12, 36, 1138], output_mode='multi_hot')",
      make: { a throws(LayerError) in try integerLookup(a) }),
    LayerEntry(
      className: "TextVectorization", aliases: [], family: "Text preprocessing",
      signature: TextVectorization.signature,
      rule: "int: (batch, output_sequence_length), int64; other modes: (batch, depth) from a "
        + "rank-1 input, depth = len(vocabulary) + 1, float32",
      example: "TextVectorization(max_tokens=20000, output_sequence_length=128)",
      make: { a throws(LayerError) in try TextVectorization(a) }),
    LayerEntry(
      className: "SpectralNormalization", aliases: [], family: "Wrappers",
      signature: SpectralNormalization.signature,
      rule: "the layer's output; params = the layer's + vector_u (1, kernel.shape[-1]), "
        + "non-trainable", example: "SpectralNormalization(Conv2D(64, 3))",
      make: { a throws(LayerError) in try SpectralNormalization(a) }),
    LayerEntry(
      className: "Pipeline", aliases: [], family: "Wrappers", signature: Pipeline.signature,
      rule: "the layers applied in turn; params = theirs",
      example: "Pipeline([RandomFlip(), RandomRotation(0.1)])",
      make: { a throws(LayerError) in try Pipeline(a) }),
  ]

  /// IntegerLookup's own checks come before IndexLookup's.
  private static func integerLookup(_ a: BoundArguments) throws(LayerError) -> Lookup {
    if a["max_tokens"] != .none,
      try Python.compare(a["max_tokens"], "<=", .int(1), layer: a.layer, argument: "max_tokens")
    {
      throw LayerError(
        "\(a.layer): If `max_tokens` is set for `IntegerLookup`, it must be greater than 1. "
          + "Received: max_tokens=\(a["max_tokens"].pythonStr)", argument: "max_tokens")
    }
    if try Python.compare(
      a["num_oov_indices"], "<", .int(0), layer: a.layer, argument: "num_oov_indices")
    {
      throw LayerError(
        "\(a.layer): The value of `num_oov_indices` argument for `IntegerLookup` must >= 0. "
          + "Received: num_oov_indices=\(a["num_oov_indices"].pythonStr)",
        argument: "num_oov_indices")
    }
    try Lookup.checkSparse(a)
    if a["vocabulary_dtype"] != .string("int64") {
      throw LayerError(
        "\(a.layer): Only `vocabulary_dtype='int64'` is supported at this time. Received: "
          + "vocabulary_dtype=\(a["vocabulary_dtype"].pythonStr)", argument: "vocabulary_dtype")
    }
    return try Lookup(LookupSettings(.int64, a), layer: a.layer)
  }
}
