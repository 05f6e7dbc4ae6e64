/// A formula at given sizes, and the period of its rounding: what size rules are derived from.
extension Poly {
  /// The value with each symbol set as given; nil when a symbol has no value.
  public func evaluated(_ values: [String: Int]) throws(ArithmeticOverflow) -> Int? {
    var total = constant
    for (m, c) in terms {
      var product = c
      for atom in m {
        guard let v = try atom.evaluated(values) else { return nil }
        product = try Checked.mul(product, v)
      }
      total = try Checked.add(total, product)
    }
    return total
  }

  /// A period of the rounding in `symbol`: with every other symbol fixed, `f(X + P) - f(X)` is
  /// the same for every X when the formula is linear in X (floors of linear numerators included).
  /// The product of the nested divisors, lcm'd over the terms; nil past `limit`.
  public func period(in symbol: String, limit: Int = 1 << 16) -> Int? {
    var p = 1
    for m in terms.keys {
      for atom in m {
        guard let q = atom.period(in: symbol, limit: limit) else { return nil }
        p = lcm(p, q)
        if p > limit { return nil }
      }
    }
    return p
  }
}

extension Atom {
  func evaluated(_ values: [String: Int]) throws(ArithmeticOverflow) -> Int? {
    switch self {
    case .symbol(let s): return values[s]
    case .floorDiv(let p, let offset, let divisor):
      guard let v = try p.evaluated(values) else { return nil }
      return Checked.floorDiv(try Checked.add(v, offset), divisor)
    case .product(let factors):
      var out = 1
      for f in factors {
        guard let v = try f.evaluated(values) else { return nil }
        out = try Checked.mul(out, v)
      }
      return out
    }
  }

  func period(in symbol: String, limit: Int) -> Int? {
    switch self {
    case .symbol: return 1
    case .floorDiv(let p, _, let divisor):
      guard p.symbols.contains(symbol) else { return 1 }
      guard let inner = p.period(in: symbol, limit: limit),
        case (let q, false) = inner.multipliedReportingOverflow(by: divisor), q <= limit
      else { return nil }
      return q
    case .product(let factors):
      var out = 1
      for f in factors {
        guard let q = f.period(in: symbol, limit: limit) else { return nil }
        out = lcm(out, q)
        if out > limit { return nil }
      }
      return out
    }
  }
}

/// Least common multiple of positive ints (the caller bounds them).
public func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }

extension Dim {
  /// The size with each symbol set as given; nil when unknown or a symbol has no value.
  public func evaluated(_ values: [String: Int]) throws(ArithmeticOverflow) -> Int? {
    guard case .poly(let p) = self else { return nil }
    return try p.evaluated(values)
  }

  /// The symbol this dim is, when it is one (an input's `H`).
  public var symbolName: String? {
    guard case .poly(let p) = self, p.constant == 0, p.terms.count == 1,
      let (m, c) = p.terms.first, c == 1, m.count == 1, case .symbol(let s) = m[0]
    else { return nil }
    return s
  }

  /// The symbols the dim depends on.
  public var symbols: Set<String> {
    guard case .poly(let p) = self else { return [] }
    return p.symbols
  }
}

extension Poly {
  /// The same formula over renamed symbols (`H2` read as `H`), in canonical order again.
  public func renamingSymbols(_ names: [String: String]) -> Poly {
    var out: [Monomial: Int] = [:]
    for (m, c) in terms {
      let renamed = m.map { $0.renamingSymbols(names) }.sorted()
      out[renamed, default: 0] += c
    }
    return Poly(terms: out, constant: constant)
  }
}

extension Atom {
  func renamingSymbols(_ names: [String: String]) -> Atom {
    switch self {
    case .symbol(let s): return .symbol(names[s] ?? s)
    case .floorDiv(let p, let offset, let divisor):
      return .floorDiv(p.renamingSymbols(names), offset: offset, divisor: divisor)
    case .product(let factors): return .product(factors.map { $0.renamingSymbols(names) })
    }
  }
}

extension Dim {
  /// The same dim over renamed symbols.
  public func renamingSymbols(_ names: [String: String]) -> Dim {
    guard case .poly(let p) = self else { return self }
    return .poly(p.renamingSymbols(names))
  }
}
