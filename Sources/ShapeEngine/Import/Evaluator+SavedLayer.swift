import KerasJSON
import LayerCatalog
import ShapeCore

extension Evaluator {
  /// An InputLayer entry: `batch_shape` (or Keras 2's `batch_input_shape`), dtype, name.
  mutating func importInput(
    _ layer: SavedLayer, ordinal: Int, shared: ConfigValues.SharedValues? = nil
  ) throws(EngineError) -> Int {
    let config = JSONValue.object(layer.config)
    let path = layer.path + "config"
    let shapeValue: JSONValue
    let shapePath: JSONPath
    if let s = config["batch_shape"], !s.isNull {
      (shapeValue, shapePath) = (s, path + "batch_shape")
    } else if let s = config["batch_input_shape"], !s.isNull {
      (shapeValue, shapePath) = (s, path + "batch_input_shape")
    } else if let s = config["shape"], !s.isNull {
      (shapeValue, shapePath) = (.array([.null] + (s.arrayValue ?? [])), path + "shape")
    } else {
      throw EngineError(
        ConfigError("the InputLayer \"\(layer.name)\" has no batch_shape", at: path))
    }
    let dims: [Int?]
    do { dims = try SavedModel.dims(shapeValue, at: shapePath) } catch { throw EngineError(error) }
    guard let batch = dims.first else {
      throw EngineError(ConfigError("batch_shape must include the batch dim", at: shapePath))
    }
    var dtype = DType.float32
    if let d = config["dtype"], !d.isNull {
      let name = d.stringValue ?? d["config"]?["name"]?.stringValue
      guard let name, let t = DType(name) ?? DTypePolicy(name)?.computeDType else {
        throw EngineError(
          ConfigError("the input dtype is not one Keras knows", at: path + "dtype"))
      }
      dtype = t
    }
    let t = try addInput(
      batch: batch.map { .known($0) } ?? .unknown,
      declared: dims.dropFirst().map { $0.map { .known($0) } ?? .unknown }, dtype: dtype,
      name: layer.name, ordinal: ordinal, at: nil)
    let l = graph.tensors[t].layer
    graph.layers[l].savedConfig = layer.entry
    graph.layers[l].arguments = CallArguments(
      keywords: ConfigValues.keywords(layer.config, shared: shared))
    return t
  }

  /// Layer `l`, made from the saved `layer`, with its saved config and module kept.
  private mutating func saved(_ l: Int, _ layer: SavedLayer) -> Int {
    graph.layers[l].savedConfig = layer.entry
    graph.layers[l].module = layer.module
    return l
  }

  /// Makes the layer a saved entry describes (not yet called).
  /// `shared`: the converted values of the containers met before in the same import.
  mutating func importLayer(
    _ layer: SavedLayer, _ options: ImportOptions, shared: ConfigValues.SharedValues? = nil
  ) throws(EngineError) -> Int {
    let templates = shared?.templates
    let resolved: ImportedClass?
    do {
      // A config met before but for its name: the layer made then, named anew.
      if let l = try constructAgain(layer, templates) { return saved(l, layer) }
      resolved = ImportedClass.resolve(layer, assumingIdentity: options.assumeIdentity)
      if case .catalog(let entry)? = resolved {
        let keywords = ConfigValues.keywords(
          layer.config, className: layer.className, options: options, shared: shared)
        let l = try construct(
          layer.className, entry: entry, CallArguments(keywords: keywords), at: nil)
        if let templates, options.assumeIdentity.isEmpty,
          let twin = templates.remember(
            layer, keywords: keywords, sublayers: naming(entry).sublayers,
            node: graph.layers[l])
        {
          graph.layers[l].construction = twin
        }
        return saved(l, layer)
      }
    } catch {
      var e = error
      e.path = layer.path + "config"
      e.layer = layer.name
      throw e
    }
    let keywords = ConfigValues.keywords(
      layer.config, className: layer.className, options: options, shared: shared)
    let made: any Layer
    let config = Dictionary(keywords, uniquingKeysWith: { _, b in b })
    switch resolved {
    case .model(let nested)?:
      made = NestedModel(model: nested, options: options)
    case .operation(var op)?:
      op.configure(config)
      made = op
    case .helper(var helper)?:
      do { try helper.configure(config) } catch {
        var e = EngineError(error.message, hint: error.hint)
        e.path = layer.path + "config"
        e.layer = layer.name
        throw e
      }
      made = helper
    case .assumedIdentity?:
      made = AssumedIdentity()
    case .input?, .catalog?, nil:
      throw EngineError(
        ConfigError("\(layer.className) cannot be used here", at: layer.path + "class_name"))
    }
    // A catalog layer's policy comes from its bound arguments (`construct`); here, from the config.
    var policy = DTypePolicy.float32
    if case .string(let p)? = config["dtype"] {
      guard let parsed = DTypePolicy(p) else {
        throw EngineError(
          ConfigError(
            "dtype policy \"\(p)\" is not one Keras knows", at: layer.path + "config" + "dtype"))
      }
      policy = parsed
    }
    try checkUnique(layer.name, range: nil, className: layer.className)
    var node = LayerNode(
      name: layer.name, className: layer.className, layer: made, policy: policy, weights: nil,
      statement: statement, arguments: CallArguments(keywords: keywords))
    node.module = layer.module
    node.savedConfig = layer.entry
    node.trainable = config["trainable"]?.isTruthy ?? true
    // Operations do not autocast their inputs; layers do.
    node.autocastsInputs = !(made is TensorOperation) && !(made is AssumedIdentity)
    graph.addLayer(node)
    return graph.layers.count - 1
  }
}

