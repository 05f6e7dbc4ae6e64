import LayerCatalog

/// A model's nodes and operations in Keras's order: a port of `map_graph` and `_build_map`
/// (keras/src/ops/function.py), over the host's graph.
struct ModelOrder {
  /// The model's calls (layer, call index), inputs first.
  var nodes: [(layer: Int, call: Int)]
  /// The model's layers and operations as `model.operations` lists them (what summary shows):
  /// by depth from the outputs, deepest first, then in the order the traversal first met them.
  var operations: [Int]
  /// Keras's `sequential_like` for a Functional (print_summary): one node at every depth, none
  /// with several inputs, no layer with two nodes in the model.
  var sequentialLike: Bool
}

extension ModelObject {
  var order: ModelOrder { order(in: host.graph) }

  /// The order in `g`: the host's graph, or one with its structure at other shapes.
  func order(in g: Graph) -> ModelOrder {
    struct Key: Hashable {
      var layer: Int
      var call: Int
    }
    func producer(_ t: Int) -> Key {
      let l = g.tensors[t].layer
      let c = g.layers[l].calls.firstIndex { $0.outputs.contains(t) } ?? 0
      return Key(layer: l, call: c)
    }
    func isInput(_ k: Key) -> Bool { g.layers[k.layer].className == "InputLayer" }
    func parents(_ k: Key) -> [Int] {
      isInput(k) ? [] : g.layers[k.layer].calls[k.call].inputs
    }
    let flatInputs = Set(inputIDs)
    var finished: Set<Key> = []
    var inProgress: Set<Key> = []
    var decreasing: [Key] = []
    var opIndex: [Int: Int] = [:]
    // _build_map_helper, with an explicit stack (models may chain any number of layers).
    for out in outputIDs {
      var stack: [(key: Key, inputs: [Int], next: Int)] = []
      func enter(_ t: Int) {
        let k = producer(t)
        if finished.contains(k) || inProgress.contains(k) { return }
        if !isInput(k), flatInputs.contains(t) {
          finished.insert(k)
          return
        }
        if opIndex[k.layer] == nil { opIndex[k.layer] = opIndex.count }
        inProgress.insert(k)
        stack.append((k, parents(k), 0))
      }
      enter(out)
      while let top = stack.last {
        if top.next < top.inputs.count {
          stack[stack.count - 1].next += 1
          enter(top.inputs[top.next])
        } else {
          stack.removeLast()
          finished.insert(top.key)
          inProgress.remove(top.key)
          decreasing.append(top.key)
        }
      }
    }
    // map_graph: depths from the outputs; a shared operation takes its deepest node's depth.
    let inGraph = Set(decreasing)
    var nodeDepth: [Key: Int] = [:]
    var opDepth: [Int: Int] = [:]
    var opSeen: [Int] = []
    for k in decreasing.reversed() {
      var depth = nodeDepth[k] ?? 0
      depth = max(depth, opDepth[k.layer] ?? 0)
      if opDepth[k.layer] == nil { opSeen.append(k.layer) }
      opDepth[k.layer] = depth
      nodeDepth[k] = depth
      for t in parents(k) {
        let p = producer(t)
        guard inGraph.contains(p) else { continue }
        nodeDepth[p] = max(depth + 1, nodeDepth[p] ?? 0)
      }
    }
    var nodes = decreasing
    for t in inputIDs {
      let k = producer(t)
      if opDepth[k.layer] == nil, isInput(k) {
        opDepth[k.layer] = 0
        opIndex[k.layer] = -1
        opSeen.append(k.layer)
        nodes.insert(k, at: 0)
      }
    }
    let operations = opSeen.sorted { a, b in
      let (da, db) = (opDepth[a] ?? 0, opDepth[b] ?? 0)
      return da != db ? da > db : (opIndex[a] ?? 0) < (opIndex[b] ?? 0)
    }
    var perDepth: [Int: Int] = [:]
    for d in nodeDepth.values { perDepth[d, default: 0] += 1 }
    var perLayer: [Int: Int] = [:]
    for k in decreasing { perLayer[k.layer, default: 0] += 1 }
    let sequentialLike =
      perDepth.values.allSatisfy { $0 <= 1 }
      && decreasing.allSatisfy { parents($0).count <= 1 }
      && perLayer.values.allSatisfy { $0 <= 1 }
    return ModelOrder(
      nodes: nodes.map { (layer: $0.layer, call: $0.call) }, operations: operations,
      sequentialLike: sequentialLike)
  }
}

extension KerasHost {
  /// The graph node of a model used as a layer, once it has been called.
  func modelNode(_ m: ModelObject) -> Int? {
    graph.layers.firstIndex { $0.name == m.name && $0.layer is SubgraphModel }
  }
}
