import ShapeCore

/// GroupQueryAttention (Keras's class GroupedQueryAttention): `gqa(query, value)` or
/// `gqa(query, value, key)` on (batch, seq, features) tensors.
///
/// output = query.shape (query and value features must be equal);
/// scores = (B, num_query_heads, T_query, S) with S = key.shape[1] (value.shape[1] without key).
/// params = C_q*Nq*H + Nq*H + C_k*Nkv*H + Nkv*H + C_v*Nkv*H + Nkv*H + Nq*H*C_q + C_q
/// (biases only with use_bias; a gate adds C_q*Nq*H + Nq*H).
public struct GroupedQueryAttention: Layer {
  public var headDim: Int
  public var numQueryHeads: Int
  public var numKeyValueHeads: Int
  public var dropout: Value
  public var useBias: Bool
  public var useGate: Bool

  public static let signature = Signature(
    [
      Parameter("head_dim"), Parameter("num_query_heads"), Parameter("num_key_value_heads"),
      Parameter("dropout", .float(0)), Parameter("use_bias", .bool(true)),
    ] + AttentionArguments.common)

  public init(_ a: BoundArguments) throws(LayerError) {
    // Keras does no type checks; a float size fails later as a weight shape, so refuse it here.
    func size(_ key: String) throws(LayerError) -> Int {
      guard let v = a[key].pythonInt else {
        throw LayerError(
          "\(a.layer): `\(key)` must be an int (it is a weight dimension). Received: "
            + "\(key)=\(a[key].pythonRepr)", argument: key)
      }
      return v
    }
    headDim = try size("head_dim")
    numQueryHeads = try size("num_query_heads")
    numKeyValueHeads = try size("num_key_value_heads")
    dropout = a["dropout"]
    useBias = a["use_bias"].isTruthy
    useGate = a["use_gate"].isTruthy
    if numKeyValueHeads == 0 {
      throw LayerError(
        "\(a.layer): integer modulo by zero: `num_query_heads` % `num_key_value_heads` with "
          + "num_key_value_heads=0", argument: "num_key_value_heads",
        hint: "num_key_value_heads must divide num_query_heads (\(numQueryHeads))")
    }
    if pythonMod(numQueryHeads, numKeyValueHeads) != 0 {
      throw LayerError(
        "\(a.layer): `num_query_heads` must be divisible by `num_key_value_heads`. Received: "
          + "num_query_heads=\(numQueryHeads), num_key_value_heads=\(numKeyValueHeads)",
        argument: "num_key_value_heads")
    }
    let head = headDim
    try AttentionArguments.validate(a) { () throws(LayerError) in
      // `1.0 / math.sqrt(float(head_dim))`.
      if head <= 0 {
        throw LayerError(
          "\(a.layer): \(head == 0 ? "float division by zero" : "math domain error") computing "
            + "1/sqrt(head_dim). Received: head_dim=\(head)", argument: "head_dim",
          hint: "head_dim must be a positive integer")
      }
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let args = try CallBinding(input, parameters: AttentionArguments.callParameters, c)
    let query = try args.tensor("query")
    let value = try args.tensor("value")
    let givenKey = try args.optionalTensor("key")
    let key = givenKey ?? value
    let returnScores = try args.flag("return_attention_scores")
    let featureDim = query.shape.last ?? .unknown
    func project(_ name: String, _ t: TensorType, heads: Int, letters: String)
      throws(LayerError) -> [Weight]
    {
      let l = Array(letters)  // batch, sequence, features, heads, head dim
      return try EinsumProjection(
        name: name, input: [l[0], l[1], l[2]], kernel: [l[2], l[3], l[4]],
        output: [l[0], l[1], l[3], l[4]],
        partialOutput: [.unknown, .known(heads), .known(headDim)],
        biasAxes: useBias ? [l[3], l[4]] : nil
      ).weights(for: t.shape, c, inputDescription: t.kerasShape)
    }
    var weights = try project("query", query, heads: numQueryHeads, letters: "bqmuh")
    weights += try project("key", key, heads: numKeyValueHeads, letters: "bkmvh")
    if useGate { weights += try project("gate", query, heads: numQueryHeads, letters: "bqmuh") }
    weights += try project("value", value, heads: numKeyValueHeads, letters: "bkmvh")
    try AttentionArguments.checkDropoutRate(dropout, c)
    let outputInput: [Dim] = [.unknown, .unknown, .known(numQueryHeads), .known(headDim)]
    weights += try EinsumProjection(
      name: "attention_output", input: Array("bquh"), kernel: Array("uhm"), output: Array("bqm"),
      partialOutput: [.unknown, featureDim], biasAxes: useBias ? ["m"] : nil
    ).weights(for: outputInput, c, inputDescription: "(None, None, \(numQueryHeads), \(headDim))")
    // compute_output_shape
    if featureDim.value != value.shape.last?.value {
      throw LayerError(
        "\(c.name) (\(c.className)): The last dimension of `query_shape` and `value_shape` must "
          + "be equal, but are \(featureDim.kerasDescription), "
          + "\(describe(value.shape.last?.value ?? nil)). Received: "
          + "query_shape=\(query.kerasShape), value_shape=\(value.kerasShape)",
        hint: "the output projection maps back to the query's features; project the value to "
          + "\(featureDim.kerasDescription) features first")
    }
    try AttentionArguments.requireSameExceptLast(value: value, key: key, c)
    let dtype = c.policy.computeDType
    var outputs = [TensorType(shape: query.shape, dtype: dtype)]
    if returnScores {
      let source = givenKey ?? value
      outputs.append(
        TensorType(
          shape: [query.shape[0], .known(numQueryHeads), query.shape[1], source.shape[1]],
          dtype: dtype))
    }
    return LayerOutput(outputs, weights: weights)
  }
}

/// Python's `a % b` (the sign of b), b != 0.
private func pythonMod(_ a: Int, _ b: Int) -> Int {
  let r = a.remainderReportingOverflow(dividingBy: b).partialValue
  return r != 0 && (r < 0) != (b < 0) ? r + b : r
}

private func describe(_ d: Int?) -> String { d.map(String.init) ?? "None" }
