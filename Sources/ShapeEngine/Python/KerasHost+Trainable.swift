import LayerCatalog
import PythonRuntime
import ShapeCore

/// `layer.trainable = value` and `model.trainable = value` (transfer learning's freezing), as
/// Keras's setter does it: the flag, the layer's sublayers (a model's layers), and the weights
/// that follow it (a weight its layer makes trainable is trainable only while the layer is;
/// BatchNormalization's moving statistics never are).
extension KerasHost {
  /// Sets layer `l`'s flag; a layer already called has its weights' flags made again, and so
  /// has every model that holds it as a layer.
  func setTrainable(layer l: Int, _ on: Bool) {
    guard setFlag(layer: l, on) else { return }
    for m in models where m.layerIndices.contains(l) { refreshFlags(of: l, in: m) }
  }

  /// Layer `l`'s flag changed inside model `m`, which is used as a layer: the node's snapshot
  /// takes `l`'s flag and weights, and the node's own weights named after `l` their flags (their
  /// shapes stay: only flags changed), in the cost of `l`'s weights, not of running `m`'s calls
  /// again (a loop freezing each layer of a base would otherwise cost O(layers^2)). Then the
  /// models holding the node, the same way.
  private func refreshFlags(of l: Int, in m: ModelObject) {
    guard let node = modelNode(m), var snapshot = graph.layers[node].layer as? SubgraphModel
    else { return }
    graph.layers[node].layer = nil  // the only reference to the snapshot while it changes
    if snapshot.graph.layers.indices.contains(l) {
      snapshot.graph.layers[l].trainable = graph.layers[l].trainable
      snapshot.graph.layers[l].weights = graph.layers[l].weights
    }
    graph.layers[node].layer = snapshot
    guard var weights = graph.layers[node].weights else { return }
    let prefix = graph.layers[l].name + "/"
    let own = graph.layers[l].weights ?? []
    let nodeOn = graph.layers[node].trainable
    var changed = false
    for i in weights.indices where weights[i].name.hasPrefix(prefix) {
      let name = weights[i].name.dropFirst(prefix.count)
      guard let w = own.first(where: { $0.name == name }) else { continue }
      weights[i].trainable = nodeOn && w.trainable
      changed = true
    }
    guard changed else { return }
    graph.layers[node].weights = weights
    observe("a layer's trainable flag set after it was called")
    for outer in models where outer !== m && outer.layerIndices.contains(node) {
      refreshFlags(of: node, in: outer)
    }
  }

  /// Sets model `m`'s flag and every one of its layers' (a model inside it, all of its own);
  /// the models that hold it as a layer are taken again once, after all its layers.
  func setTrainable(model m: ModelObject, _ on: Bool) {
    setFlags(model: m, on)
    refreshModelNode(m)
  }

  /// The flag of layer `l` alone (its weights made again when it was called); whether it was.
  private func setFlag(layer l: Int, _ on: Bool) -> Bool {
    if graph.layers[l].statement != evaluator.statement {
      StatementJournal.noteChangeToOlderObject()
    }
    graph.layers[l].trainable = on
    guard !graph.layers[l].calls.isEmpty else { return false }
    // The calls compiled for `apply` made their weights with the old flag: from here on a
    // size replays the program.
    observe("a layer's trainable flag set after it was called")
    refreshWeights(l)
    return true
  }

  /// The flags of `m` and of its layers; a model among them gets its own and is taken again
  /// (only within `m`: the caller takes `m` again).
  private func setFlags(model m: ModelObject, _ on: Bool) {
    m.trainable = on
    func inner(_ n: ModelObject) {
      setFlags(model: n, on)
      refreshModelNode(n, outward: false)
    }
    switch m.kind {
    case .sequential:
      if let input = m.sequentialInput { _ = setFlag(layer: graph.tensors[input].layer, on) }
      for item in m.sequence {
        guard case .object(let o) = item else { continue }
        if let layer = o as? LayerObject { _ = setFlag(layer: layer.index, on) }
        if let n = o as? ModelObject { inner(n) }
      }
    case .functional:
      for l in m.layerIndices {
        // A model among its layers (called as a layer): the model, with all of its layers.
        if graph.layers[l].layer is SubgraphModel,
          let n = models.first(where: { $0 !== m && modelNode($0) == l })
        {
          inner(n)
        } else {
          _ = setFlag(layer: l, on)
        }
      }
    }
  }

  /// A model used as a layer holds its layers as they were when it was first called: taken
  /// again, with its flag, and its weights made again; `outward`, so are the models holding it.
  private func refreshModelNode(_ m: ModelObject, outward: Bool = true) {
    guard let node = modelNode(m), m.built else { return }
    graph.layers[node].layer = SubgraphModel(
      graph: m.view, inputs: m.inputIDs, outputs: m.outputIDs, className: m.kind.rawValue)
    graph.layers[node].trainable = m.trainable
    guard !graph.layers[node].calls.isEmpty else { return }
    observe("a layer's trainable flag set after it was called")
    refreshWeights(node)
    guard outward else { return }
    for outer in models where outer !== m && outer.layerIndices.contains(node) {
      refreshModelNode(outer)
    }
  }

  /// Layer `l`'s weights made again by its shape rule on its first call's inputs, under its
  /// flag: the shapes it was built with, the flags it has now.
  private func refreshWeights(_ l: Int) {
    let node = graph.layers[l]
    guard let value = node.layer, let first = node.calls.first else { return }
    var types: [TensorType] = []
    var slots: [Int: Int] = [:]
    guard
      let call = GraphPlan.call(
        first,
        slot: { t in
          if let s = slots[t] { return s }
          slots[t] = types.count
          types.append(graph.tensors[t].type)
          return types.count - 1
        })
    else { return }
    let planned = PlanLayer(
      value,
      context: LayerContext(
        className: node.className, name: node.name, policy: node.policy,
        autocastsInputs: node.autocastsInputs, defersWeights: graph.defersWeights),
      trainable: node.trainable)
    guard let output = try? planned.call(Plan.input(call, types), built: nil) else { return }
    graph.layers[l].weights = output.weights
  }
}
