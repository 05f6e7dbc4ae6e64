import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// A Keras layer as Python sees it: made by its class, called on tensors.
final class LayerObject: PyObject {
  unowned let host: KerasHost
  let index: Int

  init(host: KerasHost, index: Int) {
    self.host = host
    self.index = index
  }

  /// The layer's node, read in place (`layer.node.name` copies no other field).
  var node: LayerNode {
    _read { yield host.graph.layers[index] }
  }
  var typeName: String { node.className }
  var repr: String {
    "<\(node.className) name=\(node.name), built=\(node.calls.isEmpty ? "False" : "True")>"
  }

  /// `layer.trainable = value`; any other attribute is refused as before.
  func setAttribute(_ name: String, _ value: PyValue, _ interpreter: Interpreter) throws(PyError) {
    guard name == "trainable" else {
      throw PyError(
        "AttributeError", "'\(typeName)' object attribute '\(name)' is read-only", at: nil)
    }
    host.setTrainable(layer: index, interpreter.truthy(value))
  }

  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "name": return .str(node.name)
    case "built": return .bool(!node.calls.isEmpty || Catalog.builtWhenMade(node.className))
    case "trainable": return .bool(node.trainable)
    case "dtype": return .str(node.policy.variableDType.name)
    case "output", "input":
      // Keras 3 answers with the first call (node 0).
      guard let call = node.calls.first else {
        throw PyError(
          "AttributeError",
          "The layer \(node.name) has never been called and thus has no defined \(name).", at: nil)
      }
      return host.outputs(name == "output" ? call.outputs : call.inputs)
    case "__class__": return .object(PyTypeObject(node.className))
    case "_inbound_nodes":
      return .list(
        PyList(
          node.calls.indices.map { _ in
            .object(OpaqueObject(className: "Node", module: "keras.src.ops.node", config: []))
          }))
    case "compute_dtype": return .str(node.policy.computeDType.name)
    case "supports_masking":
      let bound = Catalog.entry(node.className).flatMap {
        try? BoundArguments(
          layer: node.className, signature: $0.signature, arguments: node.arguments)
      }
      return .bool(Catalog.supportsMasking(node.className, bound))
    case "variable_dtype": return .str(node.policy.variableDType.name)
    case "dtype_policy": return .str("<DTypePolicy \"\(node.policy.name)\">")
    case "weights", "trainable_weights", "non_trainable_weights", "variables", "get_weights",
      "count_params":
      host.observe("a layer's weights")
      return weightsAttribute(name)
    default:
      if let w = node.weights?.first(where: { $0.name == name }) {
        // `layer.kernel`, `layer.bias`: the weight, once the layer is built.
        host.observe("a layer's weights")
        return .object(WeightObject(layer: node.name, weight: w, dtype: node.policy.variableDType))
      }
      return configAttribute(name)
    }
  }

  /// The weights as Python sees them (their shapes depend on the size).
  private func weightsAttribute(_ name: String) -> PyValue? {
    switch name {
    case "weights", "trainable_weights", "non_trainable_weights", "variables":
      let ws = (node.weights ?? []).filter {
        name == "trainable_weights"
          ? $0.trainable : name == "non_trainable_weights" ? !$0.trainable : true
      }
      return .list(
        PyList(
          ws.map {
            .object(WeightObject(layer: node.name, weight: $0, dtype: node.policy.variableDType))
          }))
    case "get_weights":
      return .object(
        NativeFunction("get_weights") { [unowned self] _, _ throws(PyError) in
          try KerasHost.requireKnownParams(self.node.params, of: "layer '\(self.node.name)'")
          return .list(
            PyList(
              (self.node.weights ?? []).map { w in
                .object(
                  NumpyArray(shape: w.knownShape ?? [], dtype: self.node.policy.variableDType))
              }))
        })
    case "count_params":
      return .object(
        NativeFunction("count_params") { [unowned self] _, _ throws(PyError) in
          guard self.node.weights != nil else {
            throw PyError(
              "ValueError",
              "You tried to call `count_params` on layer '\(self.node.name)', but the layer "
                + "isn't built. You can build it manually via: `layer.build(input_shape)`.",
              at: nil)
          }
          try KerasHost.requireKnownParams(self.node.params, of: "layer '\(self.node.name)'")
          return .int(self.node.params.total)
        })
    default: return nil
    }
  }

  /// A constructor argument as the layer keeps it (`layer.filters`, `layer.dilation_rate`):
  /// Keras stores a convolution's or pooling's window arguments as tuples of its rank.
  func configAttribute(_ name: String) -> PyValue? {
    guard let entry = Catalog.entry(node.className),
      let i = entry.signature.parameters.firstIndex(where: { $0.name == name })
    else { return nil }
    let bound = try? BoundArguments(
      layer: node.className, signature: entry.signature, arguments: node.arguments)
    guard let value = bound?[name] ?? entry.signature.parameters[i].defaultValue else { return nil }
    let tupled: Set<String> = ["kernel_size", "strides", "dilation_rate", "pool_size", "size"]
    if tupled.contains(name), case .int(let n) = value,
      let rank = node.className.firstMatchRank
    {
      return .tuple(Array(repeating: .int(n), count: rank))
    }
    return KerasHost.pyValue(value)
  }

  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try host.callLayer(index, arguments, interpreter)
  }
}

