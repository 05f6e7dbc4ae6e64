import KerasJSON

/// One call of one layer: the layer's position in the config's `layers` and the call's position
/// in its `inbound_nodes` (an InputLayer has the one node 0).
public struct NodeID: Hashable, Sendable {
  public var layer: Int
  public var node: Int
}

/// A number for each node of a model, in config order (a layer's calls together; an InputLayer
/// has one): what sets and maps of nodes are indexed by.
struct NodeNumbers {
  /// Each layer's first node's number.
  private var first: [Int] = []
  /// How many nodes the model has.
  private(set) var count = 0

  init(_ model: SavedModel) {
    first.reserveCapacity(model.layers.count)
    for layer in model.layers {
      first.append(count)
      count += layer.className == "InputLayer" ? 1 : layer.nodes.count
    }
  }

  /// The number of a node `SavedModel.node(of:)` found.
  subscript(_ id: NodeID) -> Int { first[id.layer] + id.node }
}

extension SavedModel {
  /// The node a reference points at. A nested Functional model starts with a built-in node that
  /// its config does not list: `input_layers`/`output_layers` count it (Keras's `get_tensor`
  /// subtracts one), a call's `keras_history` does not (`serialize_node` leaves it out).
  func node(of ref: TensorRef) throws(ConfigError) -> NodeID {
    guard let l = layerIndex[ref.layer] else {
      throw ConfigError("refers to layer \"\(ref.layer)\", which is not in the model", at: ref.path)
    }
    // Fields read in place: a SavedLayer copy would retain all of them.
    let shift = ref.countsBuiltInNode && layers[l].nested?.isSequential == false ? 1 : 0
    let calls = layers[l].className == "InputLayer" ? 1 : layers[l].nodes.count
    let n = ref.node - shift
    guard n >= 0, n < calls else {
      throw ConfigError(
        "refers to call \(ref.node) of layer \"\(ref.layer)\", which is called \(calls) time"
          + (calls == 1 ? "" : "s"), at: ref.path)
    }
    return NodeID(layer: l, node: n)
  }

  /// The node a call's `keras_history` points at, as `node(of:)` finds it (a call's reference
  /// has no built-in node to skip); nil where `node(of:)` throws.
  func callNode(layer: String, node: Int) -> NodeID? {
    guard let l = layerIndex[layer], node >= 0,
      node < (layers[l].className == "InputLayer" ? 1 : layers[l].nodes.count)
    else { return nil }
    return NodeID(layer: l, node: node)
  }

  /// The nodes a call's tensors come from, in `inputRefs` order, read without making a path;
  /// nil when a reference is malformed or points nowhere (`inputRefs` and `node(of:)` then say
  /// where).
  func quickParents(_ node: SavedNode) -> [NodeID]? {
    var out: [NodeID] = []
    for a in node.args { guard quickParents(a, &out) else { return nil } }
    for m in node.kwargs.sorted(by: { $0.key < $1.key }) {
      guard quickParents(m.value, &out) else { return nil }
    }
    return out
  }

  private func quickParents(_ v: JSONValue, _ out: inout [NodeID]) -> Bool {
    switch KerasHistory(v) {
    case .malformed: return false
    case .ref(let layer, let node, _):
      guard let id = callNode(layer: layer, node: node) else { return false }
      out.append(id)
      return true
    case .none:
      switch v {
      case .array(let items):
        for x in items { guard quickParents(x, &out) else { return false } }
      case .object(let members):
        for m in members.sorted(by: { $0.key < $1.key }) {
          guard quickParents(m.value, &out) else { return false }
        }
      default: break
      }
      return true
    }
  }

  /// The tensors a node is called on, in Keras's `tree.flatten((args, kwargs))` order (dict keys
  /// sorted).
  static func inputRefs(_ node: SavedNode) throws(ConfigError) -> [TensorRef] {
    var out: [TensorRef] = []
    for (i, a) in node.args.enumerated() { try collectRefs(a, node.path + "args" + i, &out) }
    for m in node.kwargs.sorted(by: { $0.key < $1.key }) {
      try collectRefs(m.value, node.path + "kwargs" + m.key, &out)
    }
    return out
  }

  private static func collectRefs(_ v: JSONValue, _ path: JSONPath, _ out: inout [TensorRef])
    throws(ConfigError)
  {
    if let r = try kerasTensorRef(v, at: path) {
      out.append(r)
      return
    }
    switch v {
    case .array(let items): for (i, x) in items.enumerated() { try collectRefs(x, path + i, &out) }
    case .object(let members):
      for m in members.sorted(by: { $0.key < $1.key }) {
        try collectRefs(m.value, path + m.key, &out)
      }
    default: break
    }
  }

