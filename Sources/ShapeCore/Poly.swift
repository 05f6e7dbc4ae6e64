/// An indivisible factor of a symbolic dimension: an input symbol, or a rounded division that did not simplify.
public indirect enum Atom: Hashable, Sendable, Comparable {
  case symbol(String)
  /// floor((numerator + offset) / divisor), kept canonical: the numerator has no constant term,
  /// 0 <= offset < divisor, and numerator coefficients, offset and divisor share no common factor.
  case floorDiv(Poly, offset: Int, divisor: Int)
  /// A product kept factored for display, `(H-4)*(W-4)`: factors with two or more terms each.
  case product([Poly])

  public static func < (a: Atom, b: Atom) -> Bool {
    switch (a, b) {
    case (.symbol(let x), .symbol(let y)): return x < y
    case (.symbol, _): return true
    case (_, .symbol): return false
    default: return a.description < b.description
    }
  }
}

/// A product of atoms (sorted, repeated for powers); the empty monomial is the constant 1.
public typealias Monomial = [Atom]

/// A polynomial with integer coefficients over atoms: the normal form of every symbolic dimension.
///
/// Two dimensions that arithmetic makes equal compare equal (`floor((H-3)/2)+1 == ceil(H/2)-1`),
/// because every operation returns the canonical form.
public struct Poly: Hashable, Sendable {
  /// Non-constant terms: monomial -> non-zero coefficient.
  public private(set) var terms: [Monomial: Int]
  public private(set) var constant: Int

  public init(constant: Int) {
    self.terms = [:]
    self.constant = constant
  }

  public init(atom: Atom) {
    self.terms = [[atom]: 1]
    self.constant = 0
  }

  init(terms: [Monomial: Int], constant: Int) {
    self.terms = terms.filter { $0.value != 0 }
    self.constant = constant
  }

  /// The value when the polynomial is a constant.
  public var constantValue: Int? { terms.isEmpty ? constant : nil }

  /// The symbols it mentions, for telling which inputs a dimension depends on.
  public var symbols: Set<String> {
    var out = Set<String>()
    for m in terms.keys {
      for atom in m {
        switch atom {
        case .symbol(let s): out.insert(s)
        case .floorDiv(let p, _, _): out.formUnion(p.symbols)
        case .product(let ps): for p in ps { out.formUnion(p.symbols) }
        }
      }
    }
    return out
  }

  public static func + (a: Poly, b: Poly) throws(ArithmeticOverflow) -> Poly {
    var terms = a.terms
    for (m, c) in b.terms { terms[m] = try Checked.add(terms[m] ?? 0, c) }
    return Poly(terms: terms, constant: try Checked.add(a.constant, b.constant))
  }

  public func scaled(by k: Int) throws(ArithmeticOverflow) -> Poly {
    var terms: [Monomial: Int] = [:]
    for (m, c) in self.terms { terms[m] = try Checked.mul(c, k) }
    return Poly(terms: terms, constant: try Checked.mul(constant, k))
  }

  /// The single term `c*m` when the polynomial is one, else nil.
  var monomial: (Monomial, Int)? {
    guard constant == 0, terms.count == 1, let (m, c) = terms.first else { return nil }
    return (m, c)
  }

  /// Products of monomials multiply out (`3*H*W`); a factor with several terms stays a factor
  /// (`3*(H-4)*(W-4)`), so that flattened sizes read as what they are.
  public static func * (a: Poly, b: Poly) throws(ArithmeticOverflow) -> Poly {
    if let k = b.constantValue { return try a.scaled(by: k) }
    if let k = a.constantValue { return try b.scaled(by: k) }
    if a.monomial == nil || b.monomial == nil {
      var coefficient = 1
      var atoms: Monomial = []
      var factors: [Poly] = []
      for p in [a, b] {
        if let (m, c) = p.monomial {
          coefficient = try Checked.mul(coefficient, c)
          atoms += m.filter { if case .product = $0 { return false } else { return true } }
          for case .product(let inner) in m { factors += inner }
        } else {
          // Pull out the content, so equal factors compare equal: 2*H-8 = 2*(H-4).
          var g = p.constant
          for c in p.terms.values { g = gcd(g, c) }
          if g > 1, let primitive = p.exactlyDivided(by: g) {
            coefficient = try Checked.mul(coefficient, g)
            factors.append(primitive)
          } else {
            factors.append(p)
          }
        }
      }
      let m = (atoms + [.product(factors.sorted { $0.description < $1.description })]).sorted()
      return Poly(terms: [m: coefficient], constant: 0)
    }
    var result = Poly(constant: 0)
    let left = a.terms.map { ($0.key, $0.value) } + [([], a.constant)]
    let right = b.terms.map { ($0.key, $0.value) } + [([], b.constant)]
    for (ma, ca) in left where ca != 0 {
      for (mb, cb) in right where cb != 0 {
        let m = (ma + mb).sorted()
        let c = try Checked.mul(ca, cb)
        result = try result + (m.isEmpty ? Poly(constant: c) : Poly(terms: [m: c], constant: 0))
      }
    }
    return result
  }

