import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// The Keras side of a Python program: the graph its layers build, and the models it made.
///
/// One host runs one replay of the session: the declared run, or an `apply` at a size (with
/// `binding` substituting the inputs' shapes). Python objects that stand for layers, tensors and
/// models refer to it by index, so they stay valid while the graph grows.
final class KerasHost {
  var evaluator: Evaluator
  /// The models made so far (`keras.Model(...)`, `keras.Sequential(...)`), in creation order: a
  /// replay makes the same models in the same order, so an index names a model across replays.
  var models: [ModelObject] = []
  /// Layers and tensors already wrapped, so `a is b` holds for the same layer or tensor.
  private var layerObjects = ObjectCache<LayerObject>()
  private var tensorObjects = ObjectCache<TensorObject>()
  /// Keras's per-class counters of model names (`functional`, `functional_1`, `sequential`).
  /// Models share the layers' counters in Keras; the graph's are the layers' names.

  init(binding: InputBinding = InputBinding(), defersWeights: Bool = true) {
    evaluator = Evaluator(binding: binding)
    evaluator.uniqueNames = false
    evaluator.memo = ConstructionMemo()
    evaluator.twinCalls = TwinCalls()
    evaluator.graph.defersWeights = defersWeights
  }

  /// What the program read that depends on the size (a shape, a weight, a Keras error it
  /// caught), first only; nil while its graph-building cannot depend on the size, so that
  /// `apply` can run its compiled calls (`SessionPlan`) instead of the program.
  var observed: String?

  func observe(_ what: @autoclosure () -> String) {
    if observed == nil { observed = what() }
  }

  /// `keras.mixed_precision.set_global_policy(...)` / `keras.config.set_dtype_policy(...)`:
  /// the dtype policy of layers made without `dtype=`.
  var globalPolicy: String?

  /// The terminal's width that `model.summary()` fits its table to (nil: Keras's own widths,
  /// for a script's output that is not a terminal, and for JSON).
  var displayWidth: Int?

  var graph: Graph {
    // Read in place: a reader of one field does not copy (and retain) the whole graph.
    _read { yield evaluator.graph }
    _modify { yield &evaluator.graph }
  }

  func layer(_ index: Int) -> LayerObject {
    layerObjects.object(index, count: evaluator.graph.layers.count) {
      LayerObject(host: self, index: index)
    }
  }

  func tensor(_ id: Int) -> TensorObject {
    tensorObjects.object(id, count: evaluator.graph.tensors.count) {
      TensorObject(host: self, id: id)
    }
  }

  /// Forgets the Python objects of layers and tensors an undone statement made.
  func forgetObjects(layers: Range<Int>, tensors: Range<Int>) {
    layerObjects.forget(from: layers.lowerBound)
    tensorObjects.forget(from: tensors.lowerBound)
  }

  /// A call's outputs as Python sees them: one tensor, or a tuple of several.
  func outputs(_ ids: [Int]) -> PyValue {
    ids.count == 1 ? .object(tensor(ids[0])) : .tuple(ids.map { .object(tensor($0)) })
  }

  /// An engine error raised from Python code: it keeps the engine's message, caret and hint.
  func raise(_ e: EngineError, at range: SourceRange?) -> PyError {
    // A program that catches it decides on a size-dependent outcome.
    observe("a Keras error")
    return Self.raise(e, at: range)
  }

  static func raise(_ e: EngineError, at range: SourceRange?) -> PyError {
    var error = PyError(
      e.layer == nil ? "ValueError" : "ValueError", e.message,
      at: e.diagnostic.range ?? range, hint: e.diagnostic.hint, underlying: e)
    if error.range == nil { error.range = range }
    return error
  }
}

// MARK: - Python values to Keras argument values

extension KerasHost {
  /// A layer argument from a Python value: literals and containers as they are, a layer made
  /// for the purpose (`Bidirectional(LSTM(8))`) as a layer argument, Keras's training-only
  /// objects (initializers, regularizers) as the dict a saved config holds for them.
  func value(_ v: PyValue, _ interpreter: Interpreter, range: SourceRange?) throws(PyError)
    -> Value
  {
    try Self.argumentValue(v, range: range) { [self] (o) throws(PyError) -> Value in
      try objectValue(o, range: range)
    }
  }

