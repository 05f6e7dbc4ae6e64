import ShapeCore

// Python's view of argument values, for layers whose constructors take anything and decide
// later (`if self.center:`, `isinstance(axis, int)`, `shape[axis]`).

extension Value {
  /// The value as `isinstance(v, int)` sees it: ints, and bools as 0/1.
  var pythonInt: Int? {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  /// The value as a Python number (int, float or bool), for comparisons such as `0 <= rate <= 1`.
  var pythonNumber: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  /// Python's truthiness (`if self.scale:`): zero, empty and None are false.
  var isTruthy: Bool {
    switch self {
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .string(let s): return !s.isEmpty
    case .bool(let b): return b
    case .none: return false
    case .tuple(let v), .list(let v): return !v.isEmpty
    }
  }
}

/// Python's `seq[i]` on a sequence of `count` items: negative indices count from the end;
/// nil where Python raises IndexError.
func pythonIndex(_ i: Int, count: Int) -> Int? {
  let j = i < 0 ? i + count : i
  return j >= 0 && j < count ? j : nil
}

extension LayerContext {
  /// The weight shape as ints, or Keras's error for a weight whose shape has an unknown or a
  /// negative dim ("Shapes used to initialize variables must be fully-defined").
  /// `source` says where the dims come from when it is not only the input shape.
  func weightShape(
    _ dims: [Dim], _ weight: String, input x: TensorType, source: String? = nil
  ) throws(LayerError) -> [Int] {
    let text = TensorType.tuple(dims.map(\.kerasDescription))
    let from = source ?? "input shape \(x.kerasShape)"
    var out: [Int] = []
    for d in dims {
      guard let v = d.value else {
        throw LayerError(
          "\(name) (\(className)): the \(weight) shape \(text) must be fully defined to create "
            + "the weight, but it has a None taken from \(from)",
          hint: x.hasFormulas
            ? "the input is \(x.formulaShape) here; apply a concrete size or declare the input "
              + "with fixed dims" : nil)
      }
      guard v >= 0 else {
        throw LayerError(
          "\(name) (\(className)): the \(weight) shape \(text) has a negative dimension "
            + "(from \(from)). Negative dimensions are not allowed.")
      }
      out.append(v)
    }
    return out
  }
}
