import LayerCatalog
import ShapeCore

/// A model built by a program, used as a layer (`encoder(x)`, `model.predict(x)`): calling it
/// runs its layers' calls again, in order, on the tensors it is given (fresh weights, as Keras
/// builds a model called on a new input).
struct SubgraphModel: Layer {
  /// The graph with only the model's calls.
  var graph: Graph
  var inputs: [Int]
  var outputs: [Int]
  var className: String

  func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let inner = try expanded(input.tensors, c)
    var weights: [Weight] = []
    for node in inner.graph.layers where !node.calls.isEmpty {
      weights += (node.weights ?? []).map {
        Weight(node.name + "/" + $0.name, dims: $0.shape, trainable: $0.trainable)
      }
    }
    return LayerOutput(inner.outputs.map { inner.graph.tensors[$0].type }, weights: weights)
  }

  /// The model's calls run again on `given`: its own graph at those shapes.
  func expanded(_ given: [TensorType], _ c: LayerContext) throws(LayerError) -> Expansion {
    guard given.count == inputs.count else {
      throw LayerError(
        "Layer \"\(c.name)\" expects \(inputs.count) input(s), but it received \(given.count) "
          + "input tensors.")
    }
    // Keras checks the tensors against the model's inputs (rank and known dims).
    for (i, (t, actual)) in zip(inputs, given).enumerated() {
      let declared = graph.tensors[t].type
      let fits =
        actual.rank == declared.rank
        && zip(declared.shape.dropFirst(), actual.shape.dropFirst()).allSatisfy { d, a in
          if let n = d.value, let v = a.value { return n == v }
          return true
        }
      guard fits else {
        throw LayerError(
          "Input \(i) of layer \"\(c.name)\" is incompatible with the layer: expected "
            + "shape=\(declared.kerasShape), found shape=\(actual.kerasShape)")
      }
    }
    var evaluator = Evaluator()
    evaluator.graph.defersWeights = c.defersWeights
    var map: [Int: Int] = [:]
    for (t, type) in zip(inputs, given) {
      let l = evaluator.graph.layers.count
      evaluator.graph.addLayer(
        LayerNode(
          name: graph.layers[graph.tensors[t].layer].name, className: "InputLayer", layer: nil,
          policy: .float32, weights: [], statement: 0))
      let id = evaluator.graph.newTensor(type, layer: l)
      evaluator.graph.layers[l].calls.append(LayerCall(inputs: [], outputs: [id]))
      map[t] = id
    }
    // Every call of the model, in the order it was made (tensor ids grow with time).
    var order: [(layer: Int, call: LayerCall)] = []
    for (l, node) in graph.layers.enumerated() where node.layer != nil {
      for call in node.calls { order.append((l, call)) }
    }
    order.sort { ($0.call.outputs.first ?? 0) < ($1.call.outputs.first ?? 0) }
    var copied: [Int: Int] = [:]
    do throws(EngineError) {
      for (l, call) in order {
        let mine: Int
        if let m = copied[l] {
          mine = m
        } else {
          var node = graph.layers[l]
          node.calls = []
          node.weights = nil
          evaluator.graph.addLayer(node)
          mine = evaluator.graph.layers.count - 1
          copied[l] = mine
        }
        var ids: [Int] = []
        for t in call.inputs {
          guard let m = map[t] else {
            throw EngineError("the model's graph is disconnected at \(graph.layerName(of: t))")
          }
          ids.append(m)
        }
        let effect: Effect
        if let site = call.site {
          func value(_ a: CallSite.Argument) -> CallValue {
            switch a {
            case .tensor(let t):
              return .tensor(
                map[t].map { evaluator.graph.tensors[$0].type } ?? graph.tensors[t].type)
            case .tensors(let ts):
              return .tensors(
                ts.map { t in
                  map[t].map { evaluator.graph.tensors[$0].type } ?? graph.tensors[t].type
                })
            case .value(let v): return .value(v)
            }
          }
          effect = try evaluator.call(
            mine, positional: site.positional.map(value),
            keywords: site.keywords.map { ($0.0, value($0.1)) }, inputs: ids, nil, site: site)
        } else {
          let types = ids.map { evaluator.graph.tensors[$0].type }
          effect = try evaluator.call(
            mine, on: types.count == 1 ? .single(types[0]) : .list(types), inputs: ids, nil)
        }
        if case .called(_, let outs) = effect {
          for (old, new) in zip(call.outputs, outs) { map[old] = new }
        }
      }
    } catch {
      throw LayerError(
        "\(c.name) (\(className)): "
          + (error.layer.map { "layer \"\($0)\" inside it failed: " } ?? "") + error.message,
        hint: error.diagnostic.hint)
    }
    var results: [Int] = []
    for t in outputs {
      guard let m = map[t] else {
        throw LayerError("\(c.name): the model's output \(graph.layerName(of: t)) was not reached")
      }
      results.append(m)
    }
    return Expansion(
      graph: evaluator.graph, inputs: inputs.compactMap { map[$0] }, outputs: results)
  }
}
