import KerasJSON
import LayerCatalog
import ShapeCore

/// `kshape inspect`: a saved model evaluated at its declared shapes and at each size asked for.
public struct Inspection: Sendable {
  public var model: SavedModel
  /// The session holding the imported model (its graph at the declared shapes).
  public var session: Session
  /// One evaluation per size, in the order given (the declared shapes when none was given).
  public var results: [Result]
  /// Classes treated as shape-preserving, with the layers that use them.
  public var assumed: [(className: String, layers: [String])]
  /// The sizes the model accepts, when a scan was asked for.
  public var scan: SizeScan?

  public struct Result: Sendable {
    /// The size as given; nil for the declared shapes.
    public var size: String?
    public var evaluation: Evaluation
  }

  /// True when every size evaluated (a scan's failures are its findings, not failures).
  public var allEvaluated: Bool { results.allSatisfy { $0.evaluation.failure == nil } }

  /// Imports `model` and evaluates it at each size (`apply` syntax; `batch` binds the batch dim).
  /// Throws when the config is broken or a size cannot be parsed; a layer failing at a size is a
  /// result, not an error.
  public static func run(
    _ model: SavedModel, sizes: [String], batch: Int? = nil,
    options: ImportOptions = ImportOptions(), scan: ClosedRange<Int>? = nil,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(EngineError) -> Inspection {
    var session = Session()
    let source = "import \(model.name)"
    var results: [Result] = []
    // Sizes are evaluated through the import's plan (`importsPlanned`): the program's compiled
    // calls are not extended.
    switch session.importModel(
      model, options: options, source: source, bindsNames: false, extendsPlan: false)
    {
    case .failure(let e) where e.isConfigError: throw e
    case .failure(let e):
      // It fails at its own declared shapes: that is the only result.
      let partial = Evaluation(graph: session.graph, failure: (0, e), sources: [source])
      return Inspection(
        model: model, session: session, results: [Result(size: nil, evaluation: partial)],
        assumed: [], scan: nil)
    default: break
    }
    let spec = batch.map { " batch=\($0)" } ?? ""
    // A scan alone shows no table at the declared shapes.
    for size in sizes.isEmpty && scan == nil ? [nil] : sizes.map(Optional.some) {
      let binding = try SizeSpec.parse((size ?? "") + spec, graph: session.graph)
      var evaluation = session.evaluate(binding)
      evaluation.notes = binding.notes
      results.append(Result(size: size, evaluation: evaluation))
    }
    return Inspection(
      model: model, session: session, results: results,
      assumed: Self.assumedClasses(model, options),
      scan: try scan.map { (r) throws(EngineError) in
        try SizeScan.run(session, range: r, batch: batch, progress: progress)
      })
  }

  static func assumedClasses(_ model: SavedModel, _ options: ImportOptions)
    -> [(className: String, layers: [String])]
  {
    guard !options.assumeIdentity.isEmpty else { return [] }
    return model.layers(byClass: \.className, assumingIdentity: options.assumeIdentity) {
      if case .assumedIdentity? = $0 { return true } else { return false }
    }.map { ($0.0, $0.1.map(\.name)) }
  }

  /// `{"model": NAME, "results": [APPLY, ...]}`: each result is the `apply` record of
  /// docs/json-output.md (without `line` and `source`); `assumed_identity` lists the classes
  /// treated as shape-preserving, when any.
  public var json: String { json(style: .plain) }

  /// The JSON with the options of `style` (`--receptive-field`).
  public func json(style: RenderStyle) -> String {
    // Keys sorted, as in every JSON kshape writes.
    var parts: [String] = []
    if !assumed.isEmpty {
      parts.append(
        "\"assumed_identity\":{"
          + assumed.map {
            JSONOutput.quoted($0.className) + ":["
              + $0.layers.map(JSONOutput.quoted).joined(separator: ",") + "]"
          }
          .joined(separator: ",") + "}")
    }
    parts.append("\"model\":" + JSONOutput.quoted(model.name))
    // The results written into one buffer, straight from each graph.
    var w = JSONOutput.Writer()
    w.bytes.append(contentsOf: ("{" + parts.joined(separator: ",") + ",\"results\":[").utf8)
    for (i, r) in results.enumerated() {
      if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
      JSONOutput.inspectResult(r.evaluation, size: r.size, style: style, into: &w)
    }
    w.bytes.append(UInt8(ascii: "]"))
    if let scan { w.bytes.append(contentsOf: (",\"scan\":" + scan.json).utf8) }
    w.bytes.append(UInt8(ascii: "}"))
    return String(decoding: w.bytes, as: UTF8.self)
  }
}
