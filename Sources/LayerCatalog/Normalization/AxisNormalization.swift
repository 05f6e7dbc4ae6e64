import ShapeCore

// Normalizations over chosen axes: the shape never changes; the weights have the sizes of the
// normalized axes (Keras indexes the input shape with them, Python style).

/// The normalized axes as Keras's build() reads them: an int, or a list/tuple sorted; each a
/// Python index into the full input shape (batch included).
struct NormalizedAxes: Sendable {
  var axis: Value

  /// The sizes of the normalized axes, in sorted axis order.
  func sizes(of x: TensorType, _ c: LayerContext) throws(LayerError) -> [Dim] {
    var axes: [Int] = []
    for v in axis.items ?? [axis] {
      guard let i = v.pythonInt else {
        throw LayerError(
          "\(c.name): `axis` must be an int or a list/tuple of ints. Received: axis="
            + axis.pythonRepr, argument: "axis")
      }
      axes.append(i)
    }
    var sizes: [Dim] = []
    for i in axes.sorted() {
      guard let j = pythonIndex(i, count: x.rank) else {
        throw LayerError(
          "\(c.name): Axis \(i) is out of bounds for input shape \(x.kerasShape). Received: "
            + "axis=\(axis.pythonRepr)", argument: "axis",
          hint: "axes count from 0 (the batch) to \(x.rank - 1), or from -\(x.rank) to -1")
      }
      sizes.append(x.shape[j])
    }
    return sizes
  }
}

/// LayerNormalization: shape unchanged; gamma and beta each have the sizes of the normalized
/// axes (params = 2 * their product; `axis=[]` gives scalars). `rms_scaling` (deprecated,
/// popped from **kwargs) keeps gamma and drops beta.
public struct LayerNormalization: Layer {
  var axes: NormalizedAxes
  public var center: Bool
  public var scale: Bool
  public var rmsScaling: Bool

  public static let signature = Signature(
    [
      Parameter("axis", .int(-1)), Parameter("epsilon", .float(0.001)),
      Parameter("center", .bool(true)), Parameter("scale", .bool(true)),
      Parameter("beta_initializer", .string("zeros")),
      Parameter("gamma_initializer", .string("ones")),
    ]
      + ["beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"].map {
        Parameter($0, Value.none)
      }, extraKeywords: [Parameter("rms_scaling", .bool(false))])

  public init(_ a: BoundArguments) throws(LayerError) {
    guard a["axis"].pythonInt != nil || a["axis"].items != nil else {
      throw LayerError(
        "\(a.layer): Expected an int or a list/tuple of ints for the argument 'axis', but "
          + "received: \(a["axis"].pythonRepr)", argument: "axis")
    }
    axes = NormalizedAxes(axis: a["axis"])
    center = a["center"].isTruthy
    scale = a["scale"].isTruthy
    rmsScaling = a["rms_scaling"].isTruthy
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    let sizes = try axes.sizes(of: x, c)
    var weights: [Weight] = []
    if scale || rmsScaling {
      weights.append(Weight("gamma", dims: try c.weightShape(sizes, "gamma", input: x)))
    }
    if center && !rmsScaling {
      weights.append(Weight("beta", dims: try c.weightShape(sizes, "beta", input: x)))
    }
    return LayerOutput([TensorType(shape: x.shape, dtype: c.policy.computeDType)], weights: weights)
  }
}

/// RMSNormalization: shape unchanged; one `scale` weight with the sizes of the normalized axes.
public struct RMSNormalization: Layer {
  var axes: NormalizedAxes

  public static let signature = Signature([
    Parameter("axis", .int(-1)), Parameter("epsilon", .float(1e-6)),
  ])

  /// Keras checks nothing here: a bad axis fails when the layer is built.
  public init(_ a: BoundArguments) throws(LayerError) {
    axes = NormalizedAxes(axis: a["axis"])
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    let scale = try c.weightShape(try axes.sizes(of: x, c), "scale", input: x)
    return LayerOutput(
      [TensorType(shape: x.shape, dtype: c.policy.computeDType)],
      weights: [Weight("scale", dims: scale)])
  }
}

/// UnitNormalization: shape unchanged, no weights; each axis must lie in [-rank, rank).
///
/// Called on a list, Keras maps over it, and then "rank" is the length of the list.
public struct UnitNormalization: Layer {
  public var axis: Value

  public static let signature = Signature([Parameter("axis", .int(-1))])

  public init(_ a: BoundArguments) throws(LayerError) {
    guard a["axis"].pythonInt != nil || a["axis"].items != nil else {
      throw LayerError(
        "\(a.layer): Invalid value for `axis` argument: expected an int or a list/tuple of ints. "
          + "Received: axis=\(a["axis"].pythonRepr)", argument: "axis")
    }
    axis = a["axis"]
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let xs = input.tensors
    let rank: Int
    let shapeText: String
    switch input {
    case .single(let x): (rank, shapeText) = (x.rank, x.kerasShape)
    case .list(let ts):
      (rank, shapeText) = (ts.count, "[" + ts.map(\.kerasShape).joined(separator: ", ") + "]")
    case .call:
      let x = try c.single(input)
      (rank, shapeText) = (x.rank, x.kerasShape)
    }
    for v in axis.items ?? [axis] {
      guard let a = v.number else {
        throw LayerError(
          "\(c.name): `axis` must be an int or a list/tuple of ints. Received: axis="
            + axis.pythonRepr, argument: "axis")
      }
      if a >= Double(rank) || a < -Double(rank) {
        throw LayerError(
          "\(c.name): Axis \(axis.pythonRepr) is out of bounds for input shape \(shapeText).",
          argument: "axis", hint: "axes count from 0 (the batch) to \(rank - 1), or from -\(rank)")
      }
    }
    return LayerOutput(xs.map { TensorType(shape: $0.shape, dtype: c.policy.computeDType) })
  }
}
