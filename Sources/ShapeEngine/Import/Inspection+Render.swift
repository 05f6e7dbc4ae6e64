import LayerCatalog
import ShapeCore

extension Inspection {
  /// The report for people: a header, then per size the layer table (or one line each with
  /// `summaryOnly`) and, where a size fails, the failing layer, its input and why.
  public func text(file: String, summaryOnly: Bool, style: RenderStyle = .plain) -> String {
    let g = session.graph
    var out: [String] = []
    let called = g.layers.reduce(0) { $0 + ($1.calls.isEmpty ? 0 : 1) }
    out.append(
      "Model \"\(model.name)\" (\(model.className)) from \(file): \(called) layers, "
        + "\(Render.params(g.totalParams)) params at the declared shapes")
    for t in g.inputs {
      out.append("  input  \(g.layerName(of: t.tensor)): \(g.tensors[t.tensor].type.formulaShape)")
    }
    for t in g.outputs {
      out.append("  output \(g.layerName(of: t)): \(g.tensors[t].type.formulaShape)")
    }
    for (cls, layers) in assumed {
      out.append(
        "  assumed shape-preserving (--assume-identity): \(cls), used by "
          + layers.prefix(8).joined(separator: ", ") + (layers.count > 8 ? ", ..." : ""))
    }
    for r in results {
      out.append("")
      if summaryOnly {
        out.append(line(r))
        out += r.evaluation.notes.map { "  note: " + $0 }
        if style.cost { out.append(CostAnalysis.run(r.evaluation.graph).text) }
      } else {
        out.append(Render.evaluationTable(r.evaluation, size: r.size, style: style))
        if let f = failureText(r) { out.append("\n" + f) }
      }
    }
    if let scan { out += ["", scan.text] }
    // Prose fits the terminal; tables were fitted as they were drawn.
    return out.map { Table.contains($0.utf8, "┏") ? $0 : Prose.wrap($0, width: style.fitWidth) }
      .joined(separator: "\n")
  }

  /// One line: the size, then the outputs and params, or where it fails.
  func line(_ r: Result) -> String {
    let label = r.size ?? "declared"
    let g = r.evaluation.graph
    if let (_, e) = r.evaluation.failure {
      return "\(label): fails at \(e.layer ?? "?") (\(e.className ?? "?"))"
        + (e.inputs.isEmpty
          ? "" : " on input \(e.inputs.map(\.kerasShape).joined(separator: ", "))")
        + ": \(e.message)"
    }
    let outs = g.outputs.map { "\(g.layerName(of: $0)) \(g.tensors[$0].type.kerasShape)" }
    return "\(label): ok, output \(outs.joined(separator: ", ")), "
      + "\(Render.params(g.totalParams)) params"
  }

  /// Which layer fails at this size, on what input, why, and where the config calls it.
  public func failureText(_ r: Result) -> String? {
    guard let (_, e) = r.evaluation.failure else { return nil }
    var lines = [
      "fails at \(r.size ?? "the declared shapes"): layer \"\(e.layer ?? "?")\" (\(e.className ?? "?"))"
    ]
    if !e.inputs.isEmpty {
      lines.append("  input shape: " + e.inputs.map(\.kerasShape).joined(separator: ", "))
      if e.inputs.contains(where: \.hasFormulas) {
        lines.append("  as formulas: " + e.inputs.map(\.formulaShape).joined(separator: ", "))
      }
    }
    lines.append("  error: \(e.message)")
    if let hint = e.diagnostic.hint { lines.append("  hint: \(hint)") }
    if let path = e.path { lines.append("  in the config at \(path)") }
    return lines.joined(separator: "\n")
  }
}
