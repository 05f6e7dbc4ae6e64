import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

extension KerasHost {
  /// `keras.Model(inputs, outputs, name=None)`.
  func makeModel(_ args: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    var given: [String: (PyValue, SourceRange?)] = [:]
    for (i, a) in args.positional.enumerated() {
      guard i < 3 else {
        throw PyError("TypeError", "Model() takes at most 3 positional arguments", at: a.range)
      }
      given[["inputs", "outputs", "name"][i]] = (a.value, a.range)
    }
    for k in args.keywords {
      guard ["inputs", "outputs", "name", "trainable"].contains(k.name) else {
        throw PyError(
          "TypeError", "Model() got an unexpected keyword argument '\(k.name)'", at: k.range)
      }
      given[k.name] = (k.value, k.range)
    }
    guard let (inputs, inRange) = given["inputs"], let (outputs, outRange) = given["outputs"] else {
      throw PyError(
        "TypeError",
        "kshape builds functional models: keras.Model(inputs, outputs); a subclassed Model runs "
          + "Python code kshape does not run", at: args.range,
        hint: "write the model as inputs = keras.Input(...), outputs = ..., "
          + "keras.Model(inputs, outputs)")
    }
    let inIDs = try tensorIDs(inputs, "inputs", inRange)
    let outIDs = try tensorIDs(outputs, "outputs", outRange)
    let name = try modelName(given["name"], prefix: "functional")
    let model = ModelObject(host: self, kind: .functional, name: name, index: models.count)
    model.inputs = inputs
    model.outputs = outputs
    model.inputIDs = inIDs
    model.outputIDs = outIDs
    // Every output must be reachable from the inputs, as Keras checks.
    let reached = Set(model.calls.flatMap { graph.layers[$0.layer].calls[$0.call].inputs })
      .union(model.calls.flatMap { graph.layers[$0.layer].calls[$0.call].outputs })
    for t in inIDs where !graph.isInput(t) && !reached.contains(t) {
      throw PyError(
        "ValueError", "a model's inputs must be keras.Input tensors", at: inRange)
    }
    for t in model.calls.flatMap({ graph.layers[$0.layer].calls[$0.call].inputs })
    where graph.isInput(t) && !inIDs.contains(t) {
      throw PyError(
        "ValueError",
        "Graph disconnected: cannot find parent for KerasTensor \(graph.tensors[t].kerasName) "
          + "(input \(graph.layerName(of: t))): it is not among the model's inputs",
        at: inRange ?? args.range, hint: "add it to the inputs of keras.Model(...)")
    }
    models.append(model)
    return .object(model)
  }

  func modelName(_ given: (PyValue, SourceRange?)?, prefix: String) throws(PyError) -> String {
    if let (v, r) = given, v.isNotNone {
      guard case .str(let s) = v else { throw PyError("TypeError", "name must be a string", at: r) }
      return s
    }
    return graph.autoName(prefix)
  }

  /// The tensors of `inputs=`/`outputs=`: one, a list or tuple, or a dict's values.
  func tensorIDs(_ v: PyValue, _ what: String, _ range: SourceRange?) throws(PyError) -> [Int] {
    var items: [PyValue]
    switch v {
    case .list(let l): items = l.items
    case .tuple(let xs): items = xs
    case .dict(let d): items = d.entries.map(\.value)
    default: items = [v]
    }
    var ids: [Int] = []
    for item in items {
      guard let t = tensorID(item) else {
        throw PyError(
          "ValueError",
          "All `\(what)` values must be KerasTensors. Received: \(what)=\(item)", at: range)
      }
      ids.append(t)
    }
    return ids
  }

  /// `keras.Sequential(layers=None, name=None)`.
  func makeSequential(_ args: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    var layers: (PyValue, SourceRange?)?
    var name: (PyValue, SourceRange?)?
    for (i, a) in args.positional.enumerated() {
      if i == 0 { layers = (a.value, a.range) } else if i == 1 { name = (a.value, a.range) }
    }
    for k in args.keywords {
      switch k.name {
      case "layers": layers = (k.value, k.range)
      case "name": name = (k.value, k.range)
      case "trainable": break
      default:
        throw PyError(
          "TypeError", "Sequential() got an unexpected keyword argument '\(k.name)'", at: k.range)
      }
    }
    let model = ModelObject(
      host: self, kind: .sequential, name: try modelName(name, prefix: "sequential"),
      index: models.count)
    models.append(model)
    if let (list, range) = layers, list.isNotNone {
      let items: [PyValue]
      switch list {
      case .list(let l): items = l.items
      case .tuple(let xs): items = xs
      default: items = [list]
      }
      for item in items { try sequentialAdd(model, item, interpreter, at: range ?? args.range) }
    }
    return .object(model)
  }

