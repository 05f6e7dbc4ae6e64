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

  /// The formula as JSON gives it: the text, or nil for Keras's plain unknown.
  public var formulaText: String? {
    if case .poly(let p) = self { return p.description }
    return nil
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
  ///
  /// The same result, overflow included, as multiplying one dim at a time, in time linear in
  /// the count: a run of single-term factors (`S1*S2*...*S8000`, Flatten of a high-rank input)
  /// collects its atoms and sorts them once, where multiplying re-sorted them at every factor.
  public static func product(_ dims: some Sequence<Dim>) throws(ArithmeticOverflow) -> Dim {
    var zero = false
    var unknown = false
    // The product so far: `poly`, or when `collecting`, coefficient * atoms (not yet sorted).
    var poly = Poly(constant: 1)
    var collecting = false
    var atoms: [Atom] = []
    var coefficient = 1
    for d in dims {
      if zero { continue }
      if d.value == 0 {
        zero = true
        continue
      }
      guard case .poly(let p) = d else {
        unknown = true
        continue
      }
      if unknown { continue }
      if collecting {
        if let k = p.constantValue {
          coefficient = try Checked.mul(coefficient, k)
          continue
        }
        if let (m, k) = p.monomial {
          coefficient = try Checked.mul(coefficient, k)
          atoms += m
          continue
        }
        poly = Poly(terms: [atoms.sorted(): coefficient], constant: 0)
        collecting = false
        atoms = []
      } else if poly.constantValue != nil, let (m, k) = p.monomial {
        // constant * c*m = (c*constant)*m, as `scaled(by:)` multiplies it.
        coefficient = try Checked.mul(k, poly.constant)
        atoms = m
        collecting = true
        continue
      }
      poly = try poly * p
      if let (m, c) = poly.monomial {
        atoms = m
        coefficient = c
        collecting = true
      }
    }
    if zero { return .known(0) }
    if unknown { return .unknown }
    return .poly(collecting ? Poly(terms: [atoms.sorted(): coefficient], constant: 0) : poly)
  }
}

extension Dim: CustomStringConvertible {
  public var description: String { formula }
}
