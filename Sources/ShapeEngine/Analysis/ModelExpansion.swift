import LayerCatalog
import ShapeCore

/// A model used as a layer, opened up: its own graph evaluated at the tensors it was called
/// with, and which of that graph's tensors are the call's inputs and outputs.
public struct Expansion: Sendable {
  public var graph: Graph
  public var inputs: [Int]
  public var outputs: [Int]
}

/// A layer that is a whole model (imported or built by the program): analyses and diagrams
/// look inside it.
protocol ExpandableModel: Layer {
  func expanded(_ given: [TensorType], _ c: LayerContext) throws(LayerError) -> Expansion
}

extension SubgraphModel: ExpandableModel {}

extension NestedModel: ExpandableModel {
  func expanded(_ given: [TensorType], _ c: LayerContext) throws(LayerError) -> Expansion {
    var binding = InputBinding()
    for (i, t) in given.enumerated() { binding.tensors[i] = t }
    var evaluator = Evaluator(binding: binding)
    do {
      let outputs = try evaluator.importModel(model, options: options)
      return Expansion(
        graph: evaluator.graph, inputs: evaluator.graph.inputs.map(\.tensor), outputs: outputs)
    } catch {
      throw LayerError("\(c.name) (\(model.className)): " + error.message)
    }
  }
}

extension Graph {
  /// The model inside call `call` of layer `l`, evaluated at the shapes it was called with; nil
  /// for a layer that is not a model, or one that no longer evaluates.
  public func expansion(layer l: Int, call: Int) -> Expansion? {
    guard layers.indices.contains(l), layers[l].calls.indices.contains(call),
      let model = layers[l].layer as? any ExpandableModel
    else { return nil }
    let node = layers[l]
    let context = LayerContext(
      className: node.className, name: node.name, policy: node.policy,
      autocastsInputs: node.autocastsInputs)
    return try? model.expanded(node.calls[call].inputs.map { tensors[$0].type }, context)
  }
}
