import ShapeCore

/// Embedding: (batch, ...) -> (batch, ..., output_dim), any input rank and dtype;
/// params = input_dim * output_dim. The output is the compute dtype (float32 for int ids).
public struct Embedding: Layer {
  public var inputDim: Int
  public var outputDim: Int
  var loraRank: Value
  var constrained: Bool

  public static let signature = Signature(
    [
      Parameter("input_dim"), Parameter("output_dim"),
      Parameter("embeddings_initializer", .string("uniform")),
      Parameter("embeddings_regularizer", Value.none),
      Parameter("embeddings_constraint", Value.none), Parameter("mask_zero", .bool(false)),
      Parameter("weights", Value.none), Parameter("lora_rank", Value.none),
      Parameter("lora_alpha", Value.none), Parameter("quantization_config", Value.none),
    ],
    // Keras 3 pops the deprecated `input_length` (with a warning) and ignores it.
    extraKeywords: [Parameter("input_length", Value.none)])

  public init(_ a: BoundArguments) throws(LayerError) {
    try self.init(table: a)
    if a["weights"] != .none {
      // Keras builds the layer and calls set_weights, which needs arrays: a literal list fails.
      throw LayerError(
        "\(a.layer): `weights` must be arrays (NumPy); a literal list cannot initialize the "
          + "embeddings. Received: weights=\(a["weights"].pythonRepr)", argument: "weights",
        hint: "leave `weights` out: it does not change the shapes")
    }
  }

  /// The table's sizes and LoRA setting, checked as `Embedding.__init__` checks them; subclasses
  /// (ReversibleEmbedding) pass their arguments through here too.
  init(table a: BoundArguments) throws(LayerError) {
    func positive(_ key: String) throws(LayerError) -> Int {
      guard case .int(let i) = a[key], i > 0 else {
        throw LayerError(
          "\(a.layer): `\(key)` must be a positive integer. Received: \(key)="
            + "\(a[key].pythonRepr) (\(a[key].kindDescription))", argument: key)
      }
      return i
    }
    inputDim = try positive("input_dim")
    outputDim = try positive("output_dim")
    loraRank = a["lora_rank"]
    constrained = a["embeddings_constraint"] != .none
  }

  /// True when `build` enables LoRA (a truthy `lora_rank`), which locks the layer's variables.
  var enablesLora: Bool { loraRank.isTruthy }

  /// The weights `Embedding.build` creates: the (input_dim, output_dim) table, or with LoRA the
  /// frozen table plus lora_embeddings_a (input_dim, r) and lora_embeddings_b (r, output_dim).
  func tableWeights(_ layer: String) throws(LayerError) -> [Weight] {
    var weights = [Weight("embeddings", [inputDim, outputDim])]
    guard
      let r = try LoRA.rank(loraRank, constrained: constrained, weight: "embeddings", layer)
    else { return weights }
    weights[0].trainable = false
    weights += [
      Weight("lora_embeddings_a", [inputDim, r]), Weight("lora_embeddings_b", [r, outputDim]),
    ]
    return weights
  }

  /// The lookup: every id of `x` becomes an output_dim vector, in the compute dtype.
  func embed(_ x: TensorType, _ c: LayerContext) -> TensorType {
    TensorType(shape: x.shape + [.known(outputDim)], dtype: c.policy.computeDType)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    return LayerOutput([embed(x, c)], weights: try tableWeights(c.name))
  }
}
