import ShapeCore

/// Attention (Luong, dot or concat scores) and AdditiveAttention (Bahdanau), called on
/// `[query, value]` or `[query, value, key]`.
///
/// output = query.shape[:-1] + (value.shape[-1],); scores = query.shape[:-1] + (key.shape[-2],).
/// Keras checks nothing else: the shapes need not agree. params: Attention 1 per use_scale and 1
/// for score_mode='concat' (scalars); AdditiveAttention query.shape[-1] with use_scale.
public struct Attention: Layer {
  public var additive: Bool
  public var useScale: Bool
  public var concat: Bool

  public static let signature = Signature([
    Parameter("use_scale", .bool(false)), Parameter("score_mode", .string("dot")),
    Parameter("dropout", .float(0)), Parameter("seed", Value.none),
  ])

  /// `AdditiveAttention(use_scale=True, dropout=0.0, **kwargs)` hands its **kwargs to
  /// Attention's constructor, so `seed` and `score_mode` (validated there, unused by the additive
  /// build) are accepted; its get_config writes `seed`.
  public static let additiveSignature = Signature(
    [Parameter("use_scale", .bool(true)), Parameter("dropout", .float(0))],
    extraKeywords: [Parameter("score_mode", .string("dot")), Parameter("seed", Value.none)])

  /// `call(inputs, mask=None, training=False, return_attention_scores=False, use_causal_mask=False)`.
  static let callParameters = [
    "inputs", "mask", "training", "return_attention_scores", "use_causal_mask",
  ]

  public init(additive: Bool, _ a: BoundArguments) throws(LayerError) {
    self.additive = additive
    useScale = a["use_scale"].isTruthy
    // `if self.dropout > 0` needs a number; a positive rate makes a SeedGenerator(seed).
    guard let rate = a["dropout"].number else {
      throw LayerError(
        "\(a.layer): '>' not supported between \(a["dropout"].kindDescription) and an int. "
          + "Received: dropout=\(a["dropout"].pythonRepr)", argument: "dropout",
        hint: "dropout is a rate between 0 and 1")
    }
    if rate > 0, a["seed"] != .none, a["seed"].pythonInt == nil {
      throw LayerError(
        "\(a.layer): Argument `seed` must be an integer. Received: seed=\(a["seed"].pythonRepr)",
        argument: "seed")
    }
    let mode = a["score_mode"]
    guard mode == .string("dot") || mode == .string("concat") else {
      throw LayerError(
        "\(a.layer): Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
          + "Received: score_mode=\(mode.pythonRepr)", argument: "score_mode",
        hint: nearest(mode.pythonRepr, in: ["dot", "concat"]).map { "did you mean '\($0)'?" })
    }
    concat = !additive && mode == .string("concat")
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let args = try CallBinding(input, parameters: Self.callParameters, c)
    guard let xs = args.tensors("inputs") else {
      let given = (try? args.optionalTensor("inputs"))??.kerasShape ?? "a non-list"
      throw LayerError(
        "\(c.name) (\(c.className)): \(c.className) layer must be called on a list of inputs, "
          + "namely [query, value] or [query, value, key]. Received: inputs=\(given).",
        hint: "write \(c.name)([query, value])")
    }
    guard xs.count == 2 || xs.count == 3 else {
      throw LayerError(
        "\(c.name) (\(c.className)): \(c.className) layer accepts inputs list of length 2 or 3, "
          + "namely [query, value] or [query, value, key]. Received length: \(xs.count).")
    }
    let returnScores = try args.flag("return_attention_scores")
    let (query, value) = (xs[0], xs[1])
    let key = xs.count == 3 ? xs[2] : value
    var weights: [Weight] = []
    if additive, useScale {
      let dim = try c.weightDim(query, axis: query.rank - 1, what: "the query's last dimension")
      weights.append(Weight("scale", dims: [dim]))
    } else if useScale {
      weights.append(Weight("scale", []))
    }
    if concat { weights.append(Weight("concat_score_weight", [])) }
    let dtype = c.policy.computeDType
    let batchDims = Array(query.shape.dropLast())
    var outputs = [TensorType(shape: batchDims + [value.shape[value.rank - 1]], dtype: dtype)]
    if returnScores {
      guard key.rank >= 2 else {
        throw LayerError(
          "\(c.name) (\(c.className)): the attention scores take their length from "
            + "key.shape[-2], but the key has shape \(key.kerasShape) (Keras raises IndexError: "
            + "tuple index out of range)", hint: "the key needs a sequence axis: (batch, Tv, dim)")
      }
      outputs.append(TensorType(shape: batchDims + [key.shape[key.rank - 2]], dtype: dtype))
    }
    return LayerOutput(outputs, weights: weights)
  }
}
