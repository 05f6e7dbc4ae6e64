import ShapeCore

// LeakyReLU, ELU and Softmax keep their input's shape (SameShape); PReLU learns one slope per
// input element, except along its shared axes.

extension SameShape {
  /// LeakyReLU(negative_slope): Keras refuses None or a negative slope; the deprecated `alpha`
  /// keyword, when given, replaces it.
  public static let leakyReLUSignature = Signature(
    [Parameter("negative_slope", .float(0.3))], extraKeywords: [Parameter("alpha", Value.none)])

  public static func leakyReLU(_ a: BoundArguments) throws(LayerError) -> SameShape {
    let key = a.isGiven("alpha") ? "alpha" : "negative_slope"
    let slope = a[key]
    if slope == .none || (slope.number ?? 0) < 0 {
      throw LayerError(
        "\(a.layer): The negative_slope value of a Leaky ReLU layer cannot be None or negative "
          + "value. Expected a float. Received: negative_slope=\(slope.pythonRepr)",
        argument: key)
    }
    guard slope.number != nil else { throw a.typeError(key, "a number") }
    return SameShape()
  }

  /// ELU(alpha) and Softmax(axis): Keras checks neither (Softmax's axis is only used when the
  /// layer runs, so any axis passes shape inference).
  public static func unchecked(_ a: BoundArguments) throws(LayerError) -> SameShape { SameShape() }
}

/// PReLU: shape unchanged; alpha has the input's shape without the batch, with each shared axis
/// set to 1 (params = its product).
public struct PReLU: Layer {
  /// shared_axes as given (an int means a list of one); nil for None.
  public var sharedAxes: [Value]?

  public static let signature = Signature([
    Parameter("alpha_initializer", .string("Zeros")), Parameter("alpha_regularizer", Value.none),
    Parameter("alpha_constraint", Value.none), Parameter("shared_axes", Value.none),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    switch a["shared_axes"] {
    case .none: sharedAxes = nil
    case .tuple(let v), .list(let v): sharedAxes = v
    case let v: sharedAxes = [v]
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    var param = Array(x.shape.dropFirst())
    for v in sharedAxes ?? [] {
      let received =
        "Received: shared_axes=\(TensorType.tuple((sharedAxes ?? []).map(\.pythonRepr)))"
      guard let axis = v.pythonInt else {
        throw LayerError(
          "\(c.name): every entry of `shared_axes` must be an int. \(received)",
          argument: "shared_axes")
      }
      // Keras sets param_shape[axis - 1], a Python list index: 0 is the last axis, and
      // negatives count from the end of the shape without the batch.
      let (k, overflow) = axis.subtractingReportingOverflow(1)
      guard !overflow, let j = pythonIndex(k, count: param.count) else {
        throw LayerError(
          "\(c.name): shared axis \(axis) is not an axis of input shape \(x.kerasShape) "
            + "(axes 1 to \(x.rank - 1)). \(received)", argument: "shared_axes")
      }
      param[j] = .known(1)
    }
    let alpha = try c.weightShape(param, "alpha", input: x)
    return LayerOutput(
      [TensorType(shape: x.shape, dtype: c.policy.computeDType)],
      weights: [Weight("alpha", dims: alpha)])
  }
}
