import Foundation
import KerasJSON
import LayerCatalog
import ShapeCore

/// The machine output of docs/json-output.md: one object per statement (JSON Lines).
public enum JSONOutput {
  public struct TensorJSON: Codable, Equatable, Sendable {
    public var name: String?
    public var shape: [Int?]
    public var dtype: String
    /// The formula form (`["None", "H-4", "W-4", "3"]`) when some dim is a formula.
    public var formula: [String]?
  }

  public struct LayerJSON: Codable, Equatable, Sendable {
    public var name: String
    public var className: String
    public var outputShapes: [[Int?]]
    public var dtypes: [String]
    public var params: ParamCount
    /// With `--receptive-field`: each output's receptive field in each input.
    public var receptiveField: [ReceptiveFieldJSON]?
    /// With `--cost` (docs/cost.md).
    public var cost: CostJSON? = nil
    enum CodingKeys: String, CodingKey {
      case name, params, dtypes, cost
      case className = "class_name"
      case outputShapes = "output_shapes"
      case receptiveField = "receptive_field"
    }
  }

  public struct ErrorJSON: Codable, Equatable, Sendable {
    public var message: String
    public var layer: String?
    public var className: String?
    public var hint: String?
    /// 0-based character range of the offending source in the statement.
    public var column: Int?
    public var statement: Int?
    /// The failing layer's input shapes.
    public var inputs: [[Int?]]?
    /// Where in a model file the problem stands (`$.config.layers[3].inbound_nodes[0]`).
    public var path: String?
    enum CodingKeys: String, CodingKey {
      case message, layer, hint, column, statement, inputs, path
      case className = "class_name"
    }
  }

  /// One statement's result. Fields not relevant to a kind are absent.
  public struct Record: Codable, Equatable, Sendable {
    /// Absent in `kshape inspect` results, which have no statements.
    public var line: Int?
    public var ok: Bool
    public var kind: String
    public var source: String?
    public var name: String?
    public var className: String?
    public var variable: String?
    public var outputs: [TensorJSON]?
    public var params: ParamCount?
    public var size: String?
    public var inputs: [TensorJSON]?
    public var layers: [LayerJSON]?
    public var text: String?
    public var error: ErrorJSON?
    /// For `export`: the file written and its format (`keras` or `python`).
    public var path: String?
    public var format: String?
    /// With `--cost`: the totals (docs/cost.md).
    public var cost: CostJSON?
    /// For `rules`, `solve`, a two-axis `scan`, `diff`: the report as a document.
    public var report: JSONValue? = nil
    enum CodingKeys: String, CodingKey {
      case line, ok, kind, source, name, variable, outputs, params, size, inputs, layers, text,
        error, path, format, cost
      case className = "class_name"
    }

    init(line: Int?, ok: Bool, kind: String, source: String?) {
      self.line = line
      self.ok = ok
      self.kind = kind
      self.source = source
    }
  }

  static func shape(_ t: TensorType) -> [Int?] { t.shape.map(\.value) }

  static func tensor(_ id: Int, _ g: Graph, named: Bool = false) -> TensorJSON {
    let t = g.tensors[id].type
    return TensorJSON(
      name: named ? g.layerName(of: id) : nil, shape: shape(t), dtype: t.dtype.name,
      formula: t.hasFormulas ? t.shape.map(\.formula) : nil)
  }

  /// Layers in creation order with the outputs of every call, in call order.
  public static func layers(
    _ g: Graph, _ range: Range<Int>? = nil, receptiveFields: Bool = false
  ) -> [LayerJSON] {
    let fields = receptiveFields ? ReceptiveFields(g) : nil
    return g.layers[range ?? g.layers.indices].filter { !$0.calls.isEmpty }.map { node in
      let ids = node.calls.flatMap(\.outputs)
      let outs = ids.map { g.tensors[$0].type }
      return LayerJSON(
        name: node.name, className: node.className, outputShapes: outs.map(shape),
        dtypes: outs.map(\.dtype.name), params: node.params, receptiveField: fields?.json(ids, g))
    }
  }

  static func error(_ e: EngineError, statement: Int? = nil) -> ErrorJSON {
    ErrorJSON(
      message: e.message, layer: e.layer, className: e.className, hint: e.diagnostic.hint,
      column: e.diagnostic.range?.start, statement: statement,
      inputs: e.inputs.isEmpty ? nil : e.inputs.map(shape), path: e.path?.description)
  }

