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
  var inputs: PyValue = .none { didSet { changed() } }
  var outputs: PyValue = .none { didSet { changed() } }
  var inputIDs: [Int] = [] { didSet { changed() } }
  var outputIDs: [Int] = [] { didSet { changed() } }
  /// A Sequential's layers (or models) in order, without its input; a Functional's are found
  /// from its outputs.
  var sequence: [PyValue] = [] {
    didSet {
      changed()
      sequenceNames = nil
    }
  }
  /// The names of `sequence`'s items, for `add`'s check that a name is new (nil: made again
  /// from `sequence` when next needed). A cache, not state: any change to `sequence` drops it.
  var sequenceNames: Set<String>?
  /// A Sequential's input, once it has one (`keras.Input` first, a first layer's
  /// `input_shape=`, or a build).
  var sequentialInput: Int? { didSet { changed() } }

  /// `model.trainable` (its layers' flags are set with it: `KerasHost.setTrainable`).
  var trainable = true { didSet { changed() } }

  /// The program called it on a tensor as a layer (`x = block(x)`), even if the call failed.
  var calledAsLayer = false { didSet { changed() } }

  /// The statement that made it: a later statement that changes it cannot be undone by
  /// dropping the models it made (`StatementJournal`).
  let generation = StatementJournal.currentGeneration
  private func changed() { StatementJournal.noteChange(toObjectOf: generation) }

  /// A Sequential changed: not built until it is rebuilt.
  func invalidate() {
    inputIDs = []
    outputIDs = []
    inputs = .none
    outputs = .none
  }
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

  /// `model.layers` as graph layers: a Sequential's items (a model it holds is its node, nil
  /// before that model is called), a Functional's layers in Keras's order (operations left out).
  var layerNodes: [Int?] {
    switch kind {
    case .sequential:
      return sequence.map { item in
        guard case .object(let o) = item else { return nil }
        if let l = o as? LayerObject { return l.index }
        if let m = o as? ModelObject { return host.modelNode(m) }
        return nil
      }
    case .functional:
      return order.operations.filter { !(host.graph.layers[$0].layer is TensorOperation) }
    }
  }

  var layerIndices: [Int] { layerNodes.compactMap { $0 } }

  /// The calls of the model (layer, call index): those of its latest build for a Sequential.
  var calls: [(layer: Int, call: Int)] { order.nodes }

  /// The graph with only this model's calls, in Keras's order: what its summary shows.
  var view: Graph { view(of: host.graph) }

  /// The view of `graph`: the host's, or one with its structure at other shapes.
  func view(of graph: Graph) -> Graph {
    var g = graph
    let order = self.order(in: graph)
    var keep: [Int: [Int]] = [:]
    for n in order.nodes { keep[n.layer, default: []].append(n.call) }
    for l in g.layers.indices {
      let mine = keep[l] ?? []
      if let last = g.layers[l].calls.last, mine.last != g.layers[l].calls.count - 1 {
        g.lastCalls[l] = last
      }
      g.layers[l].calls = mine.sorted().map { g.layers[l].calls[$0] }
      if kind == .sequential, g.layers[l].className == "InputLayer" { g.layers[l].calls = [] }
    }
    g.order = order.operations
    g.showsConnections = kind == .functional && !order.sequentialLike
    if kind == .sequential, !built {
      g.order = layerIndices
      g.listsUncalled = true
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
    case "input", "output":
      if kind == .sequential {
        // A Sequential's input and output are those of its own first call as a layer.
        guard let l = host.modelNode(self), let call = host.graph.layers[l].calls.first else {
          throw PyError(
            "AttributeError",
            "The layer \(name) has never been called and thus has no defined \(attr).", at: nil)
        }
        return host.outputs(attr == "input" ? call.inputs : call.outputs)
      }
      guard built else {
        throw PyError(
          "AttributeError",
          "The layer \(name) has never been called and thus has no defined \(attr).", at: nil)
      }
      return attr == "input" ? inputs : outputs
    case "input_shape", "output_shape":
      let ids = attr == "input_shape" ? inputIDs : outputIDs
      _ = try requireBuilt(attr)
      let shapes = ids.map { host.tensor($0).shapeTuple }
      return shapes.count == 1 ? shapes[0] : .list(PyList(shapes))
    case "weights", "trainable_weights", "non_trainable_weights":
      // Keras's lists: every layer's, in the layers' order; a frozen model has no trainable
      // weight whatever its layers say.
      host.observe("a model's weights")
      var out: [PyValue] = []
      for l in layerIndices {
        let node = host.graph.layers[l]
        for w in node.weights ?? [] {
          let keep =
            attr == "weights"
            || (attr == "trainable_weights" ? trainable && w.trainable : !trainable || !w.trainable)
          if keep {
            out.append(
              .object(WeightObject(layer: node.name, weight: w, dtype: node.policy.variableDType)))
          }
        }
      }
      return .list(PyList(out))
    case "layers":
      if kind == .sequential { return .list(PyList(sequence)) }
      return .list(PyList(layerIndices.map { .object(host.layer($0)) }))
    case "trainable": return .bool(trainable)
    case "summary":
      return method(attr) { [unowned self] _, interp throws(PyError) in
        var style = RenderStyle.plain
        style.width = self.host.displayWidth
        interp.write(
          Render.summary(self.view, title: "Model: \"\(self.name)\"", style: style) + "\n")
        return .none
      }
    case "count_params":
      return method(attr) { [unowned self] _, _ throws(PyError) in
        _ = try self.requireBuilt("count_params")
        self.host.observe("a model's parameter count")
        let params = self.params
        try KerasHost.requireKnownParams(params, of: "model '\(self.name)'")
        return .int(params.total)
      }
    case "get_layer":
      return method(attr) { [unowned self] args, interp throws(PyError) in
        try self.getLayer(args, interp)
      }
    case "add":
      guard kind == .sequential else { return nil }
      return method(attr) { [unowned self] args, interp throws(PyError) in
        guard let layer = args.positional.first else {
          throw PyError(
            "TypeError", "add() missing 1 required positional argument: 'layer'", at: args.range)
        }
        try self.host.sequentialAdd(self, layer.value, interp, at: layer.range ?? args.range)
        return .none
      }
    case "pop":
      guard kind == .sequential else { return nil }
      return method(attr) { [unowned self] args, interp throws(PyError) in
        guard let last = self.sequence.popLast() else {
          throw PyError("IndexError", "pop from empty list", at: args.range)
        }
        var rebuild = true
        if let r = args.positional.first?.value ?? args.keywords.first?.value {
          rebuild = interp.truthy(r)
        }
        if rebuild {
          try self.host.sequentialRebuild(self, interp, at: args.range)
        } else {
          self.invalidate()
        }
        return last
      }
    case "build":
      return method(attr) { [unowned self] args, interp throws(PyError) in
        try self.host.buildModel(self, args, interp)
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
          "model.\(attr)() trains, evaluates or saves the model, which kshape never does: it "
            + "computes shapes",
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

  /// `model.trainable = value`; any other attribute is refused as before.
  func setAttribute(_ name: String, _ value: PyValue, _ interpreter: Interpreter) throws(PyError) {
    guard name == "trainable" else {
      throw PyError(
        "AttributeError", "'\(typeName)' object attribute '\(name)' is read-only", at: nil)
    }
    host.setTrainable(model: self, interpreter.truthy(value))
  }
}
