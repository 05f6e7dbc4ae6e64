import KerasJSON

extension SavedModel {
  /// One entry of `layers` (the list at `list`, entry `index`): class, module, config, calls; a
  /// nested model decoded in turn. The entry's path is made only where it is needed (messages,
  /// a nested model's, a Functional model's calls).
  static func decodeLayer(_ item: JSONValue, in list: JSONPath, at index: Int, sequential: Bool)
    throws(ConfigError) -> SavedLayer
  {
    var path: JSONPath { list + index }
    guard case .object(let members) = item else {
      throw ConfigError("a layer entry is an object, not \(item.kindDescription)", at: path)
    }
    // One pass for the keys read below (a repeated key keeps its last value).
    var clsValue: JSONValue?
    var moduleValue: JSONValue?
    var configValue: JSONValue?
    var registered: JSONValue?
    var nameValue: JSONValue?
    var inbound: JSONValue?
    // A key is told by its length before its text (a literal of another length is not
    // compared); members read in place (a copy of each retained and released its parts).
    members.withUnsafeBufferPointer { members in
      for m in members.indices {
        let key = members[m].key
        switch key.utf8.count {
        case 10 where key == "class_name": clsValue = members[m].value
        case 6 where key == "module": moduleValue = members[m].value
        case 6 where key == "config": configValue = members[m].value
        case 15 where key == "registered_name": registered = members[m].value
        case 4 where key == "name": nameValue = members[m].value
        case 13 where key == "inbound_nodes": inbound = members[m].value
        default: break
        }
      }
    }
    guard let clsValue else {
      throw ConfigError("the layer entry has no \"class_name\"", at: path)
    }
    guard case .string(let cls) = clsValue, !cls.isEmpty else {
      throw ConfigError(
        "class_name is \(clsValue.kindDescription), not a class name", at: path + "class_name")
    }
    let module = moduleValue?.stringValue ?? "keras.layers"
    guard let configValue else {
      throw ConfigError("the \(cls) entry has no \"config\"", at: path)
    }
    guard case .object(let config) = configValue else {
      throw ConfigError(
        "the \(cls) entry's \"config\" is \(configValue.kindDescription), not an object",
        at: path + "config")
    }
    // The config's `name` (as `configValue["name"]` reads it) found by length first.
    if nameValue == nil {
      config.withUnsafeBufferPointer { config in
        for m in config.indices where config[m].key.utf8.count == 4 && config[m].key == "name" {
          nameValue = config[m].value
        }
      }
    }
    let name: String
    switch nameValue {
    case .string(let n)?: name = n
    case nil, .null?:
      throw ConfigError("the \(cls) entry has no \"name\"", at: path)
    case let other?:
      throw ConfigError(
        "the layer name is \(other.kindDescription), not a string", at: path + "name")
    }
    // The parts are set once (a change after makes a new box).
    let nested =
      isModelClass(cls)
      ? try decodeModel(className: cls, config: configValue, at: path + "config") : nil
    let calls = sequential ? [] : try nodes(inbound, at: path + "inbound_nodes", layer: name)
    return SavedLayer(
      name: name, className: cls, module: module,
      registeredName: registered?.stringValue,
      config: config, entry: item, nodes: calls, nested: nested, in: list, at: index)
  }

  /// `inbound_nodes`: one `{"args": [...], "kwargs": {...}}` per call.
  static func nodes(_ value: JSONValue?, at path: JSONPath, layer: String) throws(ConfigError)
    -> [SavedNode]
  {
    guard let value, !value.isNull else { return [] }
    guard case .array(let items) = value else {
      throw ConfigError("inbound_nodes is \(value.kindDescription), not a list", at: path)
    }
    var out: [SavedNode] = []
    for (i, node) in items.enumerated() {
      switch node {
      case .object:
        let args = node["args"] ?? .array([])
        guard case .array(let a) = args else {
          throw ConfigError(
            "a node's args is \(args.kindDescription), not a list", at: path + i + "args")
        }
        let kwargs = node["kwargs"] ?? .object([])
        guard case .object(let k) = kwargs else {
          throw ConfigError(
            "a node's kwargs is \(kwargs.kindDescription), not an object", at: path + i + "kwargs")
        }
        out.append(SavedNode(args: a, kwargs: k, path: path + i))
      case .array:
        throw ConfigError(
          "layer \"\(layer)\" has its calls in the Keras 2 format ([[name, node, tensor, kwargs]])",
          at: path + i,
          hint: "load the model in Keras 3 and save it again: model.save(\"model.keras\")")
      default:
        throw ConfigError(
          "a node is an object with args and kwargs, not \(node.kindDescription)", at: path + i)
      }
    }
    return out
  }
}

/// What a value of a node's arguments is to the graph: not a tensor, a `__keras_tensor__`'s
/// `keras_history`, or a malformed one (`kerasTensorRef` says how).
enum KerasHistory {
  case none
  /// A `__keras_tensor__` whose `keras_history` is missing (nil) or not
  /// `[layer_name, node_index, tensor_index]`.
  case malformed(history: JSONValue?)
  case ref(layer: String, node: Int, tensor: Int)

  init(_ v: JSONValue) {
    guard case .object(let members) = v else {
      self = .none
      return
    }
    // One pass for both keys (a repeated key keeps its last value).
    var cls: JSONValue?
    var config: JSONValue?
    for m in members {
      if m.key == "class_name" {
        cls = m.value
      } else if m.key == "config" {
        config = m.value
      }
    }
    guard cls?.stringValue == "__keras_tensor__" else {
      self = .none
      return
    }
    let history = config?["keras_history"]
    guard case .array(let parts)? = history, parts.count == 3,
      case .string(let layer) = parts[0], case .int(let node) = parts[1],
      case .int(let tensor) = parts[2], node >= 0, tensor >= 0
    else {
      self = .malformed(history: history)
      return
    }
    self = .ref(layer: layer, node: node, tensor: tensor)
  }
}

/// A `__keras_tensor__` reference inside a node's arguments, or nil for any other value.
func kerasTensorRef(_ v: JSONValue, at path: JSONPath) throws(ConfigError) -> TensorRef? {
  switch KerasHistory(v) {
  case .none: return nil
  case .ref(let layer, let node, let tensor):
    return TensorRef(layer: layer, node: node, tensor: tensor, kerasTensorAt: path)
  case .malformed(let history?):
    throw ConfigError(
      "keras_history is [layer_name, node_index, tensor_index], not this \(history.kindDescription)",
      at: path + "config" + "keras_history")
  case .malformed(nil):
    throw ConfigError("a __keras_tensor__ without keras_history", at: path + "config")
  }
}
