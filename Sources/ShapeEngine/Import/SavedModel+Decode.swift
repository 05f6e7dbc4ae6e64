import KerasJSON

extension SavedModel {
  /// The model classes a config can hold at its top or nested as a layer.
  /// Whether a class is a model's (Functional, Sequential, Model), without a hashed set: asked
  /// once per layer of every config (and a `Set<String>` made at start-up costs a search of the
  /// executable's conformance records).
  static func isModelClass(_ name: String) -> Bool {
    name == "Functional" || name == "Sequential" || name == "Model"
  }

  /// Decodes a whole document: `{"class_name": "Functional", "config": {...}}`, or the bare
  /// config dict of `model.get_config()`.
  public static func decode(_ json: JSONValue) throws(ConfigError) -> SavedModel {
    guard case .object = json else {
      throw ConfigError(
        "a model config is a JSON object, but this is \(json.kindDescription)", at: .root)
    }
    if let cls = json["class_name"] {
      guard case .string(let name) = cls else {
        throw ConfigError(
          "class_name is \(cls.kindDescription), not a string", at: .root + "class_name")
      }
      guard isModelClass(name) else {
        throw ConfigError(
          "this config is a \(name), not a model (Functional or Sequential)",
          at: .root + "class_name",
          hint: "save the model itself: model.to_json() or model.save(\"model.keras\")")
      }
      guard let config = json["config"] else {
        throw ConfigError("the model has no \"config\"", at: .root)
      }
      return try decodeModel(className: name, config: config, at: .root + "config")
    }
    guard json["layers"] != nil else {
      throw ConfigError(
        "not a Keras model config: it has neither \"class_name\" nor \"layers\"", at: .root)
    }
    let functional = json["input_layers"] != nil || json["output_layers"] != nil
    return try decodeModel(
      className: functional ? "Functional" : "Sequential", config: json, at: .root)
  }

  static func decodeModel(className: String, config: JSONValue, at path: JSONPath)
    throws(ConfigError) -> SavedModel
  {
    guard case .object = config else {
      throw ConfigError("a model's config is an object, not \(config.kindDescription)", at: path)
    }
    let name = config["name"]?.stringValue ?? "model"
    guard let layersValue = config["layers"] else {
      throw ConfigError("the model has no \"layers\"", at: path)
    }
    guard case .array(let items) = layersValue else {
      throw ConfigError(
        "\"layers\" is \(layersValue.kindDescription), not a list", at: path + "layers")
    }
    var layers: [SavedLayer] = []
    layers.reserveCapacity(items.count)
    var seen: [String: Int] = [:]
    seen.reserveCapacity(items.count)
    let sequential = className == "Sequential" || config["input_layers"] == nil
    let layersPath = path + "layers"
    for (i, item) in items.enumerated() {
      let layer = try decodeLayer(item, in: layersPath, at: i, sequential: sequential)
      guard seen.updateValue(i, forKey: layer.name) == nil else {
        throw ConfigError(
          "two layers are named \"\(layer.name)\"; layer names in a model are unique",
          at: layersPath + i + "name")
      }
      layers.append(layer)
    }
    var model = SavedModel(
      name: name, className: className, layers: layers, inputs: [], outputs: [],
      isSequential: sequential, sequentialInputShape: nil, path: path)
    model.layerIndex = seen
    if sequential {
      guard !layers.isEmpty else {
        throw ConfigError("the Sequential model has no layers", at: path + "layers")
      }
      if layers[0].className != "InputLayer" {
        let shape = config["build_input_shape"] ?? config["build_config"]?["input_shape"]
        if let shape, !shape.isNull {
          model.sequentialInputShape = try dims(shape, at: path + "build_input_shape")
        }
      }
      return model
    }
    model.inputs = try refs(config["input_layers"], at: path + "input_layers", in: seen)
    model.outputs = try refs(config["output_layers"], at: path + "output_layers", in: seen)
    guard !model.inputs.isEmpty, !model.outputs.isEmpty else {
      throw ConfigError("a Functional model needs input_layers and output_layers", at: path)
    }
    model.executionOrder = try model.findExecutionOrder()
    return model
  }

  /// `[name, node, tensor]` or a list of them (Keras writes one input unwrapped).
  static func refs(_ value: JSONValue?, at path: JSONPath, in names: [String: Int])
    throws(ConfigError) -> [TensorRef]
  {
    // Dict inputs/outputs (`keras.Model({"a": x, "b": y}, ...)`): Keras flattens by sorted key.
    if let value, case .object(let members) = value {
      var out: [TensorRef] = []
      for m in members.sorted(by: { $0.key < $1.key }) {
        out += try refs(m.value, at: path + m.key, in: names)
      }
      return out
    }
    guard let value, case .array(let items) = value else {
      throw ConfigError("expected a list of [layer_name, node_index, tensor_index]", at: path)
    }
    if case .string = items.first {
      return [try ref(value, at: path, in: names)]
    }
    var out: [TensorRef] = []
    for (i, item) in items.enumerated() { out.append(try ref(item, at: path + i, in: names)) }
    return out
  }

  static func ref(_ value: JSONValue, at path: JSONPath, in names: [String: Int])
    throws(ConfigError) -> TensorRef
  {
    guard case .array(let parts) = value, parts.count == 3, case .string(let layer) = parts[0],
      case .int(let node) = parts[1], case .int(let tensor) = parts[2], node >= 0, tensor >= 0
    else {
      throw ConfigError(
        "expected [layer_name, node_index, tensor_index], found \(value.kindDescription)", at: path)
    }
    guard names[layer] != nil else {
      throw ConfigError("refers to layer \"\(layer)\", which is not in the model", at: path)
    }
    return TensorRef(
      layer: layer, node: node, tensor: tensor, path: path, countsBuiltInNode: true)
  }

  /// A shape list: ints and nulls; sizes are checked against the largest dim kshape accepts.
  static func dims(_ value: JSONValue, at path: JSONPath) throws(ConfigError) -> [Int?] {
    var v = value
    // Keras may serialize a tuple as {"class_name": "__tuple__", "config": {"value": [...]}}.
    if v["class_name"]?.stringValue == "__tuple__", let inner = v["config"]?["value"] { v = inner }
    guard case .array(let items) = v else {
      throw ConfigError(
        "a shape is a list of ints and nulls, not \(value.kindDescription)", at: path)
    }
    var out: [Int?] = []
    for (i, item) in items.enumerated() {
      switch item {
      case .null: out.append(nil)
      case .int(let n) where n >= 0 && n <= SizeSpec.maxDim: out.append(n)
      case .int(let n):
        throw ConfigError(
          "dim \(n) is out of range (0 to \(SizeSpec.maxDim))", at: path + i)
      case .double(let d):
        throw ConfigError("dim \(d) is not an int", at: path + i)
      default:
        throw ConfigError("a dim is an int or null, not \(item.kindDescription)", at: path + i)
      }
    }
    return out
  }
}
