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

  var node: LayerNode { host.graph.layers[index] }
  var typeName: String { node.className }
  var repr: String {
    "<\(node.className) name=\(node.name), built=\(node.calls.isEmpty ? "False" : "True")>"
  }

  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "name": return .str(node.name)
    case "built": return .bool(!node.calls.isEmpty)
    case "trainable": return .bool(node.trainable)
    case "dtype": return .str(node.policy.variableDType.name)
    case "output", "input":
      guard let call = node.calls.first else {
        throw PyError(
          "AttributeError",
          "Layer \(node.name) has no inbound nodes: it has not been called on a tensor yet",
          at: nil)
      }
      if node.calls.count > 1 {
        throw PyError(
          "AttributeError",
          "Layer \(node.name) has multiple inbound nodes, hence the notion of \"layer \(name)\" "
            + "is ill-defined. Use `get_\(name)_at(node_index)` instead.", at: nil)
      }
      return host.outputs(name == "output" ? call.outputs : call.inputs)
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
          return .int(self.node.params.total)
        })
    default: return nil
    }
  }

  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try host.callLayer(index, arguments, interpreter)
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

  static func plain(_ v: PyValue, _ range: SourceRange?) throws(PyError) -> Value {
    switch v {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .str(let s): return .string(s)
    case .tuple(let items):
      var out: [Value] = []
      for i in items { out.append(try plain(i, range)) }
      return .tuple(out)
    case .list(let l):
      var out: [Value] = []
      for i in l.items { out.append(try plain(i, range)) }
      return .list(out)
    case .dict, .object:
      return .string("<object>")
    }
  }
}
