import ShapeCore

/// Normalization: out = in; the kept `axis` dims must be known. Without a literal mean and
/// variance it holds non-trainable mean and variance of shape in[axis] and a scalar count
/// (params = 2*prod(in[axis]) + 1); with them, no weights, and they must broadcast to in[axis].
public struct Normalization: Layer {
  /// The axes as written (None is no axis: one mean for the whole tensor).
  public var axis: [Value]
  /// `np.shape` of the literal mean and variance, when given.
  public var meanShape: [Int]?
  /// Whether every entry of the mean and variance is a number (JAX refuses strings and None).
  public var meanIsNumeric = true

  public static let signature = Signature([
    Parameter("axis", .int(-1)), Parameter("mean", Value.none), Parameter("variance", Value.none),
    Parameter("invert", .bool(false)),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    switch a["axis"] {
    case .none: axis = []
    case .int, .bool: axis = [a["axis"]]
    case .tuple(let xs), .list(let xs): axis = xs
    case .string(let s): axis = s.map { .string(String($0)) }
    case .dict(let entries): axis = entries.map { .string($0.key) }
    case .float, .layer:
      throw LayerError(
        "\(a.layer): '\(a["axis"].pythonTypeName)' object is not iterable: `axis` is an int, a tuple of ints or None. "
          + "Received: axis=\(a["axis"].pythonRepr)", argument: "axis")
    }
    let (mean, variance) = (a["mean"], a["variance"])
    if (mean == .none) != (variance == .none) {
      throw LayerError(
        "\(a.layer): When setting values directly, both `mean` and `variance` must be set. "
          + "Received: mean=\(mean.pythonRepr) and variance=\(variance.pythonRepr)",
        argument: mean == .none ? "variance" : "mean")
    }
    guard mean != .none else { return }
    let m = try Python.shape(mean, layer: a.layer, argument: "mean")
    let v = try Python.shape(variance, layer: a.layer, argument: "variance")
    guard m == v else {
      throw LayerError(
        "\(a.layer): When setting values directly, `mean` and `variance` must have the same "
          + "shape. Received: mean shape \(TensorType.tuple(m.map(String.init))) and variance "
          + "shape \(TensorType.tuple(v.map(String.init)))", argument: "variance")
    }
    guard m.count <= axis.count else {
      throw LayerError(
        "\(a.layer): The rank of `mean` must be less than or equal to the number of axes "
          + "(\(axis.count)). Received: mean shape \(TensorType.tuple(m.map(String.init))) for "
          + "axis \(Value.tuple(axis).pythonRepr)", argument: "mean")
    }
    meanShape = m
    meanIsNumeric = (Python.leaves(mean) + Python.leaves(variance)).allSatisfy { $0.number != nil }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    let n = x.rank
    let axisText = Value.tuple(axis).pythonRepr
    var keep: [Int] = []
    for v in axis {
      let below = try Python.compare(v, "<", .int(-n), layer: c.name, argument: "axis")
      let above = try Python.compare(v, ">=", .int(n), layer: c.name, argument: "axis")
      guard !below && !above else {
        throw LayerError(
          "\(c.name): All `axis` values must be in the range [-ndim, ndim). Received inputs "
            + "with ndim=\(n), while axis=\(axisText)", argument: "axis")
      }
      guard let i = v.pythonInt else {
        throw LayerError(
          "\(c.name): tuple indices must be integers, not \(v.pythonTypeName). Received: "
            + "axis=\(axisText)", argument: "axis")
      }
      keep.append(i < 0 ? i + n : i)
    }
    keep.sort()
    var kept: [Int] = []
    for d in keep {
      guard let size = x.shape[d].value else {
        throw LayerError(
          "\(c.name): All `axis` values to be kept must have a known shape. Received "
            + "axis=\(axisText), inputs.shape=\(x.kerasShape), with unknown axis at index \(d)",
          argument: "axis",
          hint: x.shape[d].formula != "None"
            ? "it is \(x.formulaShape) here; apply a concrete size" : nil)
      }
      kept.append(size)
    }
    let output = [TensorType(shape: x.shape, dtype: c.policy.computeDType)]
    guard let meanShape else {
      // finalize_state reshapes the mean to the broadcast shape: repeated axes do not fit.
      if Set(keep).count != keep.count {
        throw LayerError(
          "\(c.name): axis=\(axisText) names the same axis twice for an input of rank \(n)",
          argument: "axis")
      }
      return LayerOutput(
        output,
        weights: [
          Weight("mean", kept, trainable: false), Weight("variance", kept, trainable: false),
          Weight("count", [], trainable: false),
        ])
    }
    try checkBroadcast(meanShape, keep: keep, kept: kept, input: x, c)
    return LayerOutput(output)
  }

  /// The literal mean is aligned right to left on the kept axes, reshaped and broadcast to
  /// in[axis] (other axes 1), as Normalization.build does.
  private func checkBroadcast(
    _ m: [Int], keep: [Int], kept: [Int], input: TensorType, _ c: LayerContext
  ) throws(LayerError) {
    let rank = input.rank
    guard meanIsNumeric else {
      throw LayerError(
        "\(c.name): `mean` and `variance` must be numbers: only arrays of numeric types are "
          + "supported by JAX", argument: "mean")
    }
    var expanded = Array(repeating: 1, count: rank)
    var target = Array(repeating: 1, count: rank)
    for (d, size) in zip(keep, kept) { target[d] = size }
    if !m.isEmpty {
      for i in 1...m.count { expanded[keep[keep.count - i]] = m[m.count - i] }
    }
    let fits =
      (try? Checked.product(expanded)) == (try? Checked.product(m))
      && zip(expanded, target).allSatisfy { $0 == $1 || $0 == 1 }
    if !m.isEmpty && !fits {
      throw LayerError(
        "\(c.name): `mean` of shape \(TensorType.tuple(m.map(String.init))) does not broadcast "
          + "to the kept axes \(TensorType.tuple(kept.map(String.init))) of input shape "
          + "\(input.kerasShape) (axis=\(Value.tuple(axis).pythonRepr))", argument: "mean",
        hint: "give one value per entry of the kept axes, or a scalar")
    }
  }
}