/// A custom class the user declared shape-preserving: its output is its input, no weights.
struct AssumedIdentity: Layer {
  func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    return LayerOutput([x])
  }
}

/// A Sequential or Functional model used as a layer: calling it evaluates its own graph on the
/// tensors it is called with; its weights are all its layers' weights.
///
/// Compiled once, when it is made (`ImportPlan`, from its import at its declared shapes), so a
/// call runs only its layers' shape rules; a model that cannot be imported alone (a Sequential
/// that takes the shape it is called on) or that its plan does not describe is imported at the
/// call (`callImporting`). NestedModelTests compare the two.
struct NestedModel: Layer {
  var model: SavedModel
  var options: ImportOptions
  var plan: ImportPlan?

  init(model: SavedModel, options: ImportOptions) {
    self.model = model
    self.options = options
    var evaluator = Evaluator()
    if (try? evaluator.importModel(model, options: options)) != nil {
      plan = ImportPlan(model, before: Graph(), after: evaluator.graph)
    }
  }

  func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard let plan else { return try callImporting(input, c) }
    let given = input.tensors
    var evaluator = Self.evaluator(given, c)
    guard let run = evaluator.runCalls(plan) else { return try callImporting(input, c) }
    if let f = run.failure {
      guard let error = Evaluator.error(f, plan) else { return try callImporting(input, c) }
      throw failure(error, c)
    }
    try check(given, declared: plan.orderedDeclared, c)
    var weights: [Weight] = []
    for (offset, p) in plan.calls.planLayer.enumerated() {
      guard let p, let own = run.weights[p] else { continue }
      let name = plan.layers[offset].name
      weights += own.map { Weight(name + "/" + $0.name, dims: $0.shape, trainable: $0.trainable) }
    }
    return LayerOutput(
      plan.outputs.map { run.tensors[$0 - plan.tensorsBefore] }, weights: weights)
  }

  /// The call by importing the model at the tensors given (what a plan must equal).
  func callImporting(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let given = input.tensors
    var evaluator = Self.evaluator(given, c)
    let outputs: [Int]
    do {
      outputs = try evaluator.importModel(model, options: options)
    } catch {
      throw failure(error, c)
    }
    let graph = evaluator.graph
    try check(given, declared: graph.declaredInputs, c)
    var weights: [Weight] = []
    for layer in graph.layers where !layer.calls.isEmpty {
      weights += (layer.weights ?? []).map {
        Weight(layer.name + "/" + $0.name, dims: $0.shape, trainable: $0.trainable)
      }
    }
    return LayerOutput(outputs.map { graph.tensors[$0].type }, weights: weights)
  }

  /// An evaluator whose inputs are the tensors given, under the call's choice of deferring.
  private static func evaluator(_ given: [TensorType], _ c: LayerContext) -> Evaluator {
    var binding = InputBinding()
    for (i, t) in given.enumerated() { binding.tensors[i] = t }
    var evaluator = Evaluator(binding: binding)
    evaluator.graph.defersWeights = c.defersWeights
    return evaluator
  }

  private func failure(_ error: EngineError, _ c: LayerContext) -> LayerError {
    LayerError(
      "\(c.name) (\(model.className)): "
        + (error.layer.map { "layer \"\($0)\" inside it failed: " } ?? "") + error.message,
      hint: error.diagnostic.hint)
  }

  /// Keras checks the tensors against the model's declared inputs (rank and known dims).
  private func check(_ given: [TensorType], declared inputs: [[DeclaredDim]], _ c: LayerContext)
    throws(LayerError)
  {
    for (i, declared) in inputs.enumerated() where i < given.count {
      let actual = given[i]
      let fits =
        actual.rank == declared.count + 1
        && zip(declared, actual.shape.dropFirst()).allSatisfy { d, a in
          if case .known(let n) = d, let v = a.value { return n == v }
          return true
        }
      guard fits else {
        let expected = TensorType.tuple(
          ["None"] + declared.map { if case .known(let n) = $0 { String(n) } else { "None" } })
        throw LayerError(
          "Input \(i) of layer \"\(c.name)\" is incompatible with the layer: expected "
            + "shape=\(expected), found shape=\(actual.kerasShape)")
      }
    }
  }
}
