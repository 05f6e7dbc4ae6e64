import LayerCatalog
import ShapeCore
import StatementLanguage

/// Text for people: Keras's reprs and tables, with formulas beside them.
public enum Render {
  /// Keras's KerasTensor repr, then the formula form and the producing layer.
  public static func tensor(_ t: Int, in graph: Graph) -> String {
    let node = graph.tensors[t]
    let layer = graph.layers[node.layer]
    var text = node.type.kerasRepr(name: node.kerasName)
    var detail = "  = \(node.type.formulaShape)   \(layer.name) (\(layer.className))"
    if layer.layer != nil { detail += ", \(params(layer.params)) params" }
    text += "\n" + detail
    return text
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
      if x.text.isEmpty, x.display == nil, let last = x.calls.last {
        let shown = last.outputs.map { tensor($0, in: x.graph) }.joined(separator: "\n")
        let notes = x.calls.compactMap { deferredNote(x.graph.layers[$0.layer]) }
        return Prose.wrap(
          ([shown] + Array(Set(notes)).sorted()).joined(separator: "\n"), width: style.fitWidth)
      }
      let shown = ([x.text] + [x.display].compactMap { $0 }).filter { !$0.isEmpty }
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
      let shown = outs.map { tensor($0, in: g) }.joined(separator: "\n")
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

  /// The summary table: every called layer, its output shapes (formulas where Keras says `None`,
  /// or Keras's own form with `style.kerasShapes`), params as Keras groups them; fitted to
  /// `style.width`. A model's view lists its layers in Keras's order (`Graph.order`).
  public static func summary(_ g: Graph, title: String, style: RenderStyle = .plain) -> String {
    let graphLike =
      g.showsConnections
      ?? g.layers.contains { $0.calls.contains { $0.inputs.count > 1 } || $0.calls.count > 1 }
    var headers = ["Layer (type)", "Output Shape", "Param #"]
    let fields = style.receptiveField ? ReceptiveFields(g) : nil
    var shownTensors: [Int] = []
    if fields != nil { headers += ["RF", "Jump"] }
    let cost = style.cost ? CostAnalysis.run(g) : nil
    let costColumns = headers.count..<(headers.count + (cost == nil ? 0 : 2))
    if cost != nil { headers += CostReport.columnHeaders }
    if graphLike { headers.append("Connected to") }
    var table = Table(headers: headers, rightAligned: Set([2] + costColumns))
    table.keptWhole = [1]
    let folded = (style.depth ?? .max) <= 1 ? g.imports.indices.map { ($0, g.imports[$0]) } : []
    let listed = g.listed
    var k = 0
    while k < listed.count {
      let l = listed[k]
      if let (i, model) = folded.first(where: { $0.1.layers.lowerBound == l }),
        !model.layers.isEmpty
      {
        // An imported model as one row, as Keras shows a model used as a layer.
        let label = g.importLabels.indices.contains(i) ? g.importLabels[i] : "model (Functional)"
        let shapes = model.outputs.map { shape(g.tensors[$0].type, style) }
        var row = [
          label, shapes.joined(separator: ", "), params(g.params(of: model.layers)),
        ]
        if let fields {
          row += fields.cells(model.outputs, g)
          shownTensors += model.outputs
        }
        row += cost?.cells(model.layers) ?? []
        if graphLike {
          let inside = Set(model.layers)
          let sources = g.layers[model.layers].flatMap { $0.calls.flatMap(\.inputs) }
            .filter { !inside.contains(g.tensors[$0].layer) }.map { g.layerName(of: $0) }
          row.append(sources.isEmpty ? "-" : sources.joined(separator: ", "))
        }
        table.rows.append(row)
        while k < listed.count, model.layers.contains(listed[k]) { k += 1 }
        continue
      }
      let node = g.layers[l]
      k += 1
      if node.calls.isEmpty {
        // An unbuilt Sequential lists its layers as Keras does: no shape, no weights yet.
        if g.listsUncalled {
          let unbuilt = node.layer != nil && !Catalog.builtWhenMade(node.className)
          table.rows.append(
            ["\(node.name) (\(node.className))", "?", unbuilt ? "0 (unbuilt)" : "0"]
              + (fields != nil ? ["", ""] : []) + (cost != nil ? ["", ""] : [])
              + (graphLike ? ["-"] : []))
        }
        continue
      }
      // Keras's format_layer_shape: the outputs of the layer's last node in the program, a list
      // when several.
      let last = g.lastCalls[l] ?? node.calls.last
      let outs = (last?.outputs ?? []).map { shape(g.tensors[$0].type, style) }
      var row = [
        "\(node.name) (\(node.className))",
        outs.count == 1 ? outs[0] : "[" + outs.joined(separator: ", ") + "]",
        params(node.params),
      ]
      if let fields {
        let outputs = node.calls.flatMap(\.outputs)
        row += fields.cells(outputs, g)
        shownTensors += outputs
      }
      row += cost?.cells([l]) ?? []
      if graphLike {
        let sources = node.calls.flatMap(\.inputs).map { connection($0, g) }
        row.append(sources.isEmpty ? "-" : sources.joined(separator: ", "))
      }
      table.rows.append(row)
    }
    let legend = fields?.legend(g, rows: shownTensors) ?? []
    return
      ([title, table.rendered(maxWidth: style.fitWidth, compact: style.compact), footer(g)]
      + legend.map { Prose.wrap($0, width: style.fitWidth) }
      + (cost.map { [Prose.wrap($0.text, width: style.fitWidth)] } ?? []))
      .joined(separator: "\n")
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

  static func footer(_ g: Graph) -> String {
    let p = g.totalParams
    if p.isDeferred {
      let deferred = g.layers.filter { !$0.calls.isEmpty && $0.params.isDeferred }.map(\.name)
      let some = deferred.prefix(3).joined(separator: ", ") + (deferred.count > 3 ? ", ..." : "")
      return " Total params: \(params(p))\n"
        + " Trainable params: \(params(p, \.trainable))\n"
        + " Non-trainable params: \(params(p, \.nonTrainable))\n"
        + " (deferred: the weights of \(some) wait for the input's size; apply a size for bytes)"
    }
    var trainableBytes = 0.0
    var frozenBytes = 0.0
    // By index: a layer's node is not copied, and its weights are counted once.
    for i in g.layers.indices where !g.layers[i].calls.isEmpty {
      let size = Double(g.layers[i].policy.variableDType.byteSize)
      let params = g.layers[i].params
      trainableBytes += Double(params.trainable) * size
      frozenBytes += Double(params.nonTrainable) * size
    }
    return
      " Total params: \(groupedDigits(p.total)) (\(readableBytes(trainableBytes + frozenBytes)))\n"
      + " Trainable params: \(groupedDigits(p.trainable)) (\(readableBytes(trainableBytes)))\n"
      + " Non-trainable params: \(groupedDigits(p.nonTrainable)) (\(readableBytes(frozenBytes)))"
  }

  /// `apply`: the summary at that size, or the layers up to the failure and why it failed.
  public static func evaluation(_ ev: Evaluation, size: String?, style: RenderStyle = .plain)
    -> String
  {
    let table = evaluationTable(ev, size: size, style: style)
    return failure(ev, style: style).map { table + "\n\n" + $0 } ?? table
  }

  /// The table of the layers that evaluated.
  public static func evaluationTable(
    _ ev: Evaluation, size: String?, style: RenderStyle = .plain
  ) -> String {
    let model = ev.model.map { "Model \"\($0)\" " } ?? ""
    let title =
      model
      + (size.map { "applied at \($0):" } ?? "applied at the declared shapes:")
      .capitalizedFirst(model.isEmpty)
    let notes = ev.notes.map { Prose.wrap("note: " + $0, width: style.fitWidth) }
    return summary(ev.graph, title: ([title] + notes).joined(separator: "\n"), style: style)
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
