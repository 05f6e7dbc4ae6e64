import ShapeCore

/// Padding modes of convolutions and poolings.
public enum Padding: String, Sendable {
  case valid, same, causal
}

/// The shape arithmetic of sliding windows, written once for convolutions and poolings.
enum Windows {
  /// k_eff = d*(k-1)+1: the span of a dilated kernel.
  static func effective(_ k: Int, dilation d: Int) throws(ArithmeticOverflow) -> Int {
    try Checked.add(Checked.mul(d, k - 1), 1)
  }

  /// valid: floor((in - k_eff)/s) + 1; same and causal: ceil(in/s).
  static func output(_ size: Dim, window k: Int, stride s: Int, dilation d: Int, padding: Padding)
    throws(ArithmeticOverflow) -> Dim
  {
    switch padding {
    case .valid: return try (size - effective(k, dilation: d)).floorDiv(s) + 1
    case .same, .causal: return try size.ceilDiv(s)
    }
  }

  /// Transposed: valid (in-1)*s + k_eff + op; same without op in*s, with op (in-1)*s + k_eff%2 + op;
  /// op defaults to max(k_eff, s) - k_eff for valid.
  static func transposed(
    _ size: Dim, window k: Int, stride s: Int, dilation d: Int, padding: Padding,
    outputPadding: Int?
  ) throws(ArithmeticOverflow) -> Dim {
    let kEff = try effective(k, dilation: d)
    switch (padding, outputPadding) {
    case (.same, nil): return try size * s
    case (.same, let op?): return try (size - 1) * s + (kEff % 2) + op
    case (_, let op):
      return try (size - 1) * s + kEff + (op ?? (max(kEff, s) - kEff))
    }
  }

  /// Computes every spatial output and raises Keras's error where a known 'valid' one is <= 0.
  static func outputs(
    _ spatial: [Dim], windows: [Int], strides: [Int], dilations: [Int], padding: Padding,
    context: LayerContext, input: TensorType
  ) throws(LayerError) -> [Dim] {
    var out: [Dim] = []
    out.reserveCapacity(spatial.count)
    for i in spatial.indices {
      let o = try checked(context.name) { () throws(ArithmeticOverflow) -> Dim in
        try output(
          spatial[i], window: windows[i], stride: strides[i], dilation: dilations[i],
          padding: padding)
      }
      // Keras checks only 'valid': 'same' of a zero-length axis is a zero-length axis.
      if padding == .valid, let v = o.value, v <= 0, let n = spatial[i].value {
        let kEff = (try? effective(windows[i], dilation: dilations[i])) ?? windows[i]
        let names = axisNames(spatial.count)
        throw LayerError(
          "\(context.name): \(names[i]) floor((\(n) - \(kEff))/\(strides[i])) + 1 = \(v) <= 0 "
            + "with padding 'valid' (input shape \(input.kerasShape)). Computed output size would "
            + "be zero or negative.",
          hint: "the smallest \(names[i]) that works is \(kEff); or use padding='same'")
      }
      out.append(o)
    }
    return out
  }
}
