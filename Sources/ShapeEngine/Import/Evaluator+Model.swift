import KerasJSON
import LayerCatalog
import ShapeCore

/// How to import a saved model.
public struct ImportOptions: Hashable, Sendable {
  /// Custom classes to treat as shape-preserving (`--assume-identity CLASS`), by class name or
  /// `module.ClassName`.
  public var assumeIdentity: Set<String>
  public init(assumeIdentity: Set<String> = []) { self.assumeIdentity = assumeIdentity }
}

extension Evaluator {
  /// Adds a saved model's layers to the graph in the config's order and calls them as its
  /// `inbound_nodes` say, each built at the shapes it is called with. Returns the model's
  /// output tensors.
  mutating func importModel(_ m: SavedModel, options: ImportOptions) throws(EngineError) -> [Int] {
    if let (cls, users) = m.unknownClasses(assumingIdentity: options.assumeIdentity).first {
      var e = EngineError(
        ConfigError(
          "custom class \(cls) (used by \(users.count == 1 ? "layer" : "layers") "
            + users.prefix(5).map { "\"\($0.name)\"" }.joined(separator: ", ")
            + (users.count > 5 ? " and \(users.count - 5) more" : "")
            + ") is not a Keras layer kshape knows, and kshape never runs a file's code",
          at: users[0].path + "class_name",
          hint: "if it keeps its input's shape, pass --assume-identity \(users[0].className)"))
      e.className = users[0].className
      throw e
    }
    let base = graph.inputs.count
    let outputs =
      m.isSequential ? try importSequential(m, options) : try importFunctional(m, options)
    // Inputs in `input_layers` order, whatever the config's layer order.
    if graph.inputs.count > base + 1 {
      let order = graph.inputs[base...].map { t in
        m.inputs.firstIndex { graph.layers[graph.tensors[t.tensor].layer].name == $0.layer } ?? .max
      }
      let pairs = zip(order, zip(graph.inputs[base...], graph.declaredInputs[base...]))
        .sorted { $0.0 < $1.0 }
      graph.inputs.replaceSubrange(base..., with: pairs.map(\.1.0))
      graph.declaredInputs.replaceSubrange(base..., with: pairs.map(\.1.1))
    }
    graph.current = outputs.first
    return outputs
  }

  private mutating func importSequential(_ m: SavedModel, _ options: ImportOptions)
    throws(EngineError) -> [Int]
  {
    var layers = m.layers[...]
    var current: Int
    if let first = layers.first, first.className == "InputLayer" {
      current = try importInput(first, ordinal: graph.inputs.count)
      layers = layers.dropFirst()
    } else if let shape = m.sequentialInputShape, !shape.isEmpty {
      current = try addInput(
        batch: shape[0].map { .known($0) } ?? .unknown,
        declared: shape.dropFirst().map { $0.map { .known($0) } ?? .unknown }, dtype: .float32,
        name: nil, at: nil)
    } else {
      throw EngineError(
        ConfigError(
          "the Sequential model \"\(m.name)\" has no input shape (no InputLayer and no "
            + "build_input_shape): Keras has not built it", at: m.path + "layers",
          hint: "add keras.Input(shape=...) as its first layer, or build it before saving"))
    }
    for layer in layers {
      let l = try importLayer(layer, options)
      guard
        case .called(_, let outs) = try call(
          l, positional: [.tensor(graph.tensors[current].type)], keywords: [], inputs: [current],
          nil),
        outs.count == 1, let out = outs.first
      else {
        throw EngineError(
          "\(layer.name): all layers in a Sequential model should have a single output tensor; "
            + "use the functional API for multi-output layers")
      }
      current = out
    }
    return [current]
  }

  private mutating func importFunctional(_ m: SavedModel, _ options: ImportOptions)
    throws(EngineError) -> [Int]
  {
    var index: [String: Int] = [:]
    var produced: [String: [[Int]]] = [:]
    var pending: [String: Int] = [:]
    for layer in m.layers {
      if layer.className == "InputLayer" {
        let ordinal = m.inputs.firstIndex { $0.layer == layer.name } ?? m.inputs.count
        let t = try importInput(layer, ordinal: graph.inputs.count + ordinal)
        produced[layer.name] = [[t]]
        continue
      }
      index[layer.name] = try importLayer(layer, options)
      pending[layer.name] = 0
    }
    // Keras's from_config: in the config's order, call each layer's next node once its input
    // tensors exist; repeat while that makes progress.
    var progress = true
    while progress && pending.values.contains(where: { $0 >= 0 }) {
      progress = false
      for layer in m.layers {
        guard var next = pending[layer.name], next >= 0, let l = index[layer.name] else { continue }
        while next < layer.nodes.count {
          let node = layer.nodes[next]
          guard try ready(node, produced) else { break }
          let outs = try callNode(l, node, produced)
          produced[layer.name, default: []].append(outs)
          next += 1
          progress = true
        }
        pending[layer.name] = next < layer.nodes.count ? next : -1
      }
    }
    if let (name, next) = pending.first(where: { $0.value >= 0 }),
      let layer = m.layers.first(where: { $0.name == name })
    {
      throw EngineError(try blocked(layer, node: next, m, produced))
    }
    var outputs: [Int] = []
    for ref in m.outputs { outputs.append(try tensor(ref, produced)) }
    return outputs
  }