  /// `model.add(layer)`: an input starts the model; a layer is called on its output once the
  /// model has an input (from `keras.Input`, or a first layer's `input_shape=`).
  func sequentialAdd(_ model: ModelObject, _ item: PyValue, _ interpreter: Interpreter, at range: SourceRange?)
    throws(PyError)
  {
    if let t = tensorID(item) {
      guard model.sequence.isEmpty, model.inputIDs.isEmpty else {
        throw PyError("ValueError", "a Sequential model takes an Input only first", at: range)
      }
      model.inputIDs = [t]
      model.inputs = item
      model.outputIDs = [t]
      model.outputs = item
      return
    }
    guard case .object(let o) = item, let layer = o as? LayerObject else {
      throw PyError(
        "TypeError",
        "Only instances of `keras.Layer` can be added to a Sequential model. Received: "
          + interpreter.repr(item), at: range)
    }
    model.sequence.append(layer.index)
    if model.inputIDs.isEmpty, model.sequence.count == 1 {
      // A first layer's `input_shape=` (or `input_dim=`) starts the model, as Keras does.
      let args = graph.layers[layer.index].arguments.keywords
      var shape: Value?
      if let s = args.first(where: { $0.0 == "input_shape" })?.1 { shape = s }
      if let d = args.first(where: { $0.0 == "input_dim" })?.1 { shape = .tuple([d]) }
      if let shape {
        let input = try makeInput(
          PyArguments(positional: [(Self.pyValue(shape), range)], range: range), interpreter)
        guard let t = tensorID(input) else { return }
        model.inputIDs = [t]
        model.inputs = input
        model.outputIDs = [t]
        model.outputs = input
      }
    }
    guard !model.outputIDs.isEmpty, let current = model.outputIDs.first else { return }
    let out = try callLayer(
      layer.index, PyArguments(positional: [(.object(tensor(current)), range)], range: range),
      interpreter)
    model.outputIDs = try tensorIDs(out, "outputs", range)
    model.outputs = out
  }

  static func pyValue(_ v: Value) -> PyValue {
    switch v {
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .str(s)
    case .bool(let b): return .bool(b)
    case .none: return .none
    case .tuple(let xs): return .tuple(xs.map(pyValue))
    case .list(let xs): return .list(PyList(xs.map(pyValue)))
    case .layer, .dict: return .none
    }
  }

  /// `model(x)`: a model used as a layer. A Sequential not built yet is built on `x`'s shape.
  func callModel(_ model: ModelObject, _ args: PyArguments, _ interpreter: Interpreter)
    throws(PyError) -> PyValue
  {
    guard let first = args.positional.first ?? args.keywords.first.map({ ($0.value, $0.range) })
    else {
      throw PyError("TypeError", "a model is called on its inputs: model(x)", at: args.range)
    }
    var given = try tensorIDs(first.value, "inputs", first.range)
    if !model.built, model.kind == .sequential, given.count == 1 {
      // Keras builds the Sequential on the first tensor it is called with: its layers join the
      // graph as if stacked on that tensor.
      let t = given[0]
      model.inputIDs = [t]
      model.inputs = first.value
      model.outputIDs = [t]
      let layers = model.sequence
      model.sequence = []
      for l in layers {
        try sequentialAdd(model, .object(layer(l)), interpreter, at: args.range)
      }
      return model.outputs
    }
    _ = try model.requireBuilt("inputs")
    given = Array(given.prefix(model.inputIDs.count))
    let nested = SubgraphModel(
      graph: model.view, inputs: model.inputIDs, outputs: model.outputIDs,
      className: model.kind.rawValue)
    let l: Int
    if let existing = graph.layers.firstIndex(where: {
      $0.name == model.name && ($0.layer as? SubgraphModel) != nil
    }) {
      l = existing
    } else {
      do throws(EngineError) {
        try evaluator.checkUnique(model.name, range: args.range, className: model.kind.rawValue)
      } catch {
        throw Self.raise(error, at: args.range)
      }
      graph.addLayer(
        LayerNode(
          name: model.name, className: model.kind.rawValue, layer: nested, policy: .float32,
          weights: nil, statement: evaluator.statement))
      l = graph.layers.count - 1
    }
    return try callLayer(l, PyArguments(positional: [first], range: args.range), interpreter)
  }

  /// `model.predict(x)` on a NumPy array: the output's shape at the array's, computed, not run.
  func predict(_ model: ModelObject, _ args: PyArguments, _ interpreter: Interpreter)
    throws(PyError) -> PyValue
  {
    guard let x = args.positional.first, case .object(let o) = x.value, let array = o as? NumpyArray
    else {
      throw PyError(
        "NotImplementedError",
        "kshape predicts shapes from NumPy arrays made in the program (np.zeros, np.random.random)",
        at: args.range, hint: "make the input as np.zeros((1, 224, 224, 3)) to see the output shape")
    }
    _ = try model.requireBuilt("inputs")
    let nested = SubgraphModel(
      graph: model.view, inputs: model.inputIDs, outputs: model.outputIDs,
      className: model.kind.rawValue)
    let type = TensorType(shape: array.shape.map { .known($0) }, dtype: array.dtype)
    let context = LayerContext(
      className: model.kind.rawValue, name: model.name, policy: .float32, autocastsInputs: true)
    do throws(LayerError) {
      let out = try nested.call(LayerInput.single(type), context)
      let arrays = out.outputs.map { t in
        PyValue.object(NumpyArray(shape: t.shape.map { $0.value ?? 1 }, dtype: t.dtype))
      }
      return arrays.count == 1 ? arrays[0] : .list(PyList(arrays))
    } catch {
      throw PyError("ValueError", error.message, at: args.range, hint: error.hint)
    }
  }
}
