import ShapeCore

// Wrappers count the layers they run.

extension Bidirectional: Costed {
  /// Both directions on the same input; `sum`/`mul`/`ave` merge with a FLOP per output element
  /// (`ave` two), `concat` and None with none.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let x = input.tensors.first else { return nil }
    var total = Count.zero
    for (layer, context) in [(forward, forwardContext), (backward, backwardContext)] {
      guard let outs = try? layer.outputShapes(x, context).outputs,
        let n = try CostRules.count(layer, .single(x), outputs: outs, context)
      else { return nil }
      total = try total + n
    }
    if let merge, merge != .concat, let y = outputs.first {
      total.other = try total.other + Elements.of(y) * (merge == .ave ? 2 : 1)
    }
    return total
  }
}

extension TimeDistributed: Costed {
  /// The wrapped layer, as it is called on each step.
  public var wrapped: BuiltLayer { inner }

  /// A tensor with its batch and time axes merged: (batch * T, rest...).
  public static func merged(_ t: TensorType) throws(ArithmeticOverflow) -> TensorType? {
    guard t.rank >= 2 else { return nil }
    return TensorType(shape: [try t.shape[0] * t.shape[1]] + t.shape.dropFirst(2), dtype: t.dtype)
  }

  /// The inner layer on (batch * T, step...) giving (batch * T, output step...).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let x = input.tensors.first, let step = try Self.merged(x) else { return nil }
    var outs: [TensorType] = []
    for y in outputs {
      guard let m = try Self.merged(y) else { return nil }
      outs.append(m)
    }
    return try CostRules.count(inner.layer, .single(step), outputs: outs, inner.context)
  }
}

extension SpectralNormalization: Costed {
  /// The wrapped layer's count (the power iteration on its kernel is not counted).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    try CostRules.count(inner.layer, input, outputs: outputs, inner.context)
  }
}
