import KerasJSON
import LayerCatalog
import ShapeCore

extension Evaluator {
  /// An InputLayer entry: `batch_shape` (or Keras 2's `batch_input_shape`), dtype, name.
  mutating func importInput(_ layer: SavedLayer, ordinal: Int) throws(EngineError) -> Int {
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
    graph.layers[l].arguments = CallArguments(keywords: ConfigValues.keywords(layer.config))
    return t
  }

  /// Makes the layer a saved entry describes (not yet called).
  mutating func importLayer(_ layer: SavedLayer, _ options: ImportOptions) throws(EngineError)
    -> Int
  {
    let keywords = ConfigValues.keywords(
      layer.config, className: layer.className, options: options)
    let made: any Layer
    let resolved = ImportedClass.resolve(layer, assumingIdentity: options.assumeIdentity)
    if case .catalog(let entry)? = resolved {
      do {
        let l = try construct(
          layer.className, entry: entry, CallArguments(keywords: keywords), at: nil)
        graph.layers[l].savedConfig = layer.entry
        graph.layers[l].module = layer.module
        return l
      } catch {
        var e = error
        e.path = layer.path + "config"
        e.layer = layer.name
        throw e
      }
    }
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
struct NestedModel: Layer {
  var model: SavedModel
  var options: ImportOptions

  func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let given = input.tensors
    var binding = InputBinding()
    for (i, t) in given.enumerated() { binding.tensors[i] = t }
    var evaluator = Evaluator(binding: binding)
    evaluator.graph.defersWeights = c.defersWeights
    let outputs: [Int]
    do {
      outputs = try evaluator.importModel(model, options: options)
    } catch {
      throw LayerError(
        "\(c.name) (\(model.className)): "
          + (error.layer.map { "layer \"\($0)\" inside it failed: " } ?? "") + error.message,
        hint: error.diagnostic.hint)
    }
    let graph = evaluator.graph
    // Keras checks the tensors against the model's declared inputs (rank and known dims).
    for i in graph.inputs.indices where i < given.count {
      let declared = graph.declaredInputs[i]
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
    var weights: [Weight] = []
    for layer in graph.layers where !layer.calls.isEmpty {
      weights += (layer.weights ?? []).map {
        Weight(layer.name + "/" + $0.name, dims: $0.shape, trainable: $0.trainable)
      }
    }
    return LayerOutput(outputs.map { graph.tensors[$0].type }, weights: weights)
  }
}
