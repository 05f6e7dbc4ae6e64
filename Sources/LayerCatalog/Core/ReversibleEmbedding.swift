import ShapeCore

/// ReversibleEmbedding: an Embedding that can also project back to the vocabulary.
/// `layer(ids)`: (batch, ...) -> (batch, ..., output_dim), as Embedding;
/// `layer(x, reverse=True)`: (batch, ..., d) -> (batch, ..., input_dim) (the last dim is replaced,
/// whatever d is: Keras's symbolic call checks nothing). Both give the compute dtype (not
/// `reverse_dtype`). params = input_dim*output_dim, plus output_dim*input_dim with
/// tie_weights=False.
public struct ReversibleEmbedding: Layer {
  var table: Embedding
  var tiesWeights: Bool

  /// Keras's own parameters; Embedding's others (weights, lora_rank, ...) pass through **kwargs.
  public static let signature: Signature = {
    let own = [
      Parameter("input_dim"), Parameter("output_dim"), Parameter("tie_weights", .bool(true)),
      Parameter("embeddings_initializer", .string("uniform")),
      Parameter("embeddings_regularizer", Value.none),
      Parameter("embeddings_constraint", Value.none), Parameter("mask_zero", .bool(false)),
      Parameter("reverse_dtype", Value.none), Parameter("logit_soft_cap", Value.none),
    ]
    let inherited = Embedding.signature.parameters + Embedding.signature.extraKeywords
    return Signature(
      own, extraKeywords: inherited.filter { p in !own.contains { $0.name == p.name } })
  }()

  /// The parameters of Keras's `call(inputs, reverse=False)`.
  static let callParameters = ["inputs", "reverse"]

  public init(_ a: BoundArguments) throws(LayerError) {
    table = try Embedding(table: a)
    // Python truthiness, as `if self.tie_weights` reads it.
    tiesWeights = a["tie_weights"].isTruthy
    if a["weights"] != .none {
      // Embedding.__init__ builds the layer to set the weights before ReversibleEmbedding.__init__
      // has set `tie_weights`; the build fails there, after Embedding's own LoRA checks.
      _ = try table.tableWeights(a.layer)
      throw LayerError(
        "\(a.layer): `weights` cannot be given: Embedding.__init__ builds the layer to set them "
          + "before `tie_weights` exists (AttributeError: 'ReversibleEmbedding' object has no "
          + "attribute 'tie_weights'). Received: weights=\(a["weights"].pythonRepr)",
        argument: "weights",
        hint: "leave `weights` out: it does not change the shapes")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let args = try CallBinding(Self.withoutTraining(input), parameters: Self.callParameters, c)
    let x = try args.main
    let weights = try buildWeights(c)
    guard try reverse(args, c) else { return LayerOutput([table.embed(x, c)], weights: weights) }
    guard let last = x.shape.indices.last else {
      throw LayerError(
        "\(c.name) (\(c.className)): the reverse projection replaces the last axis, but the input "
          + "is a scalar (IndexError: list assignment index out of range). Received: input shape "
          + x.kerasShape)
    }
    var shape = x.shape
    shape[last] = .known(table.inputDim)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)], weights: weights)
  }

  /// `build`: Embedding's weights, then `reverse_embeddings` (output_dim, input_dim) unless tied.
  func buildWeights(_ c: LayerContext) throws(LayerError) -> [Weight] {
    var weights = try table.tableWeights(c.name)
    guard !tiesWeights else { return weights }
    if table.enablesLora {
      throw LayerError(
        "\(c.name) (\(c.className)): lora_rank=\(table.loraRank.pythonRepr) with untied weights "
          + "cannot be built: Embedding.build enables LoRA and locks the layer's variables, so "
          + "adding `reverse_embeddings` fails (ValueError: None)", argument: "lora_rank",
        hint: "keep tie_weights=True, or leave lora_rank out and call enable_lora(rank) on the "
          + "built layer")
    }
    weights.append(Weight("reverse_embeddings", [table.outputDim, table.inputDim]))
    return weights
  }

  /// `if reverse:` in Python: a literal's truthiness, a list's non-emptiness; a tensor raises.
  private func reverse(_ args: CallBinding, _ c: LayerContext) throws(LayerError) -> Bool {
    switch args["reverse"] {
    case .tensor?:
      throw LayerError(
        "\(c.name) (\(c.className)): `reverse` must be a Python bool; a symbolic KerasTensor "
          + "cannot be used as a boolean", hint: "write reverse=True")
    case .tensors(let ts)?: return !ts.isEmpty
    case .value(let v)?: return v.isTruthy
    case nil: return false
    }
  }

  /// Keras's `Layer.__call__` takes `training=` itself when `call` has no such argument.
  private static func withoutTraining(_ input: LayerInput) -> LayerInput {
    guard case .call(let p, let k) = input else { return input }
    return .call(positional: p, keywords: k.filter { $0.0 != "training" })
  }
}