  /// The records of one outcome: one per size of a side-by-side apply, else at most one.
  public static func records(
    _ o: Outcome, line: Int, source: String, style: RenderStyle = .plain
  ) -> [Record] {
    if case .appliedSizes(let results) = o {
      return results.compactMap {
        record(.applied($0.evaluation, size: $0.size), line: line, source: source, style: style)
      }
    }
    return record(o, line: line, source: source, style: style).map { [$0] } ?? []
  }

  /// The record of one outcome.
  public static func record(
    _ o: Outcome, line: Int, source: String, style: RenderStyle = .plain
  ) -> Record? {
    var r = Record(line: line, ok: true, kind: "", source: source)
    switch o {
    case .nothing, .quit: return nil
    case .appliedSizes(let results):
      guard let first = results.first else { return nil }
      return record(
        .applied(first.evaluation, size: first.size), line: line, source: source, style: style)
    case .effect(let e, let g):
      switch e {
      case .input(let t):
        r.kind = "input"
        r.name = g.layerName(of: t)
        r.className = "InputLayer"
        r.outputs = [tensor(t, g)]
      case .called(let l, let outs):
        r.kind = "layer"
        r.name = g.layers[l].name
        r.className = g.layers[l].className
        r.outputs = outs.map { tensor($0, g) }
        r.params = g.layers[l].params
      case .layerBound(let l, let v):
        r.kind = "layer_binding"
        r.name = g.layers[l].name
        r.className = g.layers[l].className
        r.variable = v
      }
    case .shown(let b, let n, let g):
      fill(&r, b, n, g)
    case .imported(let name, let range, let g):
      r.kind = "import"
      r.name = name
      r.layers = layers(g, range)
      r.params = g.params(of: range)
    case .applied(let ev, let size):
      r.kind = "apply"
      r.size = size
      r.name = ev.model
      r.inputs = ev.graph.inputs.map { tensor($0.tensor, ev.graph, named: true) }
      r.layers = layers(ev.graph, receptiveFields: style.receptiveField)
      r.outputs = ev.graph.outputs.map { tensor($0, ev.graph, named: true) }
      r.params = ev.graph.totalParams
      if let (i, e) = ev.failure {
        r.ok = false
        r.error = error(e, statement: i + 1)
      }
    case .scanned(let scan):
      r.kind = "scan"
      r.text = scan.text
    case .report(let report):
      r.kind = report.kind
      r.text = report.text
      r.report = report.json
    case .summary(let g, let title):
      r.kind = "summary"
      r.layers = layers(g, receptiveFields: style.receptiveField)
      r.params = g.totalParams
      var plain = RenderStyle.plain
      plain.receptiveField = style.receptiveField
      r.text = Render.summary(g, title: title, style: plain)
    case .executed(let x):
      // A block or a statement with several calls: every layer call it made, and its text.
      r.kind = "statement"
      r.layers = x.calls.map { c in
        let node = x.graph.layers[c.layer]
        return LayerJSON(
          name: node.name, className: node.className,
          outputShapes: c.outputs.map { shape(x.graph.tensors[$0].type) },
          dtypes: c.outputs.map { x.graph.tensors[$0].type.dtype.name }, params: node.params)
      }
      r.text = x.text.isEmpty ? nil : x.text
    case .help(let topic):
      r.kind = "help"
      r.text = Help.text(topic)
    case .export(let request):
      r.kind = "export"
      r.path = request.path
      r.format = request.format.rawValue
      r.layers = request.layers
      r.text = request.message
    case .diagram(let d):
      r.kind = "diagram"
      r.size = d.size
      r.text = d.picture.diagram(ascii: d.ascii || style.ascii)
    case .failure(let e):
      r.ok = false
      r.kind = "error"
      r.error = error(e)
    }
    if style.cost { addCost(&r, o) }
    return r
  }

  private static func fill(_ r: inout Record, _ b: Binding, _ n: String?, _ g: Graph) {
    r.variable = n
    switch b {
    case .tensor(let t):
      r.kind = "tensor"
      r.name = g.layerName(of: t)
      r.className = g.layers[g.tensors[t].layer].className
      r.outputs = [tensor(t, g)]
    case .tuple(let outs):
      r.kind = "tensor"
      r.outputs = outs.map { tensor($0, g) }
    case .layer(let l):
      r.kind = "layer_binding"
      r.name = g.layers[l].name
      r.className = g.layers[l].className
    }
  }

  /// One JSON line, keys sorted (`Writer`: the bytes `JSONEncoder` would write).
  public static func encode(_ r: Record) -> String {
    var w = Writer()
    w.record(r)
    return String(decoding: w.bytes, as: UTF8.self)
  }
}

extension JSONOutput {
  /// A JSON string literal.
  public static func quoted(_ s: String) -> String { JSONValue.string(s).compactText }
}
