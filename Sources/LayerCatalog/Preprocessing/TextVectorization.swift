import ShapeCore

/// TextVectorization: 'int' gives (batch, output_sequence_length), int64. Other modes run its
/// StringLookup (mask '', one OOV token) on the split tokens: in + (None,) when splitting, a
/// rank-1 input as (batch, 1) without; depth = vocabulary + 1, float32.
public struct TextVectorization: Layer {
  public var sequenceLength: Value
  public var splits: Bool
  var lookup: Lookup

  public static let signature = Signature(
    [
      Parameter("max_tokens", Value.none),
      Parameter("standardize", .string("lower_and_strip_punctuation")),
      Parameter("split", .string("whitespace")), Parameter("ngrams", Value.none),
      Parameter("output_mode", .string("int")), Parameter("output_sequence_length", Value.none),
      Parameter("pad_to_max_tokens", .bool(false)), Parameter("vocabulary", Value.none),
      Parameter("idf_weights", Value.none), Parameter("sparse", .bool(false)),
      Parameter("ragged", .bool(false)), Parameter("encoding", .string("utf-8")),
      Parameter("name", Value.none),
    ],
    extraKeywords: [
      Parameter("vocabulary_size", Value.none), Parameter("has_input_vocabulary", Value.none),
    ])

  public init(_ a: BoundArguments) throws(LayerError) {
    try Lookup.checkSparse(a)
    try Lookup.checkSparse(a, "ragged")
    try Lookup.validateString(
      a["standardize"], ["lower_and_strip_punctuation", "lower", "strip_punctuation"],
      owner: a.layer, argument: "standardize", allowNone: true)
    try Lookup.validateString(
      a["split"], ["whitespace", "character"], owner: a.layer, argument: "split", allowNone: true)
    var mode = a["output_mode"]
    if mode == .string("binary") { mode = .string("multi_hot") }
    if mode == .string("tf-idf") { mode = .string("tf_idf") }
    try Lookup.validateString(
      mode, ["int", "one_hot", "multi_hot", "count", "tf_idf"], owner: a.layer,
      argument: "output_mode")
    let ngrams = a["ngrams"]
    let ngramsOK: Bool =
      switch ngrams {
      case .none, .int, .bool: true
      case .tuple(let xs): xs.allSatisfy { $0.pythonInt != nil }
      default: false
      }
    if !ngramsOK {
      throw LayerError(
        "\(a.layer): `ngrams` must be None, an integer, or a tuple of integers. Received: "
          + "ngrams=\(ngrams.pythonStr)", argument: "ngrams", hint: "such as ngrams=2 or (1, 2)")
    }
    sequenceLength = a["output_sequence_length"]
    if mode == .string("int") && sequenceLength != .none && sequenceLength.pythonInt == nil {
      throw LayerError(
        "\(a.layer): `output_sequence_length` must be either None or an integer when "
          + "`output_mode` is 'int'. Received: output_sequence_length=\(sequenceLength.pythonStr)",
        argument: "output_sequence_length")
    }
    if mode != .string("int") && sequenceLength != .none {
      throw LayerError(
        "\(a.layer): `output_sequence_length` must not be set if `output_mode` is not 'int'. "
          + "Received output_sequence_length=\(sequenceLength.pythonStr).",
        argument: "output_sequence_length", hint: "it pads or truncates 'int' output only")
    }
    splits = a["split"] != .none
    var s = LookupSettings(.string, oovToken: .string("[UNK]"), vocabulary: a["vocabulary"])
    s.maxTokens = a["max_tokens"]
    s.idfWeights = a["idf_weights"]
    s.padToMaxTokens = a["pad_to_max_tokens"]
    s.maskToken = .string("")
    s.outputMode = mode
    s.vocabularySize = a["vocabulary_size"]
    if a.isGiven("has_input_vocabulary") {
      s.hasInputVocabulary = a["has_input_vocabulary"].isTruthy
    }
    lookup = try Lookup(s, layer: a.layer)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    if lookup.mode == "int" {
      let shape = try standardizeShape(
        [.dim(x.shape.first ?? .unknown), .value(sequenceLength)], c)
      return LayerOutput([TensorType(shape: shape, dtype: .int64)])
    }
    let tokens: [Dim] =
      splits ? x.shape + [.unknown] : (x.rank <= 1 ? x.shape + [.known(1)] : x.shape)
    return LayerOutput([try lookup.output(tokens, c)])
  }
}
