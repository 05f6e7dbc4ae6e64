import LayerCatalog
import ShapeCore

/// A graph as a picture draws it: a node per layer (as Keras's `plot_model` draws one), an edge
/// per tensor a layer reads, with the tensor's shape, and clusters for the models inside the
/// model (expanded) or a node for each (collapsed, `--depth 1`). DOT, Mermaid and the terminal
/// diagram are drawn from it.
public struct Picture: Sendable {
  public struct Node: Sendable {
    public var name: String
    public var className: String
    /// The shapes of the tensors its first call reads and makes (as Keras's `plot_model` shows
    /// a shared layer), as the summary shows them.
    public var inputShapes: [String]
    public var outputShapes: [String]
    /// Index into `clusters`, nil at the top.
    public var cluster: Int?
  }

  public struct Edge: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// The shape of the tensor it carries.
    public var shape: String
  }

  /// A model inside the model, drawn around its layers.
  public struct Cluster: Sendable {
    public var label: String
    public var parent: Int?
  }

  public private(set) var nodes: [Node] = []
  public private(set) var edges: [Edge] = []
  public private(set) var clusters: [Cluster] = []

  /// The picture of `graph`: nested models expanded unless `depth` is 1; shapes as formulas, or
  /// as Keras prints them with `kerasShapes`.
  public init(_ graph: Graph, depth: Int? = nil, kerasShapes: Bool = false) {
    var builder = Builder(depth: depth ?? .max, kerasShapes: kerasShapes)
    builder.add(graph)
    nodes = builder.nodes
    edges = builder.edges
    clusters = builder.clusters
  }

  /// The cluster path of a node, outermost first (`encoder`, `block`).
  public func path(of node: Int) -> [String] {
    var names: [String] = []
    var c = nodes[node].cluster
    while let i = c {
      names.insert(clusters[i].name, at: 0)
      c = clusters[i].parent
    }
    return names
  }

  struct Builder {
    var depth: Int
    var kerasShapes: Bool
    var nodes: [Node] = []
    var edges: [Edge] = []
    var clusters: [Cluster] = []

    func shape(_ t: TensorType) -> String { kerasShapes ? t.kerasShape : t.formulaShape }

    /// Adds a whole graph at the top: an imported model that shares the session with other
    /// layers is a cluster (one node at depth 1).
    mutating func add(_ g: Graph) {
      var producer: [Int: Int] = [:]
      let imports = g.imports.enumerated().filter { !$0.element.layers.isEmpty }
      let mixed =
        imports.count > 1
        || (imports.count == 1 && imports[0].element.layers.count < g.layers.count)
      var clusterOf: [Int: Int] = [:]
      var folded: [Int: Int] = [:]
      if mixed {
        for (i, m) in imports {
          let label = g.importLabels.indices.contains(i) ? g.importLabels[i] : "model"
          if depth <= 1 {
            for l in m.layers { folded[l] = i }
          } else {
            clusters.append(Cluster(label: label, parent: nil))
            for l in m.layers { clusterOf[l] = clusters.count - 1 }
          }
        }
      }
      var foldedNode: [Int: Int] = [:]
      for l in g.listed where !g.layers[l].calls.isEmpty {
        if let i = folded[l] {
          addFolded(g, l, importIndex: i, into: &foldedNode, &producer)
          continue
        }
        add(g, layer: l, cluster: clusterOf[l], level: 1, &producer)
      }
    }

    /// An imported model drawn as one node (`--depth 1`): fed by the tensors from outside it.
    mutating func addFolded(
      _ g: Graph, _ l: Int, importIndex i: Int, into made: inout [Int: Int],
      _ producer: inout [Int: Int]
    ) {
      let m = g.imports[i]
      let node: Int
      if let n = made[i] {
        node = n
      } else {
        let label = g.importLabels.indices.contains(i) ? g.importLabels[i] : "model (Functional)"
        let name = String(label.prefix { $0 != " " })
        let className = label.drop { $0 != "(" }.dropFirst().dropLast()
        nodes.append(
          Node(
            name: name, className: String(className), inputShapes: [],
            outputShapes: m.outputs.map { shape(g.tensors[$0].type) }, cluster: nil))
        node = nodes.count - 1
        made[i] = node
      }
      for call in g.layers[l].calls {
        for t in call.inputs where !m.layers.contains(g.tensors[t].layer) {
          if let from = producer[t] {
            edges.append(Edge(from: from, to: node, shape: shape(g.tensors[t].type)))
            nodes[node].inputShapes.append(shape(g.tensors[t].type))
          }
        }
        for t in call.outputs { producer[t] = node }
      }
    }

    /// One layer: a node, or a cluster holding the layers of the model it is.
    mutating func add(
      _ g: Graph, layer l: Int, cluster: Int?, level: Int, _ producer: inout [Int: Int]
    ) {
      let layer = g.layers[l]
      if layer.className == "InputLayer",
        layer.calls.flatMap(\.outputs).allSatisfy({ producer[$0] != nil })
      {
        return  // a nested model's input: its tensors come from outside
      }
      if level < depth, layer.calls.count == 1, let inner = g.expansion(layer: l, call: 0) {
        clusters.append(Cluster(label: "\(layer.name) (\(layer.className))", parent: cluster))
        let c = clusters.count - 1
        var innerProducer: [Int: Int] = [:]
        for (t, outer) in zip(inner.inputs, layer.calls[0].inputs) {
          // Keras draws a Functional's own inputs inside it; a Sequential has none.
          guard layer.className != "Sequential" else {
            innerProducer[t] = producer[outer]
            continue
          }
          let type = inner.graph.tensors[t].type
          nodes.append(
            Node(
              name: inner.graph.layers[inner.graph.tensors[t].layer].name, className: "InputLayer",
              inputShapes: [], outputShapes: [shape(type)], cluster: c))
          if let from = producer[outer] {
            edges.append(Edge(from: from, to: nodes.count - 1, shape: shape(type)))
          }
          innerProducer[t] = nodes.count - 1
        }
        for il in inner.graph.listed where !inner.graph.layers[il].calls.isEmpty {
          add(inner.graph, layer: il, cluster: c, level: level + 1, &innerProducer)
        }
        for (t, innerT) in zip(layer.calls[0].outputs, inner.outputs) {
          producer[t] = innerProducer[innerT]
        }
        return
      }
      let ins = layer.calls[0].inputs
      let outs = layer.calls[0].outputs
      nodes.append(
        Node(
          name: layer.name, className: layer.className,
          inputShapes: ins.map { shape(g.tensors[$0].type) },
          outputShapes: outs.map { shape(g.tensors[$0].type) }, cluster: cluster))
      let node = nodes.count - 1
      // Call by call: a shared layer called on its own output reads itself (Keras draws that
      // edge too).
      for call in layer.calls {
        for t in call.inputs {
          if let from = producer[t] {
            edges.append(Edge(from: from, to: node, shape: shape(g.tensors[t].type)))
          }
        }
        for t in call.outputs { producer[t] = node }
      }
    }
  }
}

extension Picture.Cluster {
  /// The model's name (the label without its class).
  var name: String { String(label.prefix { $0 != " " }) }
}
