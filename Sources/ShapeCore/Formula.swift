/// Display of symbolic dimensions as formulas a person reads: `H-4`, `ceil(H/2)`, `32*H*W`.
extension Atom: CustomStringConvertible {
  public var description: String {
    switch self {
    case .symbol(let s):
      return s
    case .floorDiv(let p, let offset, let divisor):
      if offset == divisor - 1 { return "ceil(\(Self.operand(p))/\(divisor))" }
      let numerator = offset == 0 ? p : ((try? p + Poly(constant: offset)) ?? p)
      return "floor(\(Self.operand(numerator))/\(divisor))"
    case .product(let factors):
      return factors.map { "(\($0))" }.joined(separator: "*")
    }
  }

  /// A polynomial as the left operand of `/`: parenthesised unless it is a single atom.
  private static func operand(_ p: Poly) -> String {
    let text = p.description
    if p.constant == 0, p.terms.count == 1, let (m, c) = p.terms.first, c == 1, m.count == 1 {
      return text
    }
    return "(\(text))"
  }
}

extension Poly: CustomStringConvertible {
  /// Terms by descending degree, then alphabetically; the constant last: `2*H*W+3*H-1`.
  public var description: String {
    // A single atom (an input's own `H`, most dims a typed layer shows): its text, without
    // ordering terms or building the product.
    if constant == 0, terms.count == 1, let (m, c) = terms.first, c == 1, m.count == 1 {
      return m[m.startIndex].description
    }
    let ordered = terms.sorted { a, b in
      a.key.count != b.key.count
        ? a.key.count > b.key.count
        : a.key.map(\.description).joined(separator: "*")
          < b.key.map(\.description).joined(
            separator: "*")
    }
    var out = ""
    for (m, c) in ordered {
      let factors = m.map(\.description).joined(separator: "*")
      let magnitude = c.magnitude
      let body = magnitude == 1 ? factors : "\(magnitude)*\(factors)"
      if out.isEmpty {
        out = c < 0 ? "-" + body : body
      } else {
        out += (c < 0 ? "-" : "+") + body
      }
    }
    if out.isEmpty { return String(constant) }
    if constant != 0 { out += (constant < 0 ? "-" : "+") + String(constant.magnitude) }
    return out
  }
}
