import LayerCatalog
import ShapeCore
import StatementLanguage

/// Text for people: Keras's reprs and tables, with formulas beside them.
public enum Render {
  /// Keras's KerasTensor repr, then the formula form and the producing layer.
  public static func tensor(_ t: Int, in graph: Graph) -> String {
    var out = TextBytes()
    // Room for the two lines (about 130 bytes), so they are written without regrowing.
    out.bytes.reserveCapacity(192)
    appendTensor(t, in: graph, to: &out)
    return out.string
  }

  /// `tensor`, written at the end of `out`: first on the stack, where the pieces are copied
  /// without an array's checks, then at once (a name too long for the stack is written the
  /// ordinary way).
  static func appendTensor(_ t: Int, in graph: Graph, to out: inout TextBytes) {
    let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
      guard var fixed = FixedBytes(buffer) else { return false }
      writeTensor(t, in: graph, to: &fixed)
      guard !fixed.overflowed else { return false }
      out.bytes.append(contentsOf: fixed.written)
      return true
    }
    if !written { writeTensor(t, in: graph, to: &out) }
  }

  /// The text of `tensor`, written to `out`. `calledLayer`: the layer the caller knows made `t`
  /// in a call (an `.effect` of a call): it has its `Layer`, which is then not asked (asking
  /// copied the existential, and destroyed the copy). Only an input's node has none, and an
  /// input is never called (`Evaluator.call` refuses it, `StatementResult` shows it as an input).
  static func writeTensor(
    _ t: Int, in graph: Graph, to out: inout some TextSink, calledLayer: Int? = nil
  ) {
    // `TensorType.kerasRepr`, then the detail line; the node and its layer read in place
    // through the arrays' subscripts (a copy of either retains each of its fields).
    guard graph.tensors.indices.contains(t) else { return }
    out.append("<KerasTensor shape=" as StaticString)
    out.appendShape(graph.tensors[t].type, kerasShapes: true)
    out.append(", dtype=" as StaticString)
    out.append(graph.tensors[t].type.dtype.name)
    out.append(", sparse=False, ragged=False, name=" as StaticString)
    // `kerasName`, written without making the string.
    if let given = graph.tensors[t].givenName {
      out.append(given)
    } else {
      // `TensorNode.numberedPrefix`, as a literal (read in place, no string's storage asked).
      out.append("keras_tensor" as StaticString)
      let number = graph.tensors[t].nameNumber
      if number != 0 {
        out.append(UInt8(ascii: "_"))
        out.append(number)
      }
    }
    out.append(">\n  = " as StaticString)
    out.appendShape(graph.tensors[t].type, kerasShapes: false)
    out.append("   " as StaticString)
    let l = graph.tensors[t].layer
    guard graph.layers.indices.contains(l) else { return }
    out.append(graph.layers[l].name)
    out.append(" (" as StaticString)
    out.append(graph.layers[l].className)
    out.append(UInt8(ascii: ")"))
    if calledLayer == l || graph.layers[l].layer != nil {
      out.append(", " as StaticString)
      // `appendParams`.
      if !graph.layers[l].params.isDeferred {
        out.appendGrouped(graph.layers[l].params.total)
      } else {
        out.append(Self.params(graph.layers[l].params))
      }
      out.append(" params" as StaticString)
    }
  }

  /// A parameter count as tables show it: grouped digits, or the formula of deferred weights.
  static func params(_ p: ParamCount, _ count: KeyPath<ParamCount.Formulas, Dim> = \.total)
    -> String
  {
    p.text(count, grouped: groupedDigits)
  }

  /// The notes of the layers a statement called whose weights are deferred (a Python file
  /// shows them on stderr: Keras would raise at that line).
  public static func deferredNotes(_ o: Outcome) -> [String] {
    switch o {
    case .effect(.called(let l, _), let g): return deferredNote(g.layers[l]).map { [$0] } ?? []
    case .executed(let x):
      var seen = Set<Int>()
      return x.calls.compactMap { c in
        seen.insert(c.layer).inserted ? deferredNote(x.graph.layers[c.layer]) : nil
      }
    default: return []
    }
  }

  /// The note under a layer whose weights are deferred: Keras itself raises there.
  static func deferredNote(_ node: LayerNode) -> String? {
    guard node.params.isDeferred else { return nil }
    let formula = node.params.dims.total.formulaText
    return "note: Keras raises at this line until the size is known: the weights of \(node.name) "
      + "take their size from a dim of the input that is not known yet. kshape defers them ("
      + (formula.map { "params = \($0)" } ?? "their count has no closed form here")
      + "); `apply SIZE` evaluates them as Keras does at that size (`strict on` or "
      + "--keras-strict refuses them)"
  }

  /// The outcome of a line as the REPL shows it.
  public static func outcome(_ o: Outcome, source: String, style: RenderStyle = .plain) -> String? {
    switch o {
    case .nothing, .quit: return nil
    case .effect(let e, let graph): return Prose.wrap(effect(e, graph), width: style.fitWidth)
    case .shown(let b, _, let graph): return Prose.wrap(binding(b, graph), width: style.fitWidth)
    case .applied(let ev, let size): return evaluation(ev, size: size, style: style)
    case .appliedSizes(let results): return sideBySide(results, style: style)
    case .summary(let g, let title): return summary(g, title: title, style: style)
    case .executed(let x):
      // A statement that made several calls and showed nothing (a loop, `model.add` that
      // rebuilds a Sequential): the last call's output, as a line that made one would show.
      if !x.printed, x.display == nil, let last = x.calls.last {
        let shown = last.outputs.map { tensor($0, in: x.graph) }.joined(separator: "\n")
        let notes = x.calls.compactMap { deferredNote(x.graph.layers[$0.layer]) }
        return Prose.wrap(
          ([shown] + Array(Set(notes)).sorted()).joined(separator: "\n"), width: style.fitWidth)
      }
      // What it printed, even an empty line (`print()`); then the value an expression shows.
      let shown = (x.printed ? [x.text] : []) + [x.display].compactMap { $0 }.filter { !$0.isEmpty }
      return shown.isEmpty ? nil : shown.joined(separator: "\n")
    case .scanned(let scan): return Prose.wrap(scan.text, width: style.fitWidth)
    case .report(let report): return report.text
    case .imported(let name, let layers, let g):
      return Prose.wrap(imported(name, layers, g), width: style.fitWidth)
    case .help(let topic): return Prose.wrap(Help.text(topic), width: style.fitWidth)
    case .export(let request): return request.message
    case .diagram(let d):
      return d.picture.diagram(width: style.fitWidth, ascii: d.ascii || style.ascii)
    case .failure(let e): return diagnostic(e, source: source, style)
    }
  }

  /// An error with its caret; its message and hint wrapped to the terminal (the source line and
  /// its caret are left whole, so that the caret stays under the text it marks).
  /// Inside the program's functions, the traceback comes first.
  static func diagnostic(_ e: EngineError, source: String, _ style: RenderStyle) -> String {
    var text = e.diagnostic.rendered(source: e.source ?? source)
    if !e.trace.isEmpty {
      text = "Traceback (most recent call last): " + e.trace.joined(separator: " -> ") + "\n" + text
    }
    guard let width = style.fitWidth else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("error: ") || line.hasPrefix("hint: ") || line.hasPrefix("note: ")
        ? Prose.wrap(String(line), width: width) : String(line)
    }.joined(separator: "\n")
  }

  static func effect(_ e: Effect, _ g: Graph) -> String {
    switch e {
    case .input(let t): return tensor(t, in: g)
    case .called(let l, let outs):
      // One output (the usual call) is its text as made, without an array and a join.
      let shown =
        outs.count == 1
        ? tensor(outs[0], in: g) : outs.map { tensor($0, in: g) }.joined(separator: "\n")
      // Read in place: most layers have no deferred weights, and a copy of the node retains
      // every field.
      guard g.layers[l].params.isDeferred else { return shown }
      return deferredNote(g.layers[l]).map { shown + "\n" + $0 } ?? shown
    case .layerBound(let l, let v):
      let node = g.layers[l]
      return
        "\(v) = <\(node.className) name=\(node.name), built=False>  (a layer: call it on a tensor, "
        + "\(v)(x))"
    }
  }

  /// What an import added: counts, inputs, outputs, and how to go on.
  static func imported(_ name: String, _ layers: Range<Int>, _ g: Graph) -> String {
    let added = g.layers[layers]
    let params = g.params(of: layers)
    let inputs = added.filter { $0.className == "InputLayer" }.flatMap {
      $0.calls.flatMap(\.outputs)
    }
    // The model's own outputs (`output_layers`), as the import recorded them.
    let outputs = g.imports.last { $0.layers == layers }?.outputs ?? []
    var lines = [
      "imported model \"\(name)\": \(added.count) layers, \(Self.params(params)) params "
        + "(\(Self.params(params, \.trainable)) trainable)"
    ]
    for t in inputs {
      lines.append("  input  \(g.layerName(of: t)): \(g.tensors[t].type.formulaShape)")
    }
    for t in outputs {
      lines.append("  output \(g.layerName(of: t)): \(g.tensors[t].type.formulaShape)")
    }
    lines.append(
      "each layer's name stands for its output; the next layer stacks on "
        + (g.current.map { g.layerName(of: $0) } ?? "the output")
        + "; `summary` lists the layers, `apply SIZE` evaluates them at a size")
    return lines.joined(separator: "\n")
  }

  static func binding(_ b: Binding, _ g: Graph) -> String {
    switch b {
    case .tensor(let t): return tensor(t, in: g)
    case .tuple(let outs): return outs.map { tensor($0, in: g) }.joined(separator: "\n")
    case .layer(let l):
      let node = g.layers[l]
      let calls = node.calls.count
      return "<\(node.className) name=\(node.name), built=\(calls > 0 ? "True" : "False")>"
        + (calls > 0
          ? "  called \(calls) time\(calls == 1 ? "" : "s"), \(params(node.params)) params"
          : "")
    }
  }

  /// Keras's "Connected to" entry for a tensor: its layer, node and tensor index
  /// (`conv2d[0][0]`).
  static func connection(_ t: Int, _ g: Graph) -> String {
    let node = g.layers[g.tensors[t].layer]
    for call in node.calls {
      if let i = call.outputs.firstIndex(of: t) { return "\(node.name)[\(call.node)][\(i)]" }
    }
    return node.name
  }

  /// A shape in the summary: with formulas, or as Keras prints it.
  static func shape(_ t: TensorType, _ style: RenderStyle) -> String {
    style.kerasShapes ? t.kerasShape : t.formulaShape
  }

  /// `apply`: the summary at that size, or the layers up to the failure and why it failed.
  public static func evaluation(_ ev: Evaluation, size: String?, style: RenderStyle = .plain)
    -> String
  {
    String(decoding: evaluationBytes(ev, size: size, style: style), as: UTF8.self)
  }

  /// `evaluation` as UTF-8 bytes, for a writer that takes them as they are (a script's `apply`
  /// of a 5,000-layer chain: making a `String` of its table validated it again, as long as
  /// drawing it took).
  public static func evaluationBytes(_ ev: Evaluation, size: String?, style: RenderStyle = .plain)
    -> [UInt8]
  {
    var out = TextBytes()
    writeEvaluationTable(ev, size: size, style: style, into: &out)
    if let failure = failure(ev, style: style) {
      out.append("\n\n" as StaticString)
      out.append(failure)
    }
    return out.bytes
  }

  /// The table of the layers that evaluated.
  public static func evaluationTable(
    _ ev: Evaluation, size: String?, style: RenderStyle = .plain
  ) -> String {
    var out = TextBytes()
    writeEvaluationTable(ev, size: size, style: style, into: &out)
    return out.string
  }

  /// `evaluationTable`, appended to `out`.
  static func writeEvaluationTable(
    _ ev: Evaluation, size: String?, style: RenderStyle, into out: inout TextBytes
  ) {
    let model = ev.model.map { "Model \"\($0)\" " } ?? ""
    let title =
      model
      + (size.map { "applied at \($0):" } ?? "applied at the declared shapes:")
      .capitalizedFirst(model.isEmpty)
    let notes = ev.notes.map { Prose.wrap("note: " + $0, width: style.fitWidth) }
    writeSummary(
      ev.graph, title: ([title] + notes).joined(separator: "\n"), style: style, into: &out)
  }

  /// Which layer and statement failed, and why; nil when the evaluation succeeded.
  public static func failure(_ ev: Evaluation, style: RenderStyle = .plain) -> String? {
    guard let (i, error) = ev.failure else { return nil }
    let location =
      error.layer.map { " at layer \($0)" + (error.className.map { " (\($0))" } ?? "") } ?? ""
    return "failed\(location), statement \(i + 1):\n"
      + diagnostic(error, source: ev.sources.indices.contains(i) ? ev.sources[i] : "", style)
  }
}

extension String {
  /// The string with its first letter upper-cased when `when` holds.
  fileprivate func capitalizedFirst(_ when: Bool) -> String {
    when ? prefix(1).uppercased() + dropFirst() : self
  }
}
