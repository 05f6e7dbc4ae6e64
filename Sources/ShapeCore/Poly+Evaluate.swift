/// The period of a formula's rounding, and symbols renamed: what size rules and diffs use.
extension Poly {
  /// A period of the rounding in `symbol`: with every other symbol fixed, `f(X + P) - f(X)` is
  /// the same for every X when the formula is linear in X (floors of linear numerators included).
  /// The product of the nested divisors, lcm'd over the terms; nil past `limit`.
  public func period(in symbol: String, limit: Int = 1 << 16) -> Int? {
    var p = 1
    for m in terms.keys {
      for atom in m {
        guard let q = atom.period(in: symbol, limit: limit) else { return nil }
        guard let l = try? Checked.lcm(p, q), l <= limit else { return nil }
        p = l
      }
    }
    return p
  }
}

extension Atom {
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
        guard let l = try? Checked.lcm(out, q), l <= limit else { return nil }
        out = l
      }
      return out
    }
  }
}

extension Dim {
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
