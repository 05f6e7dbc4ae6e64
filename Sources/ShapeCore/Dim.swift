/// One dimension of a tensor: a known size, a formula over the input's symbolic sizes, or
/// Keras's plain unknown (`None` with nothing to say, as for the batch).
///
/// The arithmetic is written once here; layers compute with `Dim`s, so the same shape rule serves
/// `Input((None, None, 3))` (formulas) and `apply 224x224` (numbers).
public enum Dim: Hashable, Sendable {
  case unknown
  case poly(Poly)

  public static func known(_ n: Int) -> Dim { .poly(Poly(constant: n)) }
  public static func symbol(_ name: String) -> Dim { .poly(Poly(atom: .symbol(name))) }

  /// The size when it is known.
  public var value: Int? {
    if case .poly(let p) = self { return p.constantValue }
    return nil
  }

  public var isKnown: Bool { value != nil }

  /// What Keras prints: the number, or `None`.
  public var kerasDescription: String { value.map(String.init) ?? "None" }

  /// The formula: the number, an expression such as `ceil(H/2)`, or `None`.
  public var formula: String {
    switch self {
    case .unknown: return "None"
    case .poly(let p): return p.description
    }
  }

  public static func + (a: Dim, b: Dim) throws(ArithmeticOverflow) -> Dim {
    guard case .poly(let x) = a, case .poly(let y) = b else { return .unknown }
    return .poly(try x + y)
  }

  public static func + (a: Dim, b: Int) throws(ArithmeticOverflow) -> Dim {
    try a + .known(b)
  }

  public static func - (a: Dim, b: Int) throws(ArithmeticOverflow) -> Dim {
    guard b != Int.min else { throw ArithmeticOverflow() }
    return try a + .known(-b)
  }

  public static func - (a: Dim, b: Dim) throws(ArithmeticOverflow) -> Dim {
    try a + (b * -1)
  }

  public static func * (a: Dim, b: Dim) throws(ArithmeticOverflow) -> Dim {
    if a.value == 0 || b.value == 0 { return .known(0) }
    guard case .poly(let x) = a, case .poly(let y) = b else { return .unknown }
    return .poly(try x * y)
  }

  public static func * (a: Dim, k: Int) throws(ArithmeticOverflow) -> Dim {
    try a * .known(k)
  }

  /// floor(self / k), k > 0.
  public func floorDiv(_ k: Int) throws(ArithmeticOverflow) -> Dim {
    guard case .poly(let p) = self else { return .unknown }
    return .poly(try p.floorDivided(by: k))
  }

  /// ceil(self / k), k > 0.
  public func ceilDiv(_ k: Int) throws(ArithmeticOverflow) -> Dim {
    guard case .poly(let p) = self else { return .unknown }
    return .poly(try p.ceilDivided(by: k))
  }

  /// self / k when it divides exactly (symbolically or numerically); nil when it does not.
  public func exactDiv(_ k: Int) -> Dim? {
    guard case .poly(let p) = self else { return .unknown }
    return p.exactlyDivided(by: k).map(Dim.poly)
  }

  /// The product of dims: known when all are known, a formula when all have one, else unknown.
  public static func product(_ dims: some Sequence<Dim>) throws(ArithmeticOverflow) -> Dim {
    var r = Dim.known(1)
    for d in dims { r = try r * d }
    return r
  }
}

extension Dim: CustomStringConvertible {
  public var description: String { formula }
}
