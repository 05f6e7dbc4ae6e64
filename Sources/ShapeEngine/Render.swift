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
    if layer.layer != nil { detail += ", \(layer.params.total) params" }
    text += "\n" + detail
    return text
  }

  /// The outcome of a line as the REPL shows it.
  public static func outcome(_ o: Outcome, source: String) -> String? {
    switch o {
    case .nothing, .quit: return nil
    case .effect(let e, let graph): return effect(e, graph)
    case .shown(let b, _, let graph): return binding(b, graph)
    case .applied(let ev, let size): return evaluation(ev, size: size)
    case .summary(let g, let title): return summary(g, title: title)
    case .executed(let x): return x.text.isEmpty ? nil : x.text
    case .scanned(let scan): return scan.text
    case .imported(let name, let layers, let g): return imported(name, layers, g)
    case .help(let topic): return Help.text(topic)
    case .export(let request): return request.message
    case .failure(let e): return failure(e, source: source)
    }
  }

  static func effect(_ e: Effect, _ g: Graph) -> String {
    switch e {
    case .input(let t): return tensor(t, in: g)
    case .called(_, let outs): return outs.map { tensor($0, in: g) }.joined(separator: "\n")
    case .layerBound(let l, let v):
      let node = g.layers[l]
      return
        "\(v) = <\(node.className) name=\(node.name), built=False>  (a layer: call it on a tensor, "
        + "\(v)(x))"
    case .show(let b, _), .alias(let b, _): return binding(b, g)
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
      "imported model \"\(name)\": \(added.count) layers, \(params.total) params "
        + "(\(params.trainable) trainable)"
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
          ? "  called \(calls) time\(calls == 1 ? "" : "s"), \(node.params.total) params" : "")
    }
  }

  /// The summary table: every called layer, its output shapes, params; formulas where symbolic.
  public static func summary(_ g: Graph, title: String) -> String {
    let symbolic = g.tensors.contains { $0.type.hasFormulas }
    let graphLike = g.layers.contains {
      $0.calls.contains { $0.inputs.count > 1 } || $0.calls.count > 1
    }
    var headers = ["Layer (type)", "Output Shape"]
    if symbolic { headers.append("Formula") }
    headers.append("Param #")
    if graphLike { headers.append("Connected to") }
    var table = Table(headers: headers, rightAligned: [symbolic ? 3 : 2])
    for node in g.layers where !node.calls.isEmpty {
      let outs = node.calls.flatMap(\.outputs).map { g.tensors[$0].type }
      var row = [
        "\(node.name) (\(node.className))", outs.map(\.kerasShape).joined(separator: ", "),
      ]
      if symbolic { row.append(outs.map(\.formulaShape).joined(separator: ", ")) }
      row.append(String(node.params.total))
      if graphLike {
        let sources = node.calls.flatMap(\.inputs).map { g.layerName(of: $0) }
        row.append(sources.isEmpty ? "-" : sources.joined(separator: ", "))
      }
      table.rows.append(row)
    }
    return [title, table.rendered(), footer(g)].joined(separator: "\n")
  }

  static func footer(_ g: Graph) -> String {
    let p = g.totalParams
    var trainableBytes = 0.0
    var frozenBytes = 0.0
    for node in g.layers where !node.calls.isEmpty {
      let size = Double(node.policy.variableDType.byteSize)
      trainableBytes += Double(node.params.trainable) * size
      frozenBytes += Double(node.params.nonTrainable) * size
    }
    return " Total params: \(p.total) (\(readableBytes(trainableBytes + frozenBytes)))\n"
      + " Trainable params: \(p.trainable) (\(readableBytes(trainableBytes)))\n"
      + " Non-trainable params: \(p.nonTrainable) (\(readableBytes(frozenBytes)))"
  }

  /// `apply`: the summary at that size, or the layers up to the failure and why it failed.
  public static func evaluation(_ ev: Evaluation, size: String?) -> String {
    let table = evaluationTable(ev, size: size)
    return failure(ev).map { table + "\n\n" + $0 } ?? table
  }

  /// The table of the layers that evaluated.
  public static func evaluationTable(_ ev: Evaluation, size: String?) -> String {
    let model = ev.model.map { "Model \"\($0)\" " } ?? ""
    return summary(
      ev.graph,
      title: model + (size.map { "applied at \($0):" } ?? "applied at the declared shapes:")
        .capitalizedFirst(model.isEmpty))
  }

  /// An error with its source line and caret; inside the program's functions, the traceback.
  public static func failure(_ e: EngineError, source: String) -> String {
    var text = e.diagnostic.rendered(source: e.source ?? source)
    if !e.trace.isEmpty {
      text = "Traceback (most recent call last): " + e.trace.joined(separator: " -> ") + "\n" + text
    }
    return text
  }

  /// Which layer and statement failed, and why; nil when the evaluation succeeded.
  public static func failure(_ ev: Evaluation) -> String? {
    guard let (i, error) = ev.failure else { return nil }
    let location =
      error.layer.map { " at layer \($0)" + (error.className.map { " (\($0))" } ?? "") } ?? ""
    return "failed\(location), statement \(i + 1):\n"
      + failure(error, source: ev.sources.indices.contains(i) ? ev.sources[i] : "")
  }
}

extension String {
  /// The string with its first letter upper-cased when `when` holds.
  fileprivate func capitalizedFirst(_ when: Bool) -> String {
    when ? prefix(1).uppercased() + dropFirst() : self
  }
}
