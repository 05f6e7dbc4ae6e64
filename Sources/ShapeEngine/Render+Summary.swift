import LayerCatalog
import ShapeCore

/// The summary table, written as bytes: each cell once, straight from the graph (a layer's node
/// read in place, its parameters counted once for its row and the totals below).
extension Render {
  /// The summary table: every called layer, its output shapes (formulas where Keras says `None`,
  /// or Keras's own form with `style.kerasShapes`), params as Keras groups them; fitted to
  /// `style.width`. A model's view lists its layers in Keras's order (`Graph.order`).
  public static func summary(_ g: Graph, title: String, style: RenderStyle = .plain) -> String {
    var out = TextBytes()
    writeSummary(g, title: title, style: style, into: &out)
    return out.string
  }

  /// `summary`, appended to `out`.
  static func writeSummary(
    _ g: Graph, title: String, style: RenderStyle, into out: inout TextBytes
  ) {
    let fields = style.receptiveField ? ReceptiveFields(g) : nil
    let cost = style.cost ? CostAnalysis.run(g) : nil
    var shownTensors: [Int] = []
    let table = g.layers.withUnsafeBufferPointer { layers in
      summaryTable(
        g, layers, style: style, fields: fields, cost: cost, shownTensors: &shownTensors)
    }
    out.append(title)
    out.append(UInt8(ascii: "\n"))
    table.draw(maxWidth: style.fitWidth, compact: style.compact, into: &out)
    out.append(UInt8(ascii: "\n"))
    writeFooter(g, into: &out)
    for line in fields?.legend(g, rows: shownTensors) ?? [] {
      out.append(UInt8(ascii: "\n"))
      out.append(Prose.wrap(line, width: style.fitWidth))
    }
    if let cost {
      out.append(UInt8(ascii: "\n"))
      out.append(Prose.wrap(cost.text, width: style.fitWidth))
    }
  }

  /// The rows of the summary of `g`, whose layers are `layers`.
  private static func summaryTable(
    _ g: Graph, _ layers: UnsafeBufferPointer<LayerNode>, style: RenderStyle,
    fields: ReceptiveFields?, cost: CostReport?, shownTensors: inout [Int]
  ) -> TableBytes {
    let graphLike =
      g.showsConnections
      ?? layers.indices.contains { l in
        layers[l].calls.count > 1 || layers[l].calls.contains { $0.inputs.count > 1 }
      }
    var headers = ["Layer (type)", "Output Shape", "Param #"]
    if fields != nil { headers += ["RF", "Jump"] }
    let costColumns = headers.count..<(headers.count + (cost == nil ? 0 : 2))
    if cost != nil { headers += CostReport.columnHeaders }
    if graphLike { headers.append("Connected to") }
    var table = TableBytes(headers: headers, rightAligned: Set([2] + costColumns))
    table.keptWhole = [1]
    let folded = (style.depth ?? .max) <= 1 ? g.imports.indices.map { ($0, g.imports[$0]) } : []
    let listed = g.listed
    var k = 0
    while k < listed.count {
      let l = listed[k]
      if !folded.isEmpty, let (i, model) = folded.first(where: { $0.1.layers.lowerBound == l }),
        !model.layers.isEmpty
      {
        // An imported model as one row, as Keras shows a model used as a layer.
        let label = g.importLabels.indices.contains(i) ? g.importLabels[i] : "model (Functional)"
        table.cell(label)
        for (j, t) in model.outputs.enumerated() {
          if j > 0 { table.cells.append(", " as StaticString) }
          table.cells.appendShape(g.tensors[t].type, kerasShapes: style.kerasShapes)
        }
        table.endCell()
        table.cell(params(g.params(of: model.layers)))
        if let fields {
          for c in fields.cells(model.outputs, g) { table.cell(c) }
          shownTensors += model.outputs
        }
        for c in cost?.cells(model.layers) ?? [] { table.cell(c) }
        if graphLike {
          let inside = Set(model.layers)
          let sources = g.layers[model.layers].flatMap { $0.calls.flatMap(\.inputs) }
            .filter { !inside.contains(g.tensors[$0].layer) }.map { g.layerName(of: $0) }
          table.cell(sources.isEmpty ? "-" : sources.joined(separator: ", "))
        }
        while k < listed.count, model.layers.contains(listed[k]) { k += 1 }
        continue
      }
      k += 1
      let calls = layers[l].calls
      if calls.isEmpty {
        // An unbuilt Sequential lists its layers as Keras does: no shape, no weights yet.
        if g.listsUncalled {
          let unbuilt = layers[l].layer != nil && !Catalog.builtWhenMade(layers[l].className)
          appendName(layers[l].name, layers[l].className, to: &table.cells)
          table.endCell()
          table.cell("?")
          table.cell(unbuilt ? "0 (unbuilt)" : "0")
          for _ in 0..<((fields != nil ? 2 : 0) + (cost != nil ? 2 : 0)) { table.cell("") }
          if graphLike { table.cell("-") }
        }
        continue
      }
      appendName(layers[l].name, layers[l].className, to: &table.cells)
      table.endCell()
      // Keras's format_layer_shape: the outputs of the layer's last node in the program, a list
      // when several.
      let outputs = ((g.lastCalls.isEmpty ? nil : g.lastCalls[l]) ?? calls.last)?.outputs ?? []
      if outputs.count != 1 { table.cells.append(UInt8(ascii: "[")) }
      for (j, t) in outputs.enumerated() {
        if j > 0 { table.cells.append(", " as StaticString) }
        table.cells.appendShape(g.tensors[t].type, kerasShapes: style.kerasShapes)
      }
      if outputs.count != 1 { table.cells.append(UInt8(ascii: "]")) }
      table.endCell()
      appendParams(layers[l].params, to: &table.cells)
      table.endCell()
      if let fields {
        let outputs = calls.flatMap(\.outputs)
        for c in fields.cells(outputs, g) { table.cell(c) }
        shownTensors += outputs
      }
      for c in cost?.cells([l]) ?? [] { table.cell(c) }
      if graphLike {
        var any = false
        for call in calls {
          for t in call.inputs {
            if any { table.cells.append(", " as StaticString) }
            any = true
            appendConnection(t, g, layers, to: &table.cells)
          }
        }
        if !any { table.cells.append(UInt8(ascii: "-")) }
        table.endCell()
      }
    }
    return table
  }

