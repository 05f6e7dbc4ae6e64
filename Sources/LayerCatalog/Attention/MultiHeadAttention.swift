import ShapeCore

/// MultiHeadAttention: `mha(query, value)` or `mha(query, value, key)`.
///
/// output = query.shape[:-1] + output_shape (default: query.shape);
/// scores (return_attention_scores=True) = (B, num_heads, T, T) with T = query.shape[1], as
/// Keras's `compute_output_spec` says whatever the attention axes and the value length.
/// params = C_q*N*K + N*K + C_k*N*K + N*K + C_v*N*V + N*V + N*V*prod(output_shape) +
/// prod(output_shape) (biases only with use_bias; a gate adds C_q*N*V + N*V).
public struct MultiHeadAttention: Layer {
  public var numHeads: Int
  public var keyDim: Int
  public var valueDim: Int
  public var dropout: Value
  public var useBias: Bool
  public var useGate: Bool
  /// The `output_shape` items as given (None when not given or falsy).
  public var outputShape: [Value]?
  /// The `attention_axes` items as given; nil means all axes but batch, heads and features.
  public var attentionAxes: [Value]?

  public static let signature = Signature(
    [
      Parameter("num_heads"), Parameter("key_dim"), Parameter("value_dim", Value.none),
      Parameter("dropout", .float(0)), Parameter("use_bias", .bool(true)),
      Parameter("output_shape", Value.none), Parameter("attention_axes", Value.none),
    ] + AttentionArguments.common)

  public init(_ a: BoundArguments) throws(LayerError) {
    func positive(_ key: String, orNone: Bool = false) throws(LayerError) -> Int {
      guard let v = a[key].pythonInt, v > 0 else {
        throw LayerError(
          "\(a.layer): Received an invalid value for argument `\(key)`, expected a positive "
            + "integer\(orNone ? " or `None`" : ""). Received: \(key)=\(a[key].pythonRepr)",
          argument: key)
      }
      return v
    }
    numHeads = try positive("num_heads")
    keyDim = try positive("key_dim")
    valueDim = a["value_dim"] == .none ? keyDim : try positive("value_dim", orNone: true)
    dropout = a["dropout"]
    useBias = a["use_bias"].isTruthy
    useGate = a["use_gate"].isTruthy
    outputShape = try Self.outputShape(a)
    attentionAxes = try Self.attentionAxes(a)
    try AttentionArguments.validate(a)
  }

  /// Keras: an int becomes a 1-tuple, any iterable a tuple, a falsy value means None.
  static func outputShape(_ a: BoundArguments) throws(LayerError) -> [Value]? {
    let v = a["output_shape"]
    guard v.isTruthy else { return nil }
    switch v {
    case .int, .bool: return [v]
    case .tuple(let items), .list(let items): return items
    case .string(let s): return s.map { .string(String($0)) }
    default:
      throw LayerError(
        "\(a.layer): Invalid `output_shape`: \(v.pythonRepr). When specified, the "
          + "`output_shape` should be of type tuple, list, or int.", argument: "output_shape")
    }
  }

  /// Keras: an int becomes a 1-tuple; a list or tuple is kept; another truthy value raises.
  static func attentionAxes(_ a: BoundArguments) throws(LayerError) -> [Value]? {
    let v = a["attention_axes"]
    switch v {
    case .none: return nil
    case .int, .bool: return [v]
    case .tuple(let items), .list(let items): return items
    case _ where !v.isTruthy: return []
    default:
      throw LayerError(
        "\(a.layer): `attention_axes` must be an int, list, or tuple. Received: "
          + "attention_axes=\(v.pythonRepr)", argument: "attention_axes")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let args = try CallBinding(input, parameters: AttentionArguments.callParameters, c)
    let query = try args.tensor("query")
    let value = try args.tensor("value")
    let key = try args.optionalTensor("key") ?? value
    let returnScores = try args.flag("return_attention_scores")
    try AttentionArguments.requireSameExceptLast(value: value, key: key, c)
    let q = query.shape
    let k = key.shape
    let v = value.shape
    func project(_ name: String, _ shape: [Dim], _ t: TensorType, _ last: Int) throws(LayerError)
      -> [Weight]
    {
      try EinsumProjection.multiHead(
        name, freeDims: shape.count - 1, boundDims: 1, lastDims: [.known(numHeads), .known(last)],
        useBias: useBias
      ).weights(for: shape, c, inputDescription: t.kerasShape)
    }
    var weights = try project("query", q, query, keyDim)
    weights += try project("key", k, key, keyDim)
    if useGate { weights += try project("gate", q, query, valueDim) }
    weights += try project("value", v, value, valueDim)
    try checkAttentionAxes(rank: value.rank + 1, c)
    try AttentionArguments.checkDropoutRate(dropout, c)
    let last: [Dim]
    if let outputShape {
      last = try outputShape.map { item throws(LayerError) -> Dim in
        switch item {
        case .none: return .unknown
        default:
          guard let i = item.pythonInt else {
            throw LayerError(
              "\(c.name) (\(c.className)): Cannot convert the output shape "
                + "\(TensorType.tuple(outputShape.map(\.pythonRepr))) to a shape: "
                + "\(item.pythonRepr) is not an int", argument: "output_shape")
          }
          return .known(i)
        }
      }
    } else {
      last = [q.last ?? .unknown]
    }
    // The output projection is built on the query projection's output shape with the last
    // dim replaced by value_dim: (B, None, ..., num_heads, value_dim).
    let middle = [Dim](repeating: .unknown, count: max(0, q.count - 2))
    let projected: [Dim] = [q.first ?? .unknown] + middle + [.known(numHeads), .known(valueDim)]
    weights += try EinsumProjection.multiHead(
      "attention_output", freeDims: q.count - 1, boundDims: 2, lastDims: last, useBias: useBias
    ).weights(
      for: projected, c, inputDescription: TensorType.tuple(projected.map(\.kerasDescription)))
    let dtype = c.policy.computeDType
    var outputs = [
      TensorType(
        shape: outputShape == nil
          ? query.shape : query.shape.dropLast() + last,
        dtype: dtype)
    ]
    if returnScores {
      guard query.rank >= 2 else {
        throw LayerError("\(c.name) (\(c.className)): the query needs a sequence axis")
      }
      let t = query.shape[1]
      outputs.append(
        TensorType(shape: [query.shape[0], .known(numHeads), t, t], dtype: dtype))
    }
    return LayerOutput(outputs, weights: weights)
  }

  /// `_build_attention`: each axis is normalised against the projected rank (value rank + 1)
  /// as `axis if axis >= 0 else rank - 1 + axis`; numpy's `delete` then refuses an index
  /// outside [-rank, rank).
  private func checkAttentionAxes(rank: Int, _ c: LayerContext) throws(LayerError) {
    for item in attentionAxes ?? [] {
      guard let axis = item.pythonInt else {
        throw LayerError(
          "\(c.name) (\(c.className)): `attention_axes` must hold ints. Received: "
            + "\(item.pythonRepr)", argument: "attention_axes")
      }
      let normalized = axis >= 0 ? axis : rank - 1 + axis
      guard normalized >= -rank, normalized < rank else {
        throw LayerError(
          "\(c.name) (\(c.className)): attention axis \(axis) is out of range for a value of "
            + "rank \(rank - 1) (Keras raises IndexError: index \(normalized) is out of bounds "
            + "for axis 0 with size \(rank))", argument: "attention_axes",
          hint: "attention axes count the value's axes: 1 to \(max(1, rank - 3)) here")
      }
    }
  }
}
