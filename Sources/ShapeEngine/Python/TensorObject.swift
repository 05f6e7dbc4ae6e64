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
  var repr: String { node.type.kerasRepr(name: node.kerasName) }

  /// Keras's shape tuple: known dims as ints, the rest None.
  var shapeTuple: PyValue {
    .tuple(node.type.shape.map { d in d.value.map { PyValue.int($0) } ?? .none })
  }

  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "shape": return shapeTuple
    case "dtype": return .str(node.type.dtype.name)
    case "name": return .str(node.kerasName)
    case "ndim": return .int(node.type.rank)
    case "sparse", "ragged": return .bool(false)
    default: return nil
    }
  }

  func binary(
    _ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter
  ) throws(PyError) -> PyValue? {
    try host.operation(op, self, other, reflected: reflected, interpreter)
  }

  func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    throw PyError(
      "NotImplementedError",
      "kshape does not slice KerasTensors yet (x[...] is a GetItem operation in Keras)", at: nil,
      hint: "use a layer that gives the same shape: Cropping1D/2D, Reshape, or a Lambda with "
        + "output_shape=")
  }

  func equals(_ other: PyValue) -> Bool {
    if case .object(let o) = other { return o === self }
    return false
  }
}
