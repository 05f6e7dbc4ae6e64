import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// A Keras model: `keras.Model(inputs, outputs)` (Functional) or `keras.Sequential([...])`.
///
/// Its layers are the graph's; a model is a view of it: the calls from its inputs to its outputs.
final class ModelObject: PyObject {
  unowned let host: KerasHost
  let kind: Kind
  let name: String
  /// The inputs and outputs as the program gave them (a tensor, a list, a dict), and their ids.
  var inputs: PyValue = .none
  var outputs: PyValue = .none
  var inputIDs: [Int] = []
  var outputIDs: [Int] = []
  /// A Sequential's layers in order (a Functional's are found from its outputs).
  var sequence: [Int] = []
  /// The index of this model in `host.models`.
  let index: Int

  enum Kind: String {
    case functional = "Functional"
    case sequential = "Sequential"
  }

  init(host: KerasHost, kind: Kind, name: String, index: Int) {
    self.host = host
    self.kind = kind
    self.name = name
    self.index = index
  }

  var built: Bool { !outputIDs.isEmpty }
  var typeName: String { kind.rawValue }
  var repr: String { "<\(kind.rawValue) name=\(name), built=\(built ? "True" : "False")>" }

  /// The layer calls of the model, as (layer, call index), in the order they were made.
  var calls: [(layer: Int, call: Int)] {
    let g = host.graph
    var needed = Set(outputIDs)
    var found: [(Int, Int)] = []
    let stop = Set(inputIDs)
    // Tensors are made in order, so walking them backwards visits consumers before producers.
    for t in g.tensors.indices.reversed() where needed.contains(t) && !stop.contains(t) {
      let l = g.tensors[t].layer
      guard let c = g.layers[l].calls.firstIndex(where: { $0.outputs.contains(t) }) else {
        continue
      }
      if !found.contains(where: { $0 == (l, c) }) {
        found.append((l, c))
        for i in g.layers[l].calls[c].inputs { needed.insert(i) }
      }
    }
    for t in inputIDs {
      let l = g.tensors[t].layer
      if kind == .functional { found.append((l, 0)) }
    }
    return found.sorted { a, b in
      (g.layers[a.0].calls[a.1].outputs.first ?? 0) < (g.layers[b.0].calls[b.1].outputs.first ?? 0)
    }.map { (layer: $0.0, call: $0.1) }
  }

  /// `model.layers`: Keras lists layers, not operations, and a Sequential hides its input.
  var layerIndices: [Int] {
    var seen = Set<Int>()
    var out: [Int] = []
    for c in calls where seen.insert(c.layer).inserted {
      let node = host.graph.layers[c.layer]
      if node.layer is TensorOperation { continue }
      if kind == .sequential, node.className == "InputLayer" { continue }
      out.append(c.layer)
    }
    return out
  }

  /// The graph with only this model's calls: what its summary shows.
  var view: Graph {
    var g = host.graph
    let keep = calls
    for l in g.layers.indices {
      let mine = keep.filter { $0.layer == l }.map(\.call)
      g.layers[l].calls = mine.map { g.layers[l].calls[$0] }
      if kind == .sequential, g.layers[l].className == "InputLayer" { g.layers[l].calls = [] }
    }
    return g
  }

  var params: ParamCount {
    Set(layerIndices).reduce(ParamCount()) { $0 + host.graph.layers[$1].params }
  }

  func attribute(_ attr: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch attr {
    case "name": return .str(name)
    case "built": return .bool(built)
    case "inputs": return .list(PyList(inputIDs.map { .object(host.tensor($0)) }))
    case "outputs": return .list(PyList(outputIDs.map { .object(host.tensor($0)) }))
    case "input": return try requireBuilt(attr).inputs
    case "output": return try requireBuilt(attr).outputs
    case "input_shape", "output_shape":
      let ids = attr == "input_shape" ? inputIDs : outputIDs
      _ = try requireBuilt(attr)
      let shapes = ids.map { host.tensor($0).shapeTuple }
      return shapes.count == 1 ? shapes[0] : .list(PyList(shapes))
    case "layers": return .list(PyList(layerIndices.map { .object(host.layer($0)) }))
    case "trainable": return .bool(true)
    case "summary":
      return method(attr) { [unowned self] _, interp throws(PyError) in
        interp.write(Render.summary(self.view, title: "Model: \"\(self.name)\"") + "\n")
        return .none
      }
    case "count_params":
      return method(attr) { [unowned self] _, _ throws(PyError) in
        _ = try self.requireBuilt("count_params")
        return .int(self.params.total)
      }
    case "get_layer":
      return method(attr) { [unowned self] args, interp throws(PyError) in
        try self.getLayer(args, interp)
      }
    case "add":
      guard kind == .sequential else { return nil }
      return method(attr) { [unowned self] args, interp throws(PyError) in
        guard let layer = args.positional.first else {
          throw PyError("TypeError", "add() missing 1 required positional argument: 'layer'", at: args.range)
        }
        try self.host.sequentialAdd(self, layer.value, interp, at: layer.range ?? args.range)
        return .none
      }
    case "predict", "predict_on_batch":
      return method(attr) { [unowned self] args, interp throws(PyError) in
        try self.host.predict(self, args, interp)
      }
    case "compile":
      // Training configuration changes no shape.
      return method(attr) { _, _ throws(PyError) in .none }
    case "fit", "evaluate", "train_on_batch", "test_on_batch", "save", "save_weights",
      "load_weights", "fit_generator":
      return method(attr) { args, _ throws(PyError) in
        throw PyError(
          "NotImplementedError",
          "model.\(attr)() needs data or files, and kshape has neither: it computes shapes",
          at: args.range,
          hint: "leave this line out; kshape shows the model's shapes without running it")
      }
    default: return nil
    }
  }

  private func method(
    _ name: String, _ body: @escaping (PyArguments, Interpreter) throws(PyError) -> PyValue
  ) -> PyValue {
    .object(NativeFunction(name, body))
  }

  func requireBuilt(_ what: String) throws(PyError) -> ModelObject {
    guard built else {
      throw PyError(
        "ValueError",
        "The model '\(name)' has not been built yet, so it has no \(what): give its first layer "
          + "an input (keras.Input(shape) first in the list, or input_shape=...), or call it on a "
          + "tensor", at: nil)
    }
    return self
  }

  func getLayer(_ args: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    let given = args.positional.first?.value ?? args.keywords.first?.value ?? .none
    let layers = layerIndices
    switch given {
    case .str(let n):
      if let l = layers.first(where: { host.graph.layers[$0].name == n }) {
        return .object(host.layer(l))
      }
      throw PyError(
        "ValueError",
        "No such layer: \(n). Existing layers are: "
          + "[\(layers.map { "'\(host.graph.layers[$0].name)'" }.joined(separator: ", "))].",
        at: args.range,
        hint: nearest(n, in: layers.map { host.graph.layers[$0].name }).map {
          "did you mean '\($0)'?"
        })
    case .int(let i):
      guard i >= 0, i < layers.count else {
        throw PyError(
          "ValueError",
          "Was asked to retrieve layer at index \(i) but model only has \(layers.count) layers.",
          at: args.range)
      }
      return .object(host.layer(layers[i]))
    default:
      throw PyError("ValueError", "Provide either a layer name or layer index.", at: args.range)
    }
  }

  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try host.callModel(self, arguments, interpreter)
  }
}
