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
          for back in 1...min(a.count, b.count) {
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
    guard let g1 = at(1), let gp = at(1 + p) else { return nil }
    let delta = gp - g1
    // Linear up to rounding: every residue advances by the same D over a period.
    for r in 1...p {
      guard let a = at(r), let b = at(r + p), b - a == delta else { return nil }
    }
    var threshold = 1
    for r in 1...p {
      guard let v = at(r) else { return nil }
      var last: Int?  // the last member (delta < 0) or first (delta > 0) of this class
      if atLeastOne {
        if delta > 0 {
          let k = max(0, (1 - v + delta - 1) / delta)
          last = r + k * p
        } else if delta < 0, v >= 1 {
          last = r + (v - 1) / -delta * p + 1
        }
      } else if delta != 0, (-v) % delta == 0, -v / delta >= 0 {
        last = r + (-v / delta) * p + 1
      }
      if let last {
        guard last <= EventualSet.limit else { return nil }
        threshold = max(threshold, last)
      }
    }
    return EventualSet(threshold: threshold, period: p) { s in
      guard let v = at(s) else { return false }
      return atLeastOne ? v >= 1 : v == 0
    }.minimized()
  }
}
