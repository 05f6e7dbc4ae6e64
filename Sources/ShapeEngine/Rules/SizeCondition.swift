import ShapeCore

/// A condition one layer puts on the input's sizes, read from the formulas of the graph at the
/// declared shapes: a dim it computes must be at least 1 (a `valid` convolution or pooling, a
/// cropping), or the tensors it merges must agree on a dim (Concatenate: equal; Add and the other
/// elementwise merges: equal or 1).
public struct SizeCondition: Sendable {
  public enum Kind: Sendable {
    /// `f >= 1`.
    case positive(Poly)
    /// `a == b`, or with `broadcast` also `a == 1` or `b == 1`.
    case equal(Poly, Poly, broadcast: Bool)
  }
  public var layer: String
  public var className: String
  public var kind: Kind
  /// For a merge: the layers whose outputs must agree.
  public var operands: [String] = []

  public var symbols: Set<String> {
    switch kind {
    case .positive(let f): return f.symbols
    case .equal(let a, let b, _): return a.symbols.union(b.symbols)
    }
  }

  /// The condition as written: `H-4 >= 1`, `2*floor(H/2) == H (or either is 1)`.
  public var formula: String {
    switch kind {
    case .positive(let f): return "\(f) >= 1"
    case .equal(let a, let b, let broadcast):
      return "\(a) == \(b)" + (broadcast ? " (or either is 1)" : "")
    }
  }

  /// Merged by sums (`Concatenate` on its axis) or broadcast; other layers with several inputs
  /// (attention, Dot) are left to the scan.
  static let broadcasting: Set<String> = [
    "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum",
  ]

  /// Every condition of the layers in `g`, in the order they are listed; formulas already seen
  /// are left out.
  static func all(in g: Graph) -> (conditions: [SizeCondition], unknownMerges: [String]) {
    var out: [SizeCondition] = []
    var unknown: [String] = []
    var seen: Set<String> = []
    for l in g.listed {
      let node = g.layers[l]
      guard node.className != "InputLayer" else { continue }
      for call in node.calls {
        for t in call.outputs {
          for d in g.tensors[t].type.shape.dropFirst() {
            guard case .poly(let f) = d, !f.symbols.isEmpty, !implied(f, by: seen),
              seen.insert(f.description).inserted
            else { continue }
            out.append(
              SizeCondition(layer: node.name, className: node.className, kind: .positive(f)))
          }
        }
        let merge = node.className == "Concatenate" || broadcasting.contains(node.className)
        guard merge, call.inputs.count > 1 else { continue }
        let shapes = call.inputs.map { Array(g.tensors[$0].type.shape.dropFirst()) }
        let outShape = call.outputs.first.map { Array(g.tensors[$0].type.shape.dropFirst()) } ?? []
        for k in 1..<shapes.count {
          let a = shapes[0]
          let b = shapes[k]
          // Aligned from the last axis, as broadcasting aligns them.
          // (An input of rank 1, no axis past the batch, broadcasts and has none to compare.)
          for back in stride(from: 1, through: min(a.count, b.count), by: 1) {
            let x = a[a.count - back]
            let y = b[b.count - back]
            guard x != y, !(x.symbols.isEmpty && y.symbols.isEmpty) else { continue }
            guard case .poly(let p) = x, case .poly(let q) = y else {
              unknown.append(node.name)
              continue
            }
            if node.className == "Concatenate", outShape.count >= back,
              let sum = try? shapes.map({ $0[$0.count - back] }).reduce(Dim.known(0), +),
              outShape[outShape.count - back] == sum
            {
              continue  // the axis it concatenates on
            }
            out.append(
              SizeCondition(
                layer: node.name, className: node.className,
                kind: .equal(p, q, broadcast: node.className != "Concatenate"),
                operands: [call.inputs[0], call.inputs[k]].map { g.layerName(of: $0) }))
          }
        }
      }
    }
    return (out, unknown)
  }

  /// For a broadcasting merge: the sizes where one input has size 1 and the other not. There the
  /// output takes the other input's size, which the formula at the declared shapes (one input's)
  /// does not say; nil for other conditions or when it cannot be solved.
  func broadcastExceptions(_ symbol: String) -> EventualSet? {
    guard case .equal(let a, let b, true) = kind,
      let a1 = try? a + Poly(constant: -1), let b1 = try? b + Poly(constant: -1),
      let d = try? a + b.scaled(by: -1),
      let ones = Self.solve(a1, symbol, [:], atLeastOne: false)
        .flatMap({ s in Self.solve(b1, symbol, [:], atLeastOne: false).flatMap(s.union) }),
      let equal = Self.solve(d, symbol, [:], atLeastOne: false)
    else { return nil }
    return ones.subtracting(equal)
  }