  /// floor(self / k) for k > 0, simplified to canonical form.
  public func floorDivided(by k: Int) throws(ArithmeticOverflow) -> Poly {
    // Layers validate their divisors; a non-positive one here is reported, never trapped on.
    guard k > 0 else { throw ArithmeticOverflow() }
    if k == 1 { return self }
    if let c = constantValue { return Poly(constant: Checked.floorDiv(c, k)) }
    // Pull out the terms that divide exactly: floor((k*Q + R)/k) = Q + floor(R/k).
    var exact: [Monomial: Int] = [:]
    var rest: [Monomial: Int] = [:]
    for (m, c) in terms {
      if c % k == 0 { exact[m] = c / k } else { rest[m] = c }
    }
    let whole = Checked.floorDiv(constant, k)
    var offset = Checked.floorMod(constant, k)
    var result = Poly(terms: exact, constant: whole)
    if rest.isEmpty { return result }
    var numerator = Poly(terms: rest, constant: 0)
    var divisor = k
    // floor(floor((Q+r1)/k1)/k) = floor((Q+r1)/(k1*k)) when the numerator is that single atom.
    if numerator.terms.count == 1, let (m, c) = numerator.terms.first, c == 1, m.count == 1,
      case .floorDiv(let inner, let r1, let k1) = m[0]
    {
      let combinedDivisor = try Checked.mul(k1, k)
      let combinedOffset = try Checked.add(r1, Checked.mul(offset, k1))
      numerator = inner
      divisor = combinedDivisor
      offset = combinedOffset
    }
    // Reduce by the common factor of the coefficients and the divisor.
    var g = divisor
    for c in numerator.terms.values { g = gcd(g, c) }
    if g > 1 {
      var reduced: [Monomial: Int] = [:]
      for (m, c) in numerator.terms { reduced[m] = c / g }
      numerator = Poly(terms: reduced, constant: 0)
      divisor /= g
      offset /= g
    }
    if divisor == 1 { return try result + numerator + Poly(constant: offset) }
    let atom = Atom.floorDiv(numerator, offset: offset, divisor: divisor)
    result = try result + Poly(atom: atom)
    return result
  }

  /// ceil(self / k) for k > 0: floor((self + k - 1) / k).
  public func ceilDivided(by k: Int) throws(ArithmeticOverflow) -> Poly {
    try (self + Poly(constant: k - 1)).floorDivided(by: k)
  }

  /// self / k when every coefficient divides exactly, else nil.
  public func exactlyDivided(by k: Int) -> Poly? {
    guard k != 0, constant % k == 0, terms.values.allSatisfy({ $0 % k == 0 }) else { return nil }
    return Poly(terms: terms.mapValues { $0 / k }, constant: constant / k)
  }
}

extension Poly {
  /// The value with each symbol given a number (`H` = 32): nil when a symbol has none; throws
  /// where the arithmetic overflows. What a formula means at a size.
  public func evaluated(_ values: [String: Int]) throws(ArithmeticOverflow) -> Int? {
    var total = constant
    for (monomial, coefficient) in terms {
      var product = coefficient
      for atom in monomial {
        guard let v = try atom.evaluated(values) else { return nil }
        product = try Checked.mul(product, v)
      }
      total = try Checked.add(total, product)
    }
    return total
  }
}

extension Atom {
  /// The atom's value with each symbol given a number; nil when a symbol has none.
  public func evaluated(_ values: [String: Int]) throws(ArithmeticOverflow) -> Int? {
    switch self {
    case .symbol(let s): return values[s]
    case .floorDiv(let p, let offset, let divisor):
      guard let n = try p.evaluated(values) else { return nil }
      return Checked.floorDiv(try Checked.add(n, offset), divisor)
    case .product(let factors):
      var product = 1
      for f in factors {
        guard let v = try f.evaluated(values) else { return nil }
        product = try Checked.mul(product, v)
      }
      return product
    }
  }
}

extension Dim {
  /// The dim with each symbol given a number: nil for Keras's plain unknown or a symbol
  /// without a value.
  public func evaluated(_ values: [String: Int]) throws(ArithmeticOverflow) -> Int? {
    guard case .poly(let p) = self else { return nil }
    return try p.evaluated(values)
  }
}