  /// Why a node can never run: a reference past the calls a layer has, or a cycle.
  private func blocked(
    _ layer: SavedLayer, node: Int, _ m: SavedModel, _ produced: [String: [[Int]]]
  )
    throws(EngineError) -> ConfigError
  {
    for ref in try refs(in: layer.nodes[node])
    where produced[ref.layer]?.indices.contains(ref.node) != true {
      guard let source = m.layers.first(where: { $0.name == ref.layer }) else {
        return ConfigError(
          "refers to layer \"\(ref.layer)\", which is not in the model", at: ref.path)
      }
      let calls = source.className == "InputLayer" ? 1 : source.nodes.count
      if ref.node >= calls {
        return ConfigError(
          "refers to call \(ref.node) of layer \"\(ref.layer)\", which is called \(calls) time"
            + (calls == 1 ? "" : "s"), at: ref.path)
      }
    }
    return ConfigError(
      "layer \"\(layer.name)\" waits for its own output: its inputs form a cycle",
      at: layer.nodes[node].path,
      hint: "a model's graph has no cycles; the file was not written by Keras or was edited")
  }

  /// The references to other layers' outputs in a node's arguments.
  private func refs(in node: SavedNode) throws(EngineError) -> [TensorRef] {
    var out: [TensorRef] = []
    func visit(_ v: JSONValue, _ path: JSONPath) throws(ConfigError) {
      if let r = try kerasTensorRef(v, at: path) {
        out.append(r)
        return
      }
      switch v {
      case .array(let items): for (i, x) in items.enumerated() { try visit(x, path + i) }
      case .object(let members): for m in members { try visit(m.value, path + m.key) }
      default: break
      }
    }
    do {
      for (i, a) in node.args.enumerated() { try visit(a, node.path + "args" + i) }
      for m in node.kwargs { try visit(m.value, node.path + "kwargs" + m.key) }
    } catch { throw EngineError(error) }
    return out
  }

  private func ready(_ node: SavedNode, _ produced: [String: [[Int]]]) throws(EngineError) -> Bool {
    try refs(in: node).allSatisfy { produced[$0.layer]?.indices.contains($0.node) == true }
  }

  private func tensor(_ ref: TensorRef, _ produced: [String: [[Int]]]) throws(EngineError) -> Int {
    guard let calls = produced[ref.layer] else {
      throw EngineError(
        ConfigError("refers to layer \"\(ref.layer)\", which is not in the model", at: ref.path))
    }
    guard ref.node < calls.count else {
      throw EngineError(
        ConfigError(
          "refers to call \(ref.node) of layer \"\(ref.layer)\", which is called \(calls.count) "
            + "time\(calls.count == 1 ? "" : "s")", at: ref.path))
    }
    let outs = calls[ref.node]
    guard ref.tensor < outs.count else {
      throw EngineError(
        ConfigError(
          "refers to output \(ref.tensor) of layer \"\(ref.layer)\", which gives \(outs.count) "
            + "output\(outs.count == 1 ? "" : "s")", at: ref.path))
    }
    return outs[ref.tensor]
  }

  /// Calls layer `l` as a saved node says: tensors from their references, other values as
  /// Python values; `None` keywords are dropped (`mask=None` is no mask).
  private mutating func callNode(_ l: Int, _ node: SavedNode, _ produced: [String: [[Int]]])
    throws(EngineError) -> [Int]
  {
    var ids: [Int] = []
    func argument(_ v: JSONValue, _ path: JSONPath) throws(EngineError) -> CallValue {
      if let r = try refOrThrow(v, path) {
        let t = try tensor(r, produced)
        ids.append(t)
        return .tensor(graph.tensors[t].type)
      }
      if case .array(let items) = v, !items.isEmpty {
        var refs: [TensorRef] = []
        for (i, x) in items.enumerated() {
          if let r = try refOrThrow(x, path + i) { refs.append(r) }
        }
        if refs.count == items.count {
          var types: [TensorType] = []
          for r in refs {
            let t = try tensor(r, produced)
            ids.append(t)
            types.append(graph.tensors[t].type)
          }
          return .tensors(types)
        }
      }
      return .value(ConfigValues.value(v))
    }
    var positional: [CallValue] = []
    for (i, a) in node.args.enumerated() {
      positional.append(try argument(a, node.path + "args" + i))
    }
    var keywords: [(String, CallValue)] = []
    for m in node.kwargs where !m.value.isNull {
      keywords.append((m.key, try argument(m.value, node.path + "kwargs" + m.key)))
    }
    var effect: Effect
    do {
      effect = try call(l, positional: positional, keywords: keywords, inputs: ids, nil)
    } catch {
      var e = error
      if e.path == nil { e.path = node.path }
      throw e
    }
    guard case .called(_, let outs) = effect else { return [] }
    return outs
  }

  private func refOrThrow(_ v: JSONValue, _ path: JSONPath) throws(EngineError) -> TensorRef? {
    do { return try kerasTensorRef(v, at: path) } catch { throw EngineError(error) }
  }
}