extension String {
  /// The rank a class name carries (`Conv2D` -> 2, `MaxPooling1D` -> 1).
  var firstMatchRank: Int? {
    for r in 1...3 where hasSuffix("\(r)D") || hasSuffix("\(r)DTranspose") { return r }
    return nil
  }
}

/// A layer's weight as Python sees it (`layer.weights[0].shape`).
final class WeightObject: PyObject {
  let layer: String
  let weight: Weight
  let dtype: DType
  init(layer: String, weight: Weight, dtype: DType) {
    self.layer = layer
    self.weight = weight
    self.dtype = dtype
  }
  var typeName: String { "Variable" }
  var repr: String {
    "<Variable path=\(layer)/\(weight.name), shape=\(weight.shapeText), "
      + "dtype=\(dtype.name)>"
  }
  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "shape": return .tuple(weight.shape.map { $0.value.map(PyValue.int) ?? .none })
    case "name": return .str(weight.name)
    case "path": return .str("\(layer)/\(weight.name)")
    case "dtype": return .str(dtype.name)
    case "trainable": return .bool(weight.trainable)
    default: return nil
    }
  }
}

/// A function written in Swift that Python calls: a method, a module function.
final class NativeFunction: PyObject {
  let name: String
  let body: (PyArguments, Interpreter) throws(PyError) -> PyValue

  init(_ name: String, _ body: @escaping (PyArguments, Interpreter) throws(PyError) -> PyValue) {
    self.name = name
    self.body = body
  }

  var typeName: String { "builtin_function_or_method" }
  var repr: String { "<built-in method \(name)>" }

  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try body(arguments, interpreter)
  }
}

/// A Keras object that only matters for training (an initializer, a regularizer, a constraint,
/// an optimizer, a loss, a metric): layers take it as the dict a saved config holds for it.
final class OpaqueObject: PyObject {
  let className: String
  let module: String
  let config: [DictEntry]

  init(className: String, module: String, config: [DictEntry]) {
    self.className = className
    self.module = module
    self.config = config
  }

  var typeName: String { className }
  var repr: String { "<\(module).\(className) object>" }
  var configValue: Value {
    .dict([
      DictEntry("module", .string(module)), DictEntry("class_name", .string(className)),
      DictEntry("config", .dict(config)), DictEntry("registered_name", .none),
    ])
  }
}

/// The class of an opaque object: calling it makes one with its arguments as config.
final class OpaqueClass: PyObject {
  let className: String
  let module: String
  init(_ className: String, module: String) {
    self.className = className
    self.module = module
  }
  var typeName: String { "type" }
  var repr: String { "<class '\(module).\(className)'>" }

  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    var config: [DictEntry] = []
    for (i, a) in arguments.positional.enumerated() {
      config.append(DictEntry("arg\(i)", try Self.plain(a.value, a.range)))
    }
    for k in arguments.keywords {
      config.append(DictEntry(k.name, try Self.plain(k.value, k.range)))
    }
    return .object(OpaqueObject(className: className, module: module, config: config))
  }

  /// Plain values as they are; another object is only named (its config is not shapes').
  static func plain(_ v: PyValue, _ range: SourceRange?) throws(PyError) -> Value {
    try KerasHost.argumentValue(v, range: range) { (o) throws(PyError) -> Value in
      .string("<\(o.typeName)>")
    }
  }
}

extension KerasHost {
  /// A count Python asks for (`count_params()`, `get_weights()`) must be a number: deferred
  /// weights (sized by a dim not known yet) have none until a size is applied.
  static func requireKnownParams(_ p: ParamCount, of owner: String) throws(PyError) {
    guard p.isDeferred else { return }
    let formula = p.text(\.total) { String($0) }
    throw PyError(
      "ValueError",
      "The weights of \(owner) take their size from an input dim that is not known yet "
        + "(params = \(formula)); Keras would have raised where they were built. Apply a size "
        + "(`apply 32x32`) or declare the input with fixed dims.", at: nil)
  }
}
