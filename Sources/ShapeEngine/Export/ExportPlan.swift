import LayerCatalog

/// What both exports write: the layers that are part of the model, where each tensor comes
/// from, and the layers left out. Built once from a graph, checked for what Keras cannot load.
struct ExportPlan {
  let graph: Graph
  /// Indices into `graph.layers` of the layers in the model (inputs and called layers), in
  /// creation order.
  let layers: [Int]
  /// Layers bound but never called: not part of the model.
  let uncalled: [String]
  /// Tensor id -> (layer index, call index, output index): Keras's `keras_history`.
  private let history: [Int: (layer: Int, node: Int, index: Int)]

  init(_ graph: Graph) throws(EngineError) {
    guard !graph.inputs.isEmpty else {
      throw EngineError(
        "the session is empty: there is no model to export",
        hint: "start with an input, e.g. x = Input((None, None, 3)), and stack layers on it")
    }
    self.graph = graph
    var history: [Int: (layer: Int, node: Int, index: Int)] = [:]
    for (l, node) in graph.layers.enumerated() {
      for (n, call) in node.calls.enumerated() {
        for (i, t) in call.outputs.enumerated() { history[t] = (l, n, i) }
      }
    }
    self.history = history
    layers = graph.layers.indices.filter { !graph.layers[$0].calls.isEmpty }
    uncalled = graph.layers.filter { $0.calls.isEmpty }.map(\.name)
    guard layers.contains(where: { graph.layers[$0].className != "InputLayer" }),
      !graph.outputs.isEmpty
    else {
      throw EngineError(
        "no layer has been called yet: there is no model to export",
        hint: "call a layer on an input, e.g. Conv2D(8, 3) or y = Dense(10)(x)")
    }
    let lambdas = layers.map { graph.layers[$0] }.filter {
      $0.savedConfig == nil && ($0.className == "Lambda" || Self.holdsLambda($0.arguments))
    }
    if !lambdas.isEmpty {
      throw EngineError(
        "cannot export \(lambdas.map(\.name).joined(separator: ", ")): a Lambda holds Python "
          + "code, and kshape only has its name",
        hint: "replace the Lambda with Keras layers that compute the same thing, then export")
    }
  }

  private static func holdsLambda(_ a: CallArguments) -> Bool {
    func has(_ v: Value) -> Bool {
      switch v {
      case .layer(let l): return l.className == "Lambda" || holdsLambda(l.arguments)
      case .tuple(let xs), .list(let xs): return xs.contains(where: has)
      default: return false
      }
    }
    return a.positional.contains(where: has) || a.keywords.contains { has($0.1) }
  }

  /// Keras's `keras_history` of a tensor: the layer's name, its call, the output's index.
  func history(of tensor: Int) -> (name: String, node: Int, index: Int) {
    guard let h = history[tensor] else { return (graph.layerName(of: tensor), 0, 0) }
    return (graph.layers[h.layer].name, h.node, h.index)
  }

  /// The call's arguments as written; for a stacked layer, one tensor or the inputs as a list.
  static func site(_ call: LayerCall) -> CallSite {
    if let site = call.site { return site }
    if call.inputs.count == 1, let t = call.inputs.first {
      return CallSite(positional: [.tensor(t)])
    }
    return CallSite(positional: [.tensors(call.inputs)])
  }

  /// The catalog's Python class name for a layer (GroupQueryAttention is GroupedQueryAttention;
  /// an alias such as Convolution2D is its class).
  static func pythonClass(_ className: String) -> String {
    guard let e = Catalog.entry(forClass: className) else { return className }
    return e.pythonClassName ?? e.className
  }

  /// The name under which `keras.layers` exports a class (an alias typed by the user is kept).
  static func layersName(_ className: String) -> String {
    Catalog.entry(forClass: className)?.className ?? className
  }
}

/// An export's text and what went into it.
public struct ExportResult: Sendable {
  /// The file's contents.
  public var text: String
  /// Layers in the model (inputs included).
  public var layers: Int
  /// Layers bound but never called, left out of the model.
  public var uncalled: [String]

}
