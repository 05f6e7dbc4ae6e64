import LayerCatalog
import PythonRuntime
import ShapeCore

/// A KerasTensor as Python sees it: `shape` (a tuple with None where Keras has None), `dtype`,
/// `name`, and operators that make Keras operations (`x + y`).
final class TensorObject: PyObject {
  unowned let host: KerasHost
  let id: Int

  init(host: KerasHost, id: Int) {
    self.host = host
    self.id = id
  }

  var node: TensorNode { host.graph.tensors[id] }
  var typeName: String { "KerasTensor" }
  var repr: String {
    host.observe("a tensor's repr")
    return node.type.kerasRepr(name: node.kerasName)
  }

  /// Keras's shape tuple: known dims as ints, the rest None.
  var shapeTuple: PyValue {
    host.observe("a tensor's shape")
    return .tuple(node.type.shape.map { d in d.value.map { PyValue.int($0) } ?? .none })
  }

  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "shape": return shapeTuple
    // A dtype is the same at every size.
    case "dtype": return .str(node.type.dtype.name)
    case "name": return .str(node.kerasName)
    case "ndim":
      host.observe("a tensor's ndim")
      return .int(node.type.rank)
    case "sparse", "ragged": return .bool(false)
    default: return nil
    }
  }

  func binary(
    _ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter
  ) throws(PyError) -> PyValue? {
    try host.operation(op, self, other, reflected: reflected, interpreter)
  }

  /// `x[:, 0]`, `x[..., None]`, `x[:, -8:]`: Keras's GetItem operation.
  func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    func part(_ v: PyValue) throws(PyError) -> Value {
      switch v {
      case .none: return .none
      case .int(let i): return .int(i)
      case .bool(let b): return .int(b ? 1 : 0)
      case .object(let s as PySlice):
        func bound(_ b: PyValue) throws(PyError) -> Value {
          switch b {
          case .none: return .none
          case .int(let i): return .int(i)
          default:
            throw PyError("TypeError", "slice indices must be integers or None", at: nil)
          }
        }
        return .dict([
          DictEntry("class_name", .string("__slice__")),
          DictEntry(
            "config",
            .dict([
              DictEntry("start", try bound(s.start)), DictEntry("stop", try bound(s.stop)),
              DictEntry("step", try bound(s.step)),
            ])),
        ])
      case .object(is PyEllipsis):
        return .dict([
          DictEntry("class_name", .string("__ellipsis__")), DictEntry("config", .dict([])),
        ])
      default:
        throw PyError(
          "TypeError",
          "kshape slices KerasTensors with ints, slices, None and Ellipsis; received "
            + interpreter.typeName(of: v), at: nil)
      }
    }
    let keyValue: Value
    if case .tuple(let items) = key {
      var parts: [Value] = []
      for i in items { parts.append(try part(i)) }
      keyValue = .tuple(parts)
    } else {
      keyValue = try part(key)
    }
    return try host.getItem(self, keyValue, interpreter)
  }

  func equals(_ other: PyValue) -> Bool {
    if case .object(let o) = other { return o === self }
    return false
  }
}
