import ShapeCore

/// Python's `seq[i]` on a sequence of `count` items: negative indices count from the end;
/// nil where Python raises IndexError.
func pythonIndex(_ i: Int, count: Int) -> Int? {
  let j = i < 0 ? i + count : i
  return j >= 0 && j < count ? j : nil
}

extension LayerContext {
  /// The weight shape, or Keras's error for a weight whose shape has an unknown or a
  /// negative dim ("Shapes used to initialize variables must be fully-defined"); an unknown
  /// dim is kept (deferred) when the context defers weights.
  /// `source` says where the dims come from when it is not only the input shape.
  func weightShape(
    _ dims: [Dim], _ weight: String, input x: TensorType, source: String? = nil
  ) throws(LayerError) -> [Dim] {
    let text = TensorType.tuple(dims.map(\.kerasDescription))
    let from = source ?? "input shape \(x.kerasShape)"
    var out: [Dim] = []
    for d in dims {
      if d.value == nil, defersWeights {
        out.append(d)
        continue
      }
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
      out.append(.known(v))
    }
    return out
  }
}