  /// A product of sizes already required to be at least 1 (Flatten's `8*(H-2)*(W-2)`) is at
  /// least 1 too: its condition adds nothing, and it would tie the axes together.
  static func implied(_ f: Poly, by seen: Set<String>) -> Bool {
    guard f.constant == 0, f.terms.count == 1, let (m, c) = f.terms.first, c > 0 else {
      return false
    }
    return m.allSatisfy { atom in
      switch atom {
      case .symbol: return true
      case .floorDiv: return seen.contains(Poly(atom: atom).description)
      case .product(let factors): return factors.allSatisfy { seen.contains($0.description) }
      }
    }
  }

  /// The sizes of `symbol` the condition accepts, the other symbols set as in `others`; nil when
  /// the formulas are not linear in it, or their period or threshold is past `EventualSet.limit`.
  func accepted(_ symbol: String, others: [String: Int] = [:]) -> EventualSet? {
    switch kind {
    case .positive(let f):
      return Self.solve(f, symbol, others, atLeastOne: true)
    case .equal(let a, let b, let broadcast):
      guard let d = try? a + b.scaled(by: -1),
        var set = Self.solve(d, symbol, others, atLeastOne: false)
      else { return nil }
      if broadcast {
        for side in [a, b] {
          guard let one = try? side + Poly(constant: -1),
            let s = Self.solve(one, symbol, others, atLeastOne: false),
            let u = set.union(s)
          else { return nil }
          set = u
        }
      }
      return set
    }
  }

  /// Where every residue class of `f` has settled: from it on, membership depends only on the
  /// residue. Throws where the formula is not linear up to rounding, or past the limit; the
  /// arithmetic is checked (a formula near Int's range is refused, never trapped on).
  static func threshold(_ f: (Int) -> Int?, period p: Int, atLeastOne: Bool)
    throws(ArithmeticOverflow) -> Int
  {
    guard let g1 = f(1), let gp = f(1 + p) else { throw ArithmeticOverflow() }
    let delta = try Checked.sub(gp, g1)
    guard delta != Int.min else { throw ArithmeticOverflow() }
    // Linear up to rounding: every residue advances by the same D over a period.
    for r in 1...p {
      guard let a = f(r), let b = f(r + p), try Checked.sub(b, a) == delta else {
        throw ArithmeticOverflow()
      }
    }
    var threshold = 1
    for r in 1...p {
      guard let v = f(r) else { throw ArithmeticOverflow() }
      var k: Int?  // periods to the first member (delta > 0), or past the last one
      if atLeastOne {
        if delta > 0 {
          k = max(0, Checked.floorDiv(try Checked.add(Checked.sub(1, v), delta - 1), delta))
        } else if delta < 0, v >= 1 {
          k = try Checked.add(Checked.sub(v, 1) / -delta, 1)
        }
      } else if delta != 0, v % delta == 0, try Checked.sub(0, v) / delta >= 0 {
        k = try Checked.add(Checked.sub(0, v) / delta, 1)
      }
      guard let k else { continue }
      guard k <= EventualSet.limit else { throw ArithmeticOverflow() }
      // The first member, or one past the last: r + k*p (the +1 past a last member is in k*p+1).
      let last =
        atLeastOne && delta > 0 ? r + k * p : r + (k - 1) * p + 1
      guard last <= EventualSet.limit else { throw ArithmeticOverflow() }
      threshold = max(threshold, last)
    }
    return threshold
  }

  /// {X : g(X) >= 1} or {X : g(X) == 0} for a formula linear in X up to rounding: g(X + P) =
  /// g(X) + D for a period P, so each residue class is decided by one comparison with D.
  static func solve(_ g: Poly, _ x: String, _ others: [String: Int], atLeastOne: Bool)
    -> EventualSet?
  {
    guard let p = g.period(in: x, limit: EventualSet.limit) else { return nil }
    func at(_ s: Int) -> Int? {
      var values = others
      values[x] = s
      return (try? g.evaluated(values)) ?? nil
    }
    guard let threshold = try? threshold(at, period: p, atLeastOne: atLeastOne) else { return nil }
    return EventualSet(threshold: threshold, period: p) { s in
      guard let v = at(s) else { return false }
      return atLeastOne ? v >= 1 : v == 0
    }.minimized()
  }
}
