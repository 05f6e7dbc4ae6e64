import ShapeCore

// Attention counts its projections and both of its matmuls, QK^T and AV (torchinfo, which counts
// only modules' weights, misses the two matmuls; fvcore and ptflops count them).

/// The query, key and value of a MultiHeadAttention or GroupQueryAttention call.
private func attentionOperands(_ input: LayerInput, _ c: LayerContext) -> (
  query: TensorType, key: TensorType, value: TensorType
)? {
  guard let args = try? CallBinding(input, parameters: AttentionArguments.callParameters, c),
    let query = try? args.tensor("query"), let value = try? args.tensor("value")
  else { return nil }
  let key = ((try? args.optionalTensor("key")) ?? nil) ?? value
  return (query, key, value)
}

/// The score and weighting matmuls and the softmax: positions(query) * S keys * (heads *
/// (key depth + value depth)) MACs; a softmax FLOP and a scale FLOP per score.
private func scoresAndWeighting(
  queryPositions: Dim, keys: Dim, heads: Int, keyDepth: Int, valueDepth: Int
) throws(ArithmeticOverflow) -> Count {
  let scores = try queryPositions * keys * heads
  return Count(macs: try scores * keyDepth + scores * valueDepth, other: try scores * 2)
}

extension MultiHeadAttention: Costed {
  /// Projections q, k, v: N(q)*H*key_dim, N(k)*H*key_dim, N(v)*H*value_dim; the gate
  /// (use_gate) N(q)*H*value_dim; QK^T and AV over the attention axes; the output projection
  /// N(out)*H*value_dim. Biases: one add per projected element.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let (q, k, v) = attentionOperands(input, c), let y = outputs.first, q.rank >= 3,
      k.rank == q.rank
    else { return nil }
    // Keras's default: every axis but the batch and the features; negative axes count from the
    // value's rank, as Keras's np.delete does.
    var axes = Array(1..<(q.rank - 1))
    if let given = attentionAxes {
      axes = []
      for item in given {
        guard let a = item.pythonInt else { return nil }
        let axis = a >= 0 ? a : q.rank + a
        guard axis >= 1, axis < q.rank - 1 else { return nil }
        axes.append(axis)
      }
    }
    let keys = try Dim.product(axes.map { k.shape[$0] })
    let qPositions = try Elements.positions(q)
    let qProjected = try qPositions * (numHeads * keyDim)
    let kProjected = try Elements.positions(k) * (numHeads * keyDim)
    let vProjected = try Elements.positions(v) * (numHeads * valueDim)
    let out = try Elements.of(y)
    var macs =
      try Elements.of(q) * (numHeads * keyDim) + Elements.of(k) * (numHeads * keyDim)
      + Elements.of(v) * (numHeads * valueDim) + out * (numHeads * valueDim)
    var other = Dim.known(0)
    if useBias { other = try qProjected + kProjected + vProjected + out }
    if useGate {
      let gate = try qPositions * (numHeads * valueDim)
      macs = try macs + Elements.of(q) * (numHeads * valueDim)
      // sigmoid, the product with the attention output, and the bias.
      other = try other + gate * (useBias ? 3 : 2)
    }
    return try Count(macs: macs, other: other)
      + scoresAndWeighting(
        queryPositions: qPositions, keys: keys, heads: numHeads, keyDepth: keyDim,
        valueDepth: valueDim)
  }
}

extension GroupedQueryAttention: Costed {
  /// As MultiHeadAttention with num_query_heads for the query, the scores and the output, and
  /// num_key_value_heads for the key and value projections (shared by the query groups); the
  /// gate (use_gate) as MultiHeadAttention's.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let (q, k, v) = attentionOperands(input, c), let y = outputs.first, q.rank == 3,
      k.rank == 3
    else { return nil }
    let qPositions = try Elements.positions(q)
    let out = try Elements.of(y)
    var macs =
      try Elements.of(q) * (numQueryHeads * headDim) + Elements.of(k)
      * (numKeyValueHeads * headDim) + Elements.of(v) * (numKeyValueHeads * headDim)
      + out * (numQueryHeads * headDim)
    var other = Dim.known(0)
    if useBias {
      other =
        try qPositions * (numQueryHeads * headDim) + Elements.positions(k)
        * (numKeyValueHeads * headDim) * 2 + out
    }
    if useGate {
      let gate = try qPositions * (numQueryHeads * headDim)
      macs = try macs + Elements.of(q) * (numQueryHeads * headDim)
      other = try other + gate * (useBias ? 3 : 2)
    }
    return try Count(macs: macs, other: other)
      + scoresAndWeighting(
        queryPositions: qPositions, keys: k.shape[1], heads: numQueryHeads, keyDepth: headDim,
        valueDepth: headDim)
  }
}

extension Attention: Costed {
  /// Dot-product scores q @ k^T: positions(q) * S * d MACs, then the weighting positions(q) * S *
  /// d_v. Additive and `score_mode="concat"` scores, sum(scale * tanh(q + k)), are elementwise
  /// work, not a product: 4 FLOPs per (query, key, feature) (add, tanh, multiply, sum).
  /// The scale of dot scores (use_scale) and the softmax: a FLOP each per score.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let args = try? CallBinding(input, parameters: Self.callParameters, c),
      let xs = args.tensors("inputs"), xs.count == 2 || xs.count == 3
    else { return nil }
    let (q, v) = (xs[0], xs[1])
    let k = xs.count == 3 ? xs[2] : v
    guard k.rank >= 2, let d = q.shape.last, let dv = v.shape.last else { return nil }
    let scores = try Elements.positions(q) * k.shape[k.rank - 2]
    let dotted = additive || concat
    var count = Count(macs: try scores * dv, other: scores)
    if dotted {
      count.other = try count.other + scores * d * 4
    } else {
      count.macs = try count.macs + scores * d
      if useScale { count.other = try count.other + scores }
    }
    return count
  }
}
