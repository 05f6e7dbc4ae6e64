import KerasJSON
import ShapeCore

/// `diff A B`: what changed between two models (two in the session, two sessions, a model and a
/// file): layers added, removed, and those whose class, output shapes or parameters changed.
/// Layers are matched by name; the rest (two models built with different auto-names) in order,
/// by class, as the longest common run of classes pairs them.
public enum ModelDiff {
  struct Row: Equatable {
    var name: String
    var className: String
    var shapes: String
    /// As the summary shows it: a number, or the formula of deferred weights.
    var params: String
  }

  /// The rows of a graph, its input symbols renamed as `names` says.
  static func rows(_ g: Graph, renaming names: [String: String] = [:]) -> [Row] {
    g.listed.compactMap { l in
      let node = g.layers[l]
      guard !node.calls.isEmpty else { return nil }
      let shapes = node.calls.flatMap(\.outputs).map { t in
        let type = g.tensors[t].type
        return TensorType(shape: type.shape.map { $0.renamingSymbols(names) }, dtype: type.dtype)
          .formulaShape
      }
      return Row(
        name: node.name, className: node.className, shapes: shapes.joined(separator: ", "),
        params: Render.params(node.params))
    }
  }

  /// The most pairs the in-order matching of unnamed layers compares (beyond, names only).
  static let maxPairing = 1 << 22

  public static func compare(_ a: Graph, _ nameA: String, _ b: Graph, _ nameB: String) -> Report {
    // Two models of one session name their inputs' sizes apart (H, H2): compared as the same.
    let symbolsA = inputSymbols(a)
    let symbolsB = inputSymbols(b)
    var names: [String: String] = [:]
    if symbolsA.count == symbolsB.count {
      for (x, y) in zip(symbolsB, symbolsA) { names[x] = y }
    }
    let left = rows(a)
    let right = rows(b, renaming: names)
    var pairs: [(Int, Int)] = []
    let rightByName = Dictionary(
      right.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { x, _ in x })
    var matchedRight = Set<Int>()
    for (i, r) in left.enumerated() {
      if let j = rightByName[r.name] {
        pairs.append((i, j))
        matchedRight.insert(j)
      }
    }
    let matchedLeft = Set(pairs.map(\.0))
    let restLeft = left.indices.filter { !matchedLeft.contains($0) }
    let restRight = right.indices.filter { !matchedRight.contains($0) }
    if restLeft.count * restRight.count <= maxPairing {
      pairs += lcs(restLeft.map { left[$0].className }, restRight.map { right[$0].className })
        .map { (restLeft[$0.0], restRight[$0.1]) }
    }
    let pairedLeft = Set(pairs.map(\.0))
    let pairedRight = Set(pairs.map(\.1))
    var lines = ["diff \(nameA) \(nameB): \(left.count) layers and \(right.count) layers"]
    var changed: [JSONValue] = []
    var same = 0
    for (i, j) in pairs.sorted(by: { $0.1 < $1.1 }) {
      let x = left[i]
      let y = right[j]
      var what: [String] = []
      if x.className != y.className { what.append("class \(x.className) -> \(y.className)") }
      if x.shapes != y.shapes { what.append("shape \(x.shapes) -> \(y.shapes)") }
      if x.params != y.params {
        what.append("params \(x.params) -> \(y.params)")
      }
      guard !what.isEmpty else {
        same += 1
        continue
      }
      let label = x.name == y.name ? x.name : "\(x.name) -> \(y.name)"
      lines.append("  changed \(label) (\(y.className)): " + what.joined(separator: "; "))
      changed.append(.fields([("a", json(x)), ("b", json(y))]))
    }
    let removed = left.indices.filter { !pairedLeft.contains($0) }.map { left[$0] }
    let added = right.indices.filter { !pairedRight.contains($0) }.map { right[$0] }
    for r in removed { lines.append("  removed \(r.name) (\(r.className)): \(r.shapes)") }
    for r in added { lines.append("  added   \(r.name) (\(r.className)): \(r.shapes)") }
    if changed.isEmpty, removed.isEmpty, added.isEmpty {
      lines.append("  no difference in layers, shapes or params")
    } else {
      lines.append("  unchanged: \(same) layer\(same == 1 ? "" : "s")")
    }
    let (ta, tb) = (a.totalParams, b.totalParams)
    let (pa, pb) = (Render.params(ta), Render.params(tb))
    var change = ""
    if !ta.isDeferred, !tb.isDeferred, tb.total != ta.total {
      let delta = tb.total - ta.total
      change = " (\(delta > 0 ? "+" : "")\(groupedDigits(delta)))"
    }
    lines.append("  params: \(pa) -> \(pb)\(change)")
    let doc = JSONValue.fields([
      ("a", .string(nameA)), ("b", .string(nameB)),
      ("added", .array(added.map(json))), ("removed", .array(removed.map(json))),
      ("changed", .array(changed)), ("unchanged", .int(same)),
      ("params", .fields([("a", count(ta)), ("b", count(tb))])),
    ])
    return Report(kind: "diff", text: lines.joined(separator: "\n"), json: doc)
  }

  /// The symbols of the inputs a graph lists (a model's own, not the whole session's).
  static func inputSymbols(_ g: Graph) -> [String] {
    var out: [String] = []
    for l in g.listed where g.layers[l].className == "InputLayer" {
      for t in g.layers[l].calls.flatMap(\.outputs) {
        for d in g.tensors[t].type.shape.dropFirst() {
          if let s = d.symbolName, !out.contains(s) { out.append(s) }
        }
      }
    }
    return out
  }

  static func json(_ r: Row) -> JSONValue {
    .fields([
      ("name", .string(r.name)), ("class_name", .string(r.className)),
      ("shapes", .string(r.shapes)), ("params", .string(r.params)),
    ])
  }

  /// A total: the number, or the formula's text when deferred.
  static func count(_ p: ParamCount) -> JSONValue {
    p.isDeferred ? .string(Render.params(p)) : .int(p.total)
  }

  /// Index pairs of a longest common subsequence of two sequences.
  static func lcs(_ x: [String], _ y: [String]) -> [(Int, Int)] {
    guard !x.isEmpty, !y.isEmpty else { return [] }
    let n = x.count
    let m = y.count
    var t = [Int](repeating: 0, count: (n + 1) * (m + 1))
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        t[i * (m + 1) + j] =
          x[i] == y[j]
          ? t[(i + 1) * (m + 1) + j + 1] + 1
          : max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1])
      }
    }
    var out: [(Int, Int)] = []
    var i = 0
    var j = 0
    while i < n, j < m {
      if x[i] == y[j] {
        out.append((i, j))
        i += 1
        j += 1
      } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
        i += 1
      } else {
        j += 1
      }
    }
    return out
  }
}
