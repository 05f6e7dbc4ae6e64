import PythonRuntime
import ShapeCore
import StatementLanguage

/// A NumPy array whose shape is known from how it was made (`np.zeros((1, 28, 28))`,
/// `np.random.random(...).astype(np.float32)`): kshape keeps its shape and dtype, never values.
final class NumpyArray: PyObject {
  let shape: [Int]
  let dtype: DType

  init(shape: [Int], dtype: DType) {
    self.shape = shape
    self.dtype = dtype
  }

  var typeName: String { "ndarray" }
  var repr: String { "<ndarray shape=\(TensorType.tuple(shape.map(String.init))) dtype=\(dtype)>" }
  var length: Int? { shape.first }

  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "shape": return .tuple(shape.map { .int($0) })
    case "ndim": return .int(shape.count)
    case "dtype": return .str(dtype.name)
    case "size": return .int(shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue })
    case "astype":
      return .object(
        NativeFunction("astype") { [shape] args, _ throws(PyError) in
          guard let d = args.positional.first else {
            throw PyError("TypeError", "astype() missing 1 required positional argument: 'dtype'", at: args.range)
          }
          return .object(NumpyArray(shape: shape, dtype: try Numpy.dtype(d.value, d.range)))
        })
    case "reshape":
      return .object(
        NativeFunction("reshape") { [self] args, _ throws(PyError) in
          let dims = try Numpy.shape(args, from: 0)
          return .object(NumpyArray(shape: try Numpy.reshape(self.shape, dims, args.range), dtype: self.dtype))
        })
    default: return nil
    }
  }
}

/// The `numpy` module: the array constructors tutorials use to make sample inputs.
enum Numpy {
  static func dtype(_ v: PyValue, _ range: SourceRange?) throws(PyError) -> DType {
    if case .str(let s) = v, let d = DType(s == "float" ? "float64" : s == "int" ? "int64" : s) {
      return d
    }
    throw PyError("TypeError", "data type not understood", at: range)
  }

  /// A shape given as a tuple, a list or an int, from argument `i` on (or as several ints).
  static func shape(_ args: PyArguments, from i: Int, varargs: Bool = false) throws(PyError) -> [Int] {
    let given = args.positional.dropFirst(i)
    var values: [PyValue]
    if varargs {
      values = given.map(\.value)
      if values.count == 1, case .tuple(let xs) = values[0] { values = xs }
    } else if let first = given.first {
      switch first.value {
      case .tuple(let xs): values = xs
      case .list(let l): values = l.items
      default: values = given.map(\.value)
      }
    } else if let s = args.keywords.first(where: { $0.name == "shape" || $0.name == "size" }) {
      switch s.value {
      case .tuple(let xs): values = xs
      case .list(let l): values = l.items
      default: values = [s.value]
      }
    } else {
      values = []
    }
    var out: [Int] = []
    for v in values {
      guard case .int(let n) = v, n >= -1 else {
        throw PyError("TypeError", "a shape holds non-negative ints", at: args.range)
      }
      out.append(n)
    }
    return out
  }

  static func reshape(_ from: [Int], _ to: [Int], _ range: SourceRange?) throws(PyError) -> [Int] {
    func size(_ s: [Int]) -> Int? {
      var p = 1
      for d in s where d != -1 {
        let (r, o) = p.multipliedReportingOverflow(by: d)
        if o { return nil }
        p = r
      }
      return p
    }
    guard let total = size(from), let known = size(to) else {
      throw PyError("ValueError", "array is too big", at: range)
    }
    var out = to
    if let i = to.firstIndex(of: -1) {
      guard known > 0, total % known == 0 else {
        throw PyError("ValueError", "cannot reshape array of size \(total) into shape \(to)", at: range)
      }
      out[i] = total / known
    } else if known != total {
      throw PyError(
        "ValueError",
        "cannot reshape array of size \(total) into shape \(TensorType.tuple(to.map(String.init)))",
        at: range)
    }
    return out
  }
}

extension KerasHost {
  var numpyModule: ModuleObject {
    func maker(_ name: String, varargs: Bool = false, dtype defaultType: DType = .float64) -> PyValue {
      .object(
        NativeFunction(name) { args, _ throws(PyError) in
          var d = defaultType
          if let k = args.keywords.first(where: { $0.name == "dtype" }) {
            d = try Numpy.dtype(k.value, k.range)
          } else if !varargs, args.positional.count > 1 {
            d = try Numpy.dtype(args.positional[1].value, args.positional[1].range)
          }
          return .object(NumpyArray(shape: try Numpy.shape(args, from: 0, varargs: varargs), dtype: d))
        })
    }
    let random = ModuleObject("numpy.random") { attr in
      switch attr {
      case "random", "random_sample", "uniform", "normal", "standard_normal":
        return .object(
          NativeFunction(attr) { args, _ throws(PyError) in
            // uniform(low, high, size) and normal(loc, scale, size) take the shape as `size`.
            let from = ["uniform", "normal"].contains(attr) ? 2 : 0
            return .object(NumpyArray(shape: try Numpy.shape(args, from: from), dtype: .float64))
          })
      case "rand", "randn": return maker(attr, varargs: true)
      default: return nil
      }
    }
    return ModuleObject("numpy") { attr in
      switch attr {
      case "zeros", "ones", "empty": return maker(attr)
      case "random": return .object(random)
      case "float32", "float16", "float64", "int32", "int64", "uint8", "bool": return .str(attr)
      case "expand_dims":
        return .object(
          NativeFunction(attr) { args, _ throws(PyError) in
            guard args.positional.count >= 2, case .object(let o) = args.positional[0].value,
              let a = o as? NumpyArray, case .int(let axis) = args.positional[1].value
            else {
              throw PyError("TypeError", "expand_dims(a, axis) takes an array and an int", at: args.range)
            }
            let n = a.shape.count + 1
            guard axis >= -n, axis < n else {
              throw PyError("AxisError", "axis \(axis) is out of bounds for array of dimension \(n)", at: args.range)
            }
            var s = a.shape
            s.insert(1, at: axis < 0 ? axis + n : axis)
            return .object(NumpyArray(shape: s, dtype: a.dtype))
          })
      default: return nil
      }
    }
  }
}
