import PythonRuntime
import ShapeCore

/// Arithmetic, negation and indexing on shape-only arrays, as NumPy 2 types them: what a
/// tutorial does to its data before it builds a model (`x_train.astype("float32") / 255`,
/// `x_train[:-10000]`). Values are never computed; the shape and dtype are.
extension NumpyArray {
  func binary(
    _ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter
  ) throws(PyError) -> PyValue? {
    if op == .matmul {
      throw PyError(
        "NotImplementedError", "kshape does not compute matrix products of arrays", at: nil)
    }
    let otherShape: [Int]
    let dtype: DType
    switch other {
    case .bool:
      otherShape = []
      dtype = self.dtype == .bool && op != .truediv ? .bool : Self.withScalar(self.dtype, op: op)
    case .int:
      // A Python int is a "weak" scalar (NEP 50): the array keeps its dtype, but a true
      // division of integers is float64 and a bool array counts as int64.
      otherShape = []
      dtype = Self.withScalar(self.dtype, op: op)
    case .float:
      otherShape = []
      dtype = Self.withScalar(self.dtype, op: op, float: true)
    case .object(let o as NumpyArray):
      guard o.dtype == self.dtype else {
        throw PyError(
          "NotImplementedError",
          "kshape types arithmetic between arrays of one dtype only (here \(self.dtype) and "
            + "\(o.dtype))", at: nil, hint: "convert one of them first: .astype(\"\(self.dtype)\")")
      }
      otherShape = o.shape
      // One dtype: kept, but a true division of integers (or bools) is float64.
      let integral = self.dtype.isInteger || self.dtype == .bool
      dtype = integral && op == .truediv ? .float64 : self.dtype
    default:
      return nil
    }
    let left = reflected ? otherShape : shape
    let right = reflected ? shape : otherShape
    guard let result = Self.broadcast(left, right) else {
      throw PyError(
        "ValueError",
        "operands could not be broadcast together with shapes \(Self.text(left)) "
          + "\(Self.text(right)) ", at: nil)
    }
    return .object(NumpyArray(shape: result, dtype: dtype))
  }

  func unary(_ op: PyUnaryOperator, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch op {
    case .negative, .positive:
      return .object(NumpyArray(shape: shape, dtype: dtype))
    case .invert:
      guard dtype.isInteger || dtype == .bool else { return nil }
      return .object(NumpyArray(shape: shape, dtype: dtype))
    }
  }

  /// `a[i]` drops the first axis, `a[start:stop:step]` gives it the slice's length.
  func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    guard let first = shape.first else {
      throw PyError("IndexError", "too many indices for array: array is 0-dimensional", at: nil)
    }
    switch key {
    case .int(let i):
      guard i >= -first, i < first else {
        throw PyError(
          "IndexError", "index \(i) is out of bounds for axis 0 with size \(first)", at: nil)
      }
      return .object(NumpyArray(shape: Array(shape.dropFirst()), dtype: dtype))
    case .object(let s as PySlice):
      let (start, stop, step) = try s.indices(count: first)
      // `start` and `stop` are within -1...first: their difference cannot overflow; `step` may
      // be any int but zero.
      let count: Int
      if step > 0 {
        count = stop > start ? (stop - start - 1) / step + 1 : 0
      } else {
        count = start > stop ? Int(UInt(start - stop - 1) / step.magnitude) + 1 : 0
      }
      return .object(NumpyArray(shape: [count] + shape.dropFirst(), dtype: dtype))
    default:
      throw PyError(
        "NotImplementedError",
        "kshape indexes an array by an int or a slice of its first axis", at: nil)
    }
  }

  /// The dtype of `array op scalar` (NEP 50: a Python scalar does not widen the array's type).
  static func withScalar(_ dtype: DType, op: PyBinaryOperator, float: Bool = false) -> DType {
    let integral = dtype.isInteger || dtype == .bool
    if integral && (float || op == .truediv) { return .float64 }
    if dtype == .bool { return .int64 }
    return dtype
  }

  /// NumPy's broadcasting of two shapes, or nil when they do not broadcast.
  static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
    let n = max(a.count, b.count)
    var out = [Int](repeating: 1, count: n)
    for k in 0..<n {
      let x = k < a.count ? a[a.count - 1 - k] : 1
      let y = k < b.count ? b[b.count - 1 - k] : 1
      guard x == y || x == 1 || y == 1 else { return nil }
      out[n - 1 - k] = x == 1 ? y : x
    }
    return out
  }

  static func text(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ",") + (shape.count == 1 ? ",)" : ")")
  }
}
