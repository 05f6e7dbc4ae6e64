import ShapeCore

/// What one call of a layer computes, as fvcore and ptflops count it (docs/cost.md):
/// multiply-accumulates of its products, and the other floating-point operations.
///
/// FLOPs = 2 * MACs + other: a MAC is a multiply and an add; bias adds, activations,
/// normalizations, pooling and elementwise merges are `other`, one FLOP per element per
/// operation. Both are `Dim`s, so a count is a formula at declared shapes (`216*(H-2)*(W-2)`),
/// a number at `apply`, and unknown when a dim it needs is Keras's plain `None`.
public struct Count: Hashable, Sendable {
  /// Multiply-accumulates (matmuls, convolutions, attention's QK^T and AV, recurrent steps).
  public var macs: Dim
  /// FLOPs that are not part of a multiply-accumulate.
  public var other: Dim

  public init(macs: Dim = .known(0), other: Dim = .known(0)) {
    self.macs = macs
    self.other = other
  }

  public static let zero = Count()

  /// 2 * MACs + other.
  public func flops() throws(ArithmeticOverflow) -> Dim {
    try macs * 2 + other
  }

  public static func + (a: Count, b: Count) throws(ArithmeticOverflow) -> Count {
    Count(macs: try a.macs + b.macs, other: try a.other + b.other)
  }

  /// The count `n` times (`n` time steps, two directions).
  public func times(_ n: Dim) throws(ArithmeticOverflow) -> Count {
    Count(macs: try macs * n, other: try other * n)
  }
}

/// Dimension helpers the cost rules share.
enum Elements {
  /// The number of elements of a tensor (its batch dim as given: the engine sets it).
  static func of(_ t: TensorType) throws(ArithmeticOverflow) -> Dim {
    try Dim.product(t.shape)
  }

  /// The elements of every tensor.
  static func of(_ ts: [TensorType]) throws(ArithmeticOverflow) -> Dim {
    var total = Dim.known(0)
    for t in ts { total = try total + of(t) }
    return total
  }

  /// Every dim but the last multiplied: the positions a last-axis product runs over.
  static func positions(_ t: TensorType) throws(ArithmeticOverflow) -> Dim {
    try Dim.product(t.shape.dropLast())
  }

  static func product(_ values: [Int]) throws(ArithmeticOverflow) -> Dim {
    .known(try Checked.product(values))
  }
}
