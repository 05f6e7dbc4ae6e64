import LayerCatalog
import PythonRuntime
import ShapeCore

/// `layer.trainable = value` and `model.trainable = value` (transfer learning's freezing), as
/// Keras's setter does it: the flag, the layer's sublayers (a model's layers), and the weights
/// that follow it (a weight its layer makes trainable is trainable only while the layer is;
/// BatchNormalization's moving statistics never are).
extension KerasHost {
  /// Sets layer `l`'s flag; a layer already called has its weights' flags made again.
  func setTrainable(layer l: Int, _ on: Bool) {
    if graph.layers[l].statement != evaluator.statement {
      StatementJournal.noteChangeToOlderObject()
    }
    graph.layers[l].trainable = on
    guard !graph.layers[l].calls.isEmpty else { return }
    // The calls compiled for `apply` made their weights with the old flag: from here on a
    // size replays the program.
    observe("a layer's trainable flag set after it was called")
    refreshWeights(l)
    for m in models where m.layerIndices.contains(l) { refreshModelNode(m) }
  }

  /// Sets model `m`'s flag and every one of its layers' (a model inside it, all of its own).
  func setTrainable(model m: ModelObject, _ on: Bool) {
    m.trainable = on
    switch m.kind {
    case .sequential:
      if let input = m.sequentialInput { setTrainable(layer: graph.tensors[input].layer, on) }
      for item in m.sequence {
        guard case .object(let o) = item else { continue }
        if let layer = o as? LayerObject { setTrainable(layer: layer.index, on) }
        if let inner = o as? ModelObject { setTrainable(model: inner, on) }
      }
    case .functional:
      for l in m.layerIndices {
        // A model among its layers (called as a layer): the model, with all of its layers.
        if graph.layers[l].layer is SubgraphModel,
          let inner = models.first(where: { $0 !== m && modelNode($0) == l })
        {
          setTrainable(model: inner, on)
        } else {
          setTrainable(layer: l, on)
        }
      }
    }
    refreshModelNode(m)
  }

  /// A model used as a layer holds its layers as they were when it was first called: taken
  /// again, with its flag, and its weights made again.
  private func refreshModelNode(_ m: ModelObject) {
    guard let node = modelNode(m), m.built else { return }
    graph.layers[node].layer = SubgraphModel(
      graph: m.view, inputs: m.inputIDs, outputs: m.outputIDs, className: m.kind.rawValue)
    graph.layers[node].trainable = m.trainable
    guard !graph.layers[node].calls.isEmpty else { return }
    observe("a layer's trainable flag set after it was called")
    refreshWeights(node)
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
