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
    let names = model.order.operations.map { graph.layers[$0].name }
    var counts: [String: Int] = [:]
    for n in names { counts[n, default: 0] += 1 }
    if let n = names.first(where: { (counts[$0] ?? 0) > 1 }) {
      throw PyError(
        "ValueError",
        "The name \"\(n)\" is used \(counts[n] ?? 0) times in the model. All operation names "
          + "should be unique.", at: args.range, hint: "give one of them another name=...")
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
    case .dict(let d):
      // Keras flattens a dict by sorted keys.
      items = d.entries.sorted { a, b in
        if case .str(let x) = a.key, case .str(let y) = b.key { return x < y }
        return false
      }.map(\.value)
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
    // Called on a NumPy array, a model computes: kshape gives the result's shape.
    if case .object(let o) = first.value, o is NumpyArray {
      return try predict(model, args, interpreter)
    }
    var given = try tensorIDs(first.value, "inputs", first.range)
    model.calledAsLayer = true
    if !model.built, model.kind == .sequential, given.count == 1 {
      // Keras builds a Sequential on the shape of the first tensor it is called with (a new
      // input and its own calls), then calls it as a layer.
      observe("a Sequential built on a tensor's shape")
      try sequentialBuild(model, shape: graph.tensors[given[0]].type, interpreter, at: args.range)
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
        throw raise(error, at: args.range)
      }
      graph.addLayer(
        LayerNode(
          name: model.name, className: model.kind.rawValue, layer: nested, policy: .float32,
          weights: nil, statement: evaluator.statement))
      l = graph.layers.count - 1
    }
    let out = try callLayer(l, PyArguments(positional: [first], range: args.range), interpreter)
    return structured(like: model.outputs, try tensorIDs(out, "outputs", args.range))
  }

  /// Tensors in the structure a model's outputs were given in (Keras returns a list for
  /// `outputs=[y]`, a dict for a dict).
  func structured(like template: PyValue, _ ids: [Int]) -> PyValue {
    let tensors = ids.map { PyValue.object(tensor($0)) }
    switch template {
    case .list: return .list(PyList(tensors))
    case .tuple: return .tuple(tensors)
    case .dict(let d):
      // The ids come in sorted-key order (Keras's flattening); the dict keeps its own.
      let sortedKeys = d.entries.map(\.key).sorted { a, b in
        if case .str(let x) = a, case .str(let y) = b { return x < y }
        return false
      }
      var byKey: [String: PyValue] = [:]
      for (k, t) in zip(sortedKeys, tensors) { if case .str(let s) = k { byKey[s] = t } }
      return .dict(
        PyDict(
          d.entries.map { e in
            if case .str(let s) = e.key { return (key: e.key, value: byKey[s] ?? .none) }
            return (key: e.key, value: .none)
          }))
    default: return tensors.count == 1 ? tensors[0] : .list(PyList(tensors))
    }
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
        at: args.range, hint: "make the input as np.zeros((1, 224, 224, 3)) to see the output shape"
      )
    }
    _ = try model.requireBuilt("inputs")
    observe("a prediction's shape")
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
