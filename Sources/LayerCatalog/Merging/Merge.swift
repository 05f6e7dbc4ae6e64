import ShapeCore

/// Keras's rule for merging two dims that must agree: an unknown side wins (Keras prints None),
/// otherwise they must be equal.
func mergeUnknown(_ a: Dim, _ b: Dim) -> Dim {
  a.isKnown ? b : a
}

/// Add, Subtract, Multiply, Average, Maximum, Minimum (Keras's `Merge` subclasses): elementwise
/// over a list, with size-1 broadcasting of the non-batch dims; Subtract takes exactly 2 inputs.
public struct ElementwiseMerge: Layer {
  /// The Keras class: they differ only in the op, which does not change the shape.
  public enum Operation: String, Sendable, CaseIterable {
    case add = "Add"
    case subtract = "Subtract"
    case multiply = "Multiply"
    case average = "Average"
    case maximum = "Maximum"
    case minimum = "Minimum"
  }

  public var operation: Operation

  public static let signature = Signature([])

  public init(_ a: BoundArguments, operation: Operation = .add) throws(LayerError) {
    self.operation = operation
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard case .list(let xs) = input else {
      let shape = input.tensors.first?.kerasShape ?? "()"
      throw LayerError(
        "\(c.name): A merge layer should be called on a list of inputs. Received: input_shape="
          + "\(shape) (not a list of shapes)",
        hint: "write \(c.className)()([a, b])")
    }
    guard let first = xs.first else {
      throw LayerError("\(c.name): A merge layer should be called on a list of at least 1 input.")
    }
    let batches = Set(xs.compactMap { $0.shape.first?.value })
    if batches.count > 1 {
      throw LayerError(
        "\(c.name): Cannot merge tensors with different batch sizes. Received tensors with shapes "
          + xs.map(\.kerasShape).joined(separator: ", "))
    }
    var out = Array(first.shape.dropFirst())
    for x in xs.dropFirst() {
      out = try Self.broadcast(out, Array(x.shape.dropFirst()), c, xs)
    }
    // Subtract.build checks the count after Merge.build has checked the shapes.
    if operation == .subtract && xs.count != 2 {
      throw LayerError(
        "\(c.name): A `Subtract` layer should be called on exactly 2 inputs. Received: "
          + "input_shape=[\(xs.map(\.kerasShape).joined(separator: ", "))]",
        hint: "write Subtract()([a, b])")
    }
    let batch = xs.first { $0.shape.first?.isKnown == true }?.shape[0] ?? first.shape[0]
    return LayerOutput([TensorType(shape: [batch] + out, dtype: c.policy.computeDType)])
  }

  /// Right-aligned broadcasting of two shapes (without batch), as Merge._compute_elemwise_op_output_shape.
  static func broadcast(_ a: [Dim], _ b: [Dim], _ c: LayerContext, _ xs: [TensorType])
    throws(LayerError) -> [Dim]
  {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    var out = Array(long.prefix(long.count - short.count))
    for (i, j) in zip(long.suffix(short.count), short) {
      switch (i.value, j.value) {
      // A formula (Keras's None) meets a dim: the formula, as the size rules read it. Formulas
      // of different inputs' symbols (L and L2) are not one formula: either may be 1 at a size
      // and the other the result, so unknown, Keras's None.
      case (nil, nil): out.append(i.symbols.isDisjoint(with: j.symbols) && i != j ? .unknown : i)
      case (nil, _), (_, nil): out.append(i.isKnown ? j : i)
      case (1, _): out.append(j)
      case (_, 1): out.append(i)
      case (let p?, let q?):
        guard p == q else {
          throw LayerError(
            "\(c.name): Inputs have incompatible shapes. Received shapes "
              + "\(TensorType.tuple(a.map(\.kerasDescription))) and "
              + "\(TensorType.tuple(b.map(\.kerasDescription))) (full input shapes: "
              + xs.map(\.kerasShape).joined(separator: ", ") + ")",
            hint: "dims must be equal or 1: \(p) vs \(q)")
        }
        out.append(i)
      }
    }
    return out
  }
}

/// Concatenate along `axis`: other dims must match (no broadcasting); the axis dims add up.
public struct Concatenate: Layer {
  public var axis: Int

  public static let signature = Signature([Parameter("axis", .int(-1))])

  public init(_ a: BoundArguments) throws(LayerError) {
    axis = try a.int("axis")
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard case .list(let xs) = input, let first = xs.first else {
      throw LayerError(
        "\(c.name): A `Concatenate` layer should be called on a list of at least 1 input.",
        hint: "write Concatenate()([a, b])")
    }
    let rank = first.rank
    let ax = axis < 0 ? axis + rank : axis
    // The message is made only when it is thrown (it formats values: not on every call).
    func mismatch() -> LayerError {
      LayerError(
        "\(c.name): A `Concatenate` layer requires inputs with matching shapes except for the "
          + "concatenation axis. Received: input_shape=["
          + xs.map(\.kerasShape).joined(separator: ", ") + "]")
    }
    guard ax >= 0, ax < rank, xs.allSatisfy({ $0.rank == rank }) else { throw mismatch() }
    var out = first.shape
    for x in xs.dropFirst() {
      for i in 0..<rank where i != ax {
        if let p = out[i].value, let q = x.shape[i].value, p != q {
          var e = mismatch()
          e.hint = "axis \(i) differs: \(p) vs \(q)"
          throw e
        }
        out[i] = mergeUnknown(out[i], x.shape[i])
      }
      out[ax] = try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
        try out[ax] + x.shape[ax]
      }
    }
    return LayerOutput([TensorType(shape: out, dtype: c.policy.computeDType)])
  }
}