  /// A Python value as an argument value: literals and containers as they are (dicts with
  /// string keys), objects as `object` makes them.
  static func argumentValue(
    _ v: PyValue, range: SourceRange?, object: (any PyObject) throws(PyError) -> Value
  ) throws(PyError) -> Value {
    switch v {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .str(let s): return .string(s)
    case .tuple(let items):
      var out: [Value] = []
      for i in items { out.append(try argumentValue(i, range: range, object: object)) }
      return .tuple(out)
    case .list(let l):
      var out: [Value] = []
      for i in l.items { out.append(try argumentValue(i, range: range, object: object)) }
      return .list(out)
    case .dict(let d):
      var out: [DictEntry] = []
      for (k, item) in d.entries {
        guard case .str(let key) = k else {
          throw PyError(
            "TypeError", "kshape passes dicts with string keys to layers only", at: range)
        }
        out.append(DictEntry(key, try argumentValue(item, range: range, object: object)))
      }
      return .dict(out)
    case .object(let o): return try object(o)
    }
  }

  /// An object as a layer argument: a layer made for it, a model, a training-only object, a
  /// function's name.
  private func objectValue(_ o: any PyObject, range: SourceRange?) throws(PyError) -> Value {
    if let l = o as? LayerObject {
      let node = graph.layers[l.index]
      return .layer(
        LayerArgument(className: node.className, arguments: node.arguments, name: node.name))
    }
    if let opaque = o as? OpaqueObject { return opaque.configValue }
    if let model = o as? ModelObject {
      // A model inside a wrapper (`TimeDistributed(convnet)`): a layer already made, at the
      // shapes of this run.
      observe("a model as a layer argument")
      guard model.built else {
        throw PyError(
          "ValueError",
          "the model '\(model.name)' is not built yet: give it an input before wrapping it",
          at: range)
      }
      return .layer(
        LayerArgument(
          className: model.kind.rawValue, arguments: CallArguments(), name: model.name,
          prebuilt: SubgraphModel(
            graph: model.view, inputs: model.inputIDs, outputs: model.outputIDs,
            className: model.kind.rawValue)))
    }
    if o.typeName == "function" {
      // The function's name stands for its code, which never runs.
      let name = (o as? PyFunction)?.name ?? "f"
      return .string("<function \(name)>")
    }
    throw PyError(
      "TypeError",
      "a \(o.typeName) cannot be a layer argument (kshape passes literals, layers, and "
        + "Keras's initializers, regularizers and constraints)", at: range)
  }

  /// Python's keyword and positional arguments as a layer constructor's, with where each stands.
  func arguments(_ args: PyArguments, _ interpreter: Interpreter, signature: Signature?)
    throws(PyError) -> (CallArguments, ArgumentRanges)
  {
    var positional: [Value] = []
    // (Most constructions have a positional argument or none: one is made as a literal, where
    // room reserved in an empty array goes through its generic growth.)
    if args.positional.count > 1 { positional.reserveCapacity(args.positional.count) }
    var keywords: [(String, Value)] = []
    // (Room for no keywords is asked only when there are some: asking for none still costs a
    // call into the array's growth.)
    if !args.keywords.isEmpty { keywords.reserveCapacity(args.keywords.count) }
    var ranges = ArgumentRanges(capacity: args.positional.count + args.keywords.count)
    // The parameters read once (each read of a signature's parameters retains the array).
    let parameters = signature?.parameters ?? []
    for (i, a) in args.positional.enumerated() {
      let v = try value(a.value, interpreter, range: a.range)
      if args.positional.count == 1 { positional = [v] } else { positional.append(v) }
      if i < parameters.count, let r = a.range { ranges[parameters[i].name] = r }
    }
    for k in args.keywords {
      keywords.append((k.name, try value(k.value, interpreter, range: k.range)))
      if let r = k.range { ranges[k.name] = r }
    }
    return (CallArguments(positional: positional, keywords: keywords), ranges)
  }
}
