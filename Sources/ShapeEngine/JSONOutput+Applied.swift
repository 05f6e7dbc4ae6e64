import LayerCatalog
import ShapeCore

extension JSONOutput.Writer {
  /// The `apply` record of `ev` at `size` as `record(_:)` writes `JSONOutput.record(.applied(ev,
  /// size: size), ...)` without its `line` and `source` and its error's `statement` (an
  /// `inspect` result), written straight from the graph: no record, no layer records, no
  /// arrays of shapes in between. Without `--cost` and `--receptive-field`, whose fields only
  /// the record has (`JSONOutput.inspectResult` chooses).
  mutating func inspectResult(_ ev: Evaluation, size: String?) {
    let g = ev.graph
    var first = true
    bytes.append(UInt8(ascii: "{"))
    if let (_, e) = ev.failure {
      key("error", &first)
      var error = JSONOutput.error(e)
      error.statement = nil
      self.error(error)
    }
    key("inputs", &first)
    array(g.inputs) { w, input in w.tensor(input.tensor, g) }
    key("kind", &first)
    string("apply")
    key("layers", &first)
    bytes.append(UInt8(ascii: "["))
    var params = ParamCount()
    g.layers.withUnsafeBufferPointer { layers in
      var any = false
      for l in layers.indices where !layers[l].calls.isEmpty {
        if any { bytes.append(UInt8(ascii: ",")) }
        any = true
        let count = layers[l].params
        params = params + count
        layer(layers[l].name, layers[l].className, layers[l].calls, count, g)
      }
    }
    bytes.append(UInt8(ascii: "]"))
    if let model = ev.model {
      key("name", &first)
      string(model)
    }
    key("ok", &first)
    literal(ev.failure == nil ? "true" : "false")
    key("outputs", &first)
    array(g.outputs) { w, t in w.tensor(t, g) }
    // `Graph.totalParams`: the called layers' counts summed in creation order.
    key("params", &first)
    self.params(params)
    if let size {
      key("size", &first)
      string(size)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// `layer(_:)` of the `LayerJSON` that `JSONOutput.layers` makes of a layer (its name, class,
  /// calls and count): every call's outputs, in call order.
  private mutating func layer(
    _ name: String, _ className: String, _ calls: [LayerCall], _ count: ParamCount, _ g: Graph
  ) {
    // The keys and punctuation as whole runs: this is written for every layer at every size.
    literal("{\"class_name\":")
    string(className)
    literal(",\"dtypes\":[")
    var any = false
    for call in calls {
      for t in call.outputs {
        if any { bytes.append(UInt8(ascii: ",")) }
        any = true
        string(g.tensors[t].type.dtype.name)
      }
    }
    literal("],\"name\":")
    string(name)
    literal(",\"output_shapes\":[")
    any = false
    for call in calls {
      for t in call.outputs {
        if any { bytes.append(UInt8(ascii: ",")) }
        any = true
        shape(g.tensors[t].type.shape)
      }
    }
    literal("],\"params\":")
    params(count)
    bytes.append(UInt8(ascii: "}"))
  }

  /// `tensor(_:)` of `JSONOutput.tensor(t, g, named: true)`.
  private mutating func tensor(_ t: Int, _ g: Graph) {
    let type = g.tensors[t].type
    var first = true
    bytes.append(UInt8(ascii: "{"))
    key("dtype", &first)
    string(type.dtype.name)
    if type.hasFormulas {
      key("formula", &first)
      array(type.shape) { $0.string($1.formula) }
    }
    key("name", &first)
    string(g.layerName(of: t))
    key("shape", &first)
    shape(type.shape)
    bytes.append(UInt8(ascii: "}"))
  }

  /// A shape's dims: numbers, `null` where unknown.
  private mutating func shape(_ dims: [Dim]) {
    bytes.append(UInt8(ascii: "["))
    for (i, d) in dims.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      if let v = d.value { int(v) } else { literal("null") }
    }
    bytes.append(UInt8(ascii: "]"))
  }
}

extension JSONOutput {
  /// An `inspect` result (`Inspection.json`): the `apply` record without `line`, `source` and
  /// the error's `statement`.
  static func inspectResult(
    _ ev: Evaluation, size: String?, style: RenderStyle, into w: inout Writer
  ) {
    guard style.cost || style.receptiveField else {
      w.inspectResult(ev, size: size)
      return
    }
    guard var rec = record(.applied(ev, size: size), line: 1, source: "", style: style) else {
      return
    }
    rec.line = nil
    rec.source = nil
    rec.error?.statement = nil
    w.record(rec)
  }
}
