/// `apply 224x224 320x320 512x512`: one table with a column of output shapes per size, and the
/// parameter counts once when every size has the same, else one column per size; the sizes that
/// fail say where, below the table.
extension Render {
  public static func sideBySide(
    _ results: [(evaluation: Evaluation, size: String)], style: RenderStyle, failures: Bool = true
  ) -> String {
    // The rows: every layer any size evaluated, in the order of the fullest evaluation.
    let fullest = results.map(\.evaluation.graph).max { a, b in
      a.layers.filter { !$0.calls.isEmpty }.count < b.layers.filter { !$0.calls.isEmpty }.count
    }
    guard let base = fullest else { return "" }
    // Per size: layer name -> (shapes, params).
    let cells: [[String: (shapes: String, params: String)]] = results.map { r in
      let g = r.evaluation.graph
      var out: [String: (shapes: String, params: String)] = [:]
      for node in g.layers where !node.calls.isEmpty {
        let shapes = node.calls.flatMap(\.outputs).map { shape(g.tensors[$0].type, style) }
        out[node.name] = (shapes.joined(separator: ", "), params(node.params))
      }
      return out
    }
    let names = base.listed.map { base.layers[$0] }.filter { !$0.calls.isEmpty }
    let paramsDiffer = names.contains { node in
      Set(cells.compactMap { $0[node.name]?.params }).count > 1
    }
    var headers = ["Layer (type)"] + results.map(\.size)
    headers += paramsDiffer ? results.map { "Param # \($0.size)" } : ["Param #"]
    let numberColumns = Set((results.count + 1)..<headers.count)
    var table = Table(headers: headers, rightAligned: numberColumns)
    table.keptWhole = Set(1...results.count)
    for node in names {
      var row = ["\(node.name) (\(node.className))"]
      for (i, r) in results.enumerated() {
        if let c = cells[i][node.name] {
          row.append(c.shapes)
        } else {
          row.append(r.evaluation.failure?.error.layer == node.name ? "fails" : "-")
        }
      }
      if paramsDiffer {
        row += cells.map { $0[node.name]?.params ?? "-" }
      } else {
        row.append(
          cells.lazy.compactMap { $0[node.name] }.first?.params ?? "-")
      }
      table.rows.append(row)
    }
    let model = results.first?.evaluation.model.map { "Model \"\($0)\" applied" } ?? "Applied"
    var lines = [
      "\(model) at \(results.map(\.size).joined(separator: ", ")):",
      table.rendered(maxWidth: style.fitWidth, compact: style.compact),
    ]
    let ok = results.filter { $0.evaluation.failure == nil }
    let failing = results.filter { $0.evaluation.failure != nil }.map(\.size)
    let counts = ok.map { $0.evaluation.graph.totalParams.total }
    if failing.isEmpty, Set(counts).count == 1, let g = ok.first?.evaluation.graph {
      lines.append(footer(g))
    } else {
      lines.append(" Total params: " + totals(ok, failing))
    }
    for r in results {
      for note in r.evaluation.notes {
        lines.append(Prose.wrap("note (\(r.size)): " + note, width: style.fitWidth))
      }
      if failures, let f = failure(r.evaluation, style: style) {
        lines.append("\n\(r.size): " + f)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `1,562`, `1,562 at 32x32, 2,330 at 48x48`, with the sizes that fail.
  static func totals(_ ok: [(evaluation: Evaluation, size: String)], _ failing: [String]) -> String
  {
    let totals = ok.map { $0.evaluation.graph.totalParams.total }
    var total =
      Set(totals).count == 1
      ? totals.first.map(groupedDigits) ?? ""
      : zip(ok, totals).map { "\(groupedDigits($1)) at \($0.size)" }.joined(separator: ", ")
    if !failing.isEmpty {
      total +=
        (total.isEmpty ? "" : " ") + "(\(failing.joined(separator: ", ")) fail"
        + (failing.count == 1 ? "s)" : ")")
    }
    return total
  }
}
