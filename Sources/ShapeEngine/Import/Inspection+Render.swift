import LayerCatalog
import ShapeCore

extension Inspection {
  /// The report for people: a header, then per size the layer table (or one line each with
  /// `summaryOnly`) and, where a size fails, the failing layer, its input and why.
  public func text(file: String, summaryOnly: Bool, style: RenderStyle = .plain) -> String {
    var text: [UInt8] = []
    var first = true
    writeText(file: file, summaryOnly: summaryOnly, style: style) { piece in
      if !first { text.append(UInt8(ascii: "\n")) }
      first = false
      text += piece
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// `text` in pieces of UTF-8, each some whole lines (the text is the pieces joined by
  /// newlines), given to `emit` as they are made: a size's table is written out before the next
  /// is drawn, so memory holds one table, not the report.
  public func writeText(
    file: String, summaryOnly: Bool, style: RenderStyle = .plain, to emit: ([UInt8]) -> Void
  ) {
    // Prose fits the terminal; tables were fitted as they were drawn.
    func prose(_ text: String) {
      emit(
        Array(
          (Table.contains(text.utf8, "┏") ? text : Prose.wrap(text, width: style.fitWidth)).utf8))
    }
    let g = session.graph
    // The called layers and `g.totalParams`, without copying each node.
    var called = 0
    var total = ParamCount()
    g.layers.withUnsafeBufferPointer { layers in
      for l in layers.indices where !layers[l].calls.isEmpty {
        called += 1
        total = total + layers[l].params
      }
    }
    prose(
      "Model \"\(model.name)\" (\(model.className)) from \(file): \(called) layers, "
        + "\(Render.params(total)) params at the declared shapes")
    for t in g.inputs {
      prose("  input  \(g.layerName(of: t.tensor)): \(g.tensors[t.tensor].type.formulaShape)")
    }
    for t in g.outputs {
      prose("  output \(g.layerName(of: t)): \(g.tensors[t].type.formulaShape)")
    }
    for (cls, layers) in assumed {
      prose(
        "  assumed shape-preserving (--assume-identity): \(cls), used by "
          + layers.prefix(8).joined(separator: ", ") + (layers.count > 8 ? ", ..." : ""))
    }
    var table = TextBytes()
    for r in results {
      emit([])
      if summaryOnly {
        prose(line(r))
        for note in r.evaluation.notes { prose("  note: " + note) }
        if style.cost { prose(CostAnalysis.run(r.evaluation.graph).text) }
      } else {
        table.bytes.removeAll(keepingCapacity: true)
        Render.writeEvaluationTable(r.evaluation, size: r.size, style: style, into: &table)
        // A table: never wrapped again.
        emit(table.bytes)
        if let f = failureText(r) { prose("\n" + f) }
      }
    }
    if let scan {
      emit([])
      prose(scan.text)
    }
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