  /// `name (ClassName)`.
  private static func appendName(_ name: String, _ className: String, to out: inout TextBytes) {
    out.append(name)
    out.append(" (" as StaticString)
    out.append(className)
    out.append(UInt8(ascii: ")"))
  }

  /// `params(p)`: grouped digits, or the formula of deferred weights.
  static func appendParams(_ p: ParamCount, to out: inout TextBytes) {
    if p.formulas == nil { out.appendGrouped(p.total) } else { out.append(params(p)) }
  }

  /// `connection(t, g)`, appended to `out`.
  private static func appendConnection(
    _ t: Int, _ g: Graph, _ layers: UnsafeBufferPointer<LayerNode>, to out: inout TextBytes
  ) {
    let l = g.tensors[t].layer
    out.append(layers[l].name)
    for call in layers[l].calls {
      if let i = call.outputs.firstIndex(of: t) {
        out.append(UInt8(ascii: "["))
        out.append(call.node)
        out.append("][" as StaticString)
        out.append(i)
        out.append(UInt8(ascii: "]"))
        return
      }
    }
  }

  static func footer(_ g: Graph) -> String {
    var out = TextBytes()
    writeFooter(g, into: &out)
    return out.string
  }

  /// The totals under a summary, with Keras's sizes in bytes.
  static func writeFooter(_ g: Graph, into out: inout TextBytes) {
    var p = ParamCount()
    var trainableBytes = 0.0
    var frozenBytes = 0.0
    // By index: a layer's node is not copied, and its weights are counted once.
    g.layers.withUnsafeBufferPointer { layers in
      for i in layers.indices where !layers[i].calls.isEmpty {
        let params = layers[i].params
        p = p + params
        let size = Double(layers[i].policy.variableDType.byteSize)
        trainableBytes += Double(params.trainable) * size
        frozenBytes += Double(params.nonTrainable) * size
      }
    }
    if p.isDeferred {
      let deferred = g.layers.filter { !$0.calls.isEmpty && $0.params.isDeferred }.map(\.name)
      let some = deferred.prefix(3).joined(separator: ", ") + (deferred.count > 3 ? ", ..." : "")
      out.append(
        " Total params: \(params(p))\n"
          + " Trainable params: \(params(p, \.trainable))\n"
          + " Non-trainable params: \(params(p, \.nonTrainable))\n"
          + " (deferred: the weights of \(some) wait for the input's size; apply a size for bytes)")
      return
    }
    out.append(" Total params: " as StaticString)
    out.appendGrouped(p.total)
    out.append(" (\(readableBytes(trainableBytes + frozenBytes)))\n Trainable params: ")
    out.appendGrouped(p.trainable)
    out.append(" (\(readableBytes(trainableBytes)))\n Non-trainable params: ")
    out.appendGrouped(p.nonTrainable)
    out.append(" (\(readableBytes(frozenBytes)))")
  }
}
