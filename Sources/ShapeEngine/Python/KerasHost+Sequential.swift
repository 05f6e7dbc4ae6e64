import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// `keras.Sequential` as Keras 3 builds it (keras/src/models/sequential.py): a list of layers,
/// and, once its first item is an input, a hidden Functional made anew on every change, whose
/// calls are new nodes of every layer and whose name takes the next `functional` name.
extension KerasHost {
  /// `keras.Sequential(layers=None, trainable=True, name=None)`.
  func makeSequential(_ args: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    var layers: (PyValue, SourceRange?)?
    var name: (PyValue, SourceRange?)?
    for (i, a) in args.positional.enumerated() {
      switch i {
      case 0: layers = (a.value, a.range)
      case 1: break  // trainable
      case 2: name = (a.value, a.range)
      default:
        throw PyError(
          "TypeError", "Sequential() takes from 1 to 4 positional arguments", at: a.range)
      }
    }
    for k in args.keywords {
      switch k.name {
      case "layers": layers = (k.value, k.range)
      case "name": name = (k.value, k.range)
      case "trainable": break
      default:
        throw PyError(
          "TypeError", "Sequential.__init__() got an unexpected keyword argument '\(k.name)'",
          at: k.range)
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
      for item in items {
        try sequentialAdd(model, item, interpreter, rebuild: false, at: range ?? args.range)
      }
      if !items.isEmpty { try sequentialRebuild(model, interpreter, at: range ?? args.range) }
    }
    return .object(model)
  }

  /// `model.add(layer)`: a first layer with `input_shape=` (or `input_dim=`) brings its input;
  /// an input tensor stands for its InputLayer; then the model is rebuilt.
  func sequentialAdd(
    _ model: ModelObject, _ item: PyValue, _ interpreter: Interpreter, rebuild: Bool = true,
    at range: SourceRange?
  ) throws(PyError) {
    if model.sequence.isEmpty, model.sequentialInput == nil, case .object(let o) = item,
      let layer = o as? LayerObject
    {
      let kwargs = graph.layers[layer.index].arguments.keywords
      var shape: Value?
      if let d = kwargs.last(where: { $0.0 == "input_dim" })?.1, d != .none { shape = .tuple([d]) }
      if let s = kwargs.last(where: { $0.0 == "input_shape" })?.1, s != .none { shape = s }
      if let shape {
        let input = try makeInput(
          PyArguments(keywords: [("shape", Self.pyValue(shape), range)], range: range),
          interpreter)
        if let t = tensorID(input) { model.sequentialInput = t }
      }
    }
    if let t = tensorID(item) {
      guard graph.isInput(t) else {
        throw PyError(
          "ValueError",
          "Only instances of `keras.Layer` can be added to a Sequential model. Received: "
            + interpreter.repr(item), at: range)
      }
      if model.sequentialInput != nil {
        throw PyError(
          "ValueError",
          "Sequential model '\(model.name)' has already been configured to use input shape "
            + "\(graph.tensors[model.sequentialInput ?? t].type.kerasShape). You cannot add a "
            + "different Input layer to it.", at: range)
      }
      guard model.sequence.isEmpty else {
        throw PyError(
          "ValueError", "an input can only come first in a Sequential model", at: range)
      }
      model.sequentialInput = t
    } else {
      guard case .object(let o) = item, o is LayerObject || o is ModelObject else {
        throw PyError(
          "ValueError",
          "Only instances of `keras.Layer` can be added to a Sequential model. Received: "
            + interpreter.repr(item) + " (of type <class '\(interpreter.typeName(of: item))'>)",
          at: range)
      }
      let name = itemName(item)
      // A set of the names, kept between adds: a list of n layers is checked in O(n), not
      // O(n^2) (Keras compares with every layer; the answer is the same).
      var names = model.sequenceNames ?? Set(model.sequence.map(itemName))
      if names.contains(name) {
        throw PyError(
          "ValueError",
          "All layers added to a Sequential model should have unique names. Name '\(name)' is "
            + "already the name of a layer in this model. Update the `name` argument to pass a "
            + "unique name.", at: range)
      }
      model.sequence.append(item)
      names.insert(name)
      model.sequenceNames = names
    }
    if rebuild {
      try sequentialRebuild(model, interpreter, at: range)
    } else {
      model.invalidate()
    }
  }

  func itemName(_ item: PyValue) -> String {
    guard case .object(let o) = item else { return "" }
    if let l = o as? LayerObject { return graph.layers[l.index].name }
    if let m = o as? ModelObject { return m.name }
    return ""
  }

  /// `_maybe_rebuild`: with an input and at least one layer, build on the input's shape.
  func sequentialRebuild(_ model: ModelObject, _ interpreter: Interpreter, at range: SourceRange?)
    throws(PyError)
  {
    model.invalidate()
    if model.sequentialInput == nil, model.sequence.count > 1,
      case .object(let o) = model.sequence[0],
      let first = o as? ModelObject, first.built, first.inputIDs.count == 1
    {
      // A built model first has an `input_shape`: Keras builds on it.
      observe("a Sequential built on a model's input shape")
      try sequentialBuild(
        model, shape: graph.tensors[first.inputIDs[0]].type, interpreter, at: range)
      return
    }
    guard let input = model.sequentialInput, !model.sequence.isEmpty else { return }
    try sequentialCalls(model, from: input, interpreter, at: range)
  }

  /// `Sequential.build(input_shape)`: a new InputLayer when the model has none, then the calls.
  func sequentialBuild(
    _ model: ModelObject, shape: TensorType, _ interpreter: Interpreter, at range: SourceRange?
  ) throws(PyError) {
    if let input = model.sequentialInput {
      let declared = graph.tensors[input].type
      guard declared.shape.map(\.value) == shape.shape.map(\.value) else {
        throw PyError(
          "ValueError",
          "Sequential model '\(model.name)' has already been configured to use input shape "
            + "\(declared.kerasShape). You cannot build it with input_shape \(shape.kerasShape)",
          at: range)
      }
    } else {
      let dims = shape.shape.map { d in d.value.map { PyValue.int($0) } ?? .none }
      let input = try makeInput(
        PyArguments(
          keywords: [
            ("batch_shape", .tuple(dims), range), ("dtype", .str(shape.dtype.name), range),
          ], range: range), interpreter)
      guard let t = tensorID(input) else { return }
      model.sequentialInput = t
    }
    guard let input = model.sequentialInput else { return }
    try sequentialCalls(model, from: input, interpreter, at: range)
  }

  /// Calls every layer in order from the input, then names the hidden Functional.
  private func sequentialCalls(
    _ model: ModelObject, from input: Int, _ interpreter: Interpreter, at range: SourceRange?
  ) throws(PyError) {
    var x = PyValue.object(tensor(input))
    for item in model.sequence {
      guard case .object(let o) = item else { continue }
      let args = PyArguments(positional: [(x, range)], range: range)
      if let l = o as? LayerObject {
        x = try callLayer(l.index, args, interpreter)
      } else if let m = o as? ModelObject {
        x = try callModel(m, args, interpreter)
      }
    }
    model.inputIDs = [input]
    model.inputs = .object(tensor(input))
    model.outputIDs = try tensorIDs(x, "outputs", range)
    model.outputs = x
    // The hidden Functional takes a model name as Keras makes it.
    _ = graph.autoName("functional")
  }

  /// `model.build(input_shape)`.
  func buildModel(_ model: ModelObject, _ args: PyArguments, _ interpreter: Interpreter)
    throws(PyError)
  {
    guard model.kind == .sequential else { return }
    guard let given = args.positional.first?.value ?? args.keywords.first?.value else {
      throw PyError(
        "TypeError", "build() missing 1 required positional argument: 'input_shape'", at: args.range
      )
    }
    var items: [PyValue]
    switch given {
    case .tuple(let xs): items = xs
    case .list(let l): items = l.items
    default:
      // Keras gives up quietly on a shape it cannot standardize.
      return
    }
    var dims: [Dim] = []
    for item in items {
      switch item {
      case .int(let n) where n >= 0: dims.append(.known(n))
      case .none: dims.append(.unknown)
      default: return
      }
    }
    guard !model.sequence.isEmpty else {
      throw PyError(
        "ValueError",
        "Sequential model \(model.name) cannot be built because it has no layers. Call "
          + "`model.add(layer)`.", at: args.range)
    }
    try sequentialBuild(
      model, shape: TensorType(shape: dims, dtype: .float32), interpreter, at: args.range)
  }
}
