import ShapeCore

/// Flatten: (batch, d1, ..., dn) -> (batch, d1*...*dn); keeps the input dtype.
public struct Flatten: Layer {
  public static let signature = Signature([Parameter("data_format", Value.none)])

  public init(_ a: BoundArguments) throws(LayerError) {
    _ = try DataFormat(a)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, atLeast: 1)
    let flat = try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
      try Dim.product(x.shape.dropFirst())
    }
    return LayerOutput([TensorType(shape: [x.shape[0], flat], dtype: c.autocast(x.dtype))])
  }
}

/// Reshape: (batch, ...) -> (batch, *target_shape), one -1 inferred from the total size.
public struct Reshape: Layer {
  public var target: [Int]

  public static let signature = Signature([Parameter("target_shape")])

  public init(_ a: BoundArguments) throws(LayerError) {
    guard let items = a["target_shape"].items else {
      throw LayerError(
        "\(a.layer): `target_shape` must be a tuple of ints. Received: target_shape="
          + a["target_shape"].pythonRepr, argument: "target_shape")
    }
    var t: [Int] = []
    for item in items {
      guard case .int(let i) = item, i == -1 || i > 0 else {
        throw LayerError(
          "\(a.layer): every entry of `target_shape` must be a positive int or -1. Received: "
            + "target_shape=\(a["target_shape"].pythonRepr)", argument: "target_shape")
      }
      t.append(i)
    }
    if t.filter({ $0 == -1 }).count > 1 {
      throw LayerError(
        "\(a.layer): There must be at most one unknown dimension (-1) in target_shape. "
          + "Received: target_shape=\(a["target_shape"].pythonRepr)", argument: "target_shape")
    }
    target = t
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, atLeast: 1)
    let total = try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
      try Dim.product(x.shape.dropFirst())
    }
    let known = try checked(c.name) { () throws(ArithmeticOverflow) -> Int in
      try Checked.product(target.filter { $0 != -1 })
    }
    // The message is made only when it is thrown (it formats values: not on every call).
    func mismatch() -> LayerError {
      LayerError(
        "\(c.name): The total size of the tensor must be unchanged. Received: input_shape="
          + "\(TensorType.tuple(x.shape.dropFirst().map(\.kerasDescription))), "
          + "target_shape=\(TensorType.tuple(target.map(String.init)))")
    }
    var shape: [Dim] = [x.shape[0]]
    for t in target {
      if t != -1 {
        shape.append(.known(t))
      } else if let inferred = total.exactDiv(known) {
        shape.append(inferred)
      } else if total.isKnown {
        throw mismatch()
      } else {
        shape.append(.unknown)
      }
    }
    if !target.contains(-1), let n = total.value, n != known { throw mismatch() }
    return LayerOutput([TensorType(shape: shape, dtype: c.autocast(x.dtype))])
  }
}