  /// The order in which Keras runs a Functional model's nodes (`Function._run_through_graph`):
  /// nodes reachable from the outputs, grouped by depth (distance to the outputs) deepest first,
  /// in the order `map_graph` lists them. Throws on unknown references and cycles.
  ///
  /// Nodes are numbered in config order (a layer's calls together), so every set and map below
  /// is an array.
  func findExecutionOrder() throws(ConfigError) -> [NodeID] {
    let numbers = NodeNumbers(self)
    var ids: [NodeID] = []
    ids.reserveCapacity(numbers.count)
    for (l, layer) in layers.enumerated() {
      let calls = layer.className == "InputLayer" ? 1 : layer.nodes.count
      for n in 0..<calls { ids.append(NodeID(layer: l, node: n)) }
    }
    func number(_ id: NodeID) -> Int { numbers[id] }
    var parents: [[Int]?] = Array(repeating: nil, count: ids.count)
    func parentsOf(_ n: Int) throws(ConfigError) -> [Int] {
      if let p = parents[n] { return p }
      let id = ids[n]
      guard layers[id.layer].className != "InputLayer" else { return [] }
      var p: [Int] = []
      if let quick = quickParents(layers[id.layer].nodes[id.node]) {
        p = quick.map(number)
      } else {
        for r in try Self.inputRefs(layers[id.layer].nodes[id.node]) {
          p.append(number(try node(of: r)))
        }
      }
      parents[n] = p
      return p
    }
    var isModelInput = Array(repeating: false, count: ids.count)
    for r in inputs { isModelInput[number(try node(of: r))] = true }
    // _build_map: depth-first from each output, parents before children (an explicit stack:
    // a file may chain any number of layers).
    var finished = Array(repeating: false, count: ids.count)
    var onStack = Array(repeating: false, count: ids.count)
    var decreasing: [Int] = []
    for r in outputs {
      let root = number(try node(of: r))
      if finished[root] { continue }
      var stack: [(id: Int, parents: [Int], next: Int)] = []
      func push(_ n: Int) throws(ConfigError) {
        onStack[n] = true
        stack.append((n, isModelInput[n] ? [] : try parentsOf(n), 0))
      }
      try push(root)
      while let top = stack.last {
        if top.next < top.parents.count {
          stack[stack.count - 1].next += 1
          let p = top.parents[top.next]
          if finished[p] { continue }
          if onStack[p] {
            let from = stack.firstIndex { $0.id == p } ?? 0
            let cycle = (stack[from...].map(\.id) + [p]).map { "\"\(layers[ids[$0].layer].name)\"" }
            let id = ids[top.id]
            let layer = layers[id.layer]
            throw ConfigError(
              "the layers' inputs form a cycle: " + cycle.joined(separator: " -> "),
              at: layer.nodes.indices.contains(id.node) ? layer.nodes[id.node].path : layer.path,
              hint: "a model's graph has no cycles; the file was not written by Keras or was edited"
            )
          }
          try push(p)
        } else {
          stack.removeLast()
          onStack[top.id] = false
          finished[top.id] = true
          decreasing.append(top.id)
        }
      }
    }
    // map_graph: depths from the outputs; a shared layer takes its deepest node's depth.
    var depthOrder: [Int] = []
    var depths: [Int?] = Array(repeating: nil, count: ids.count)
    var layerDepths: [Int?] = Array(repeating: nil, count: layers.count)
    func setDepth(_ n: Int, _ d: Int) {
      if depths[n] == nil { depthOrder.append(n) }
      depths[n] = d
    }
    for n in decreasing.reversed() {
      if depths[n] == nil { setDepth(n, 0) }
      let layer = ids[n].layer
      let depth = max(depths[n] ?? 0, layerDepths[layer] ?? 0)
      layerDepths[layer] = depth
      setDepth(n, depth)
      for p in try parentsOf(n) { setDepth(p, max(depth + 1, depths[p] ?? 0)) }
    }
    // Deepest first; within a depth, in the order depths were first given.
    var byDepth: [[Int]] = []
    for n in depthOrder {
      let d = depths[n] ?? 0
      while byDepth.count <= d { byDepth.append([]) }
      byDepth[d].append(n)
    }
    return byDepth.reversed().flatMap { $0 }.map { ids[$0] }.filter {
      layers[$0.layer].className != "InputLayer"
    }
  }
}
