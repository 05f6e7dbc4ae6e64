import ShapeCore

// Dropout's relatives and the noise layers: the shape never changes; Keras only validates the
// constructor arguments (and SpatialDropout's input rank).

/// SpatialDropout1D/2D/3D: shape unchanged; the input must have rank + 2 dims.
public struct SpatialDropout: Layer {
  public var rank: Int

  /// Keras's own order; these constructors have no **kwargs, so only name and dtype pass.
  public static func signature(rank: Int) -> Signature {
    Signature(
      [Parameter("rate")] + (rank == 1 ? [] : [Parameter("data_format", Value.none)]) + [
        Parameter("seed", Value.none), Parameter("name", Value.none),
        Parameter("dtype", Value.none),
      ], takesBaseKeywords: false)
  }

  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    try Noise.validate(a, "rate")
    if rank > 1 { _ = try DataFormat(a) }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: rank + 2)
    return LayerOutput([TensorType(shape: x.shape, dtype: c.policy.computeDType)])
  }
}

/// The checks of the noise layers' constructors.
public enum Noise {
  /// `rate` (or `stddev`) must satisfy `0 <= value <= 1`; when it is positive Keras makes a
  /// SeedGenerator, which wants an int seed.
  static func validate(_ a: BoundArguments, _ key: String) throws(LayerError) {
    guard let v = a[key].number else {
      throw LayerError(
        "\(a.layer): `\(key)` must be a number between 0 and 1. Received: \(key)="
          + "\(a[key].pythonRepr) (\(a[key].kindDescription))", argument: key)
    }
    guard v >= 0, v <= 1 else {
      throw LayerError(
        "\(a.layer): Invalid value received for argument `\(key)`. Expected a float value "
          + "between 0 and 1. Received: \(key)=\(a[key].pythonRepr)", argument: key)
    }
    if v > 0, a["seed"] != .none, a["seed"].pythonInt == nil {
      throw LayerError(
        "\(a.layer): Argument `seed` must be an integer. Received: seed=\(a["seed"].pythonRepr)",
        argument: "seed")
    }
  }

  public static func gaussianDropout(_ a: BoundArguments) throws(LayerError) -> SameShape {
    try validate(a, "rate")
    return SameShape()
  }

  public static func gaussianNoise(_ a: BoundArguments) throws(LayerError) -> SameShape {
    try validate(a, "stddev")
    return SameShape()
  }

  /// AlphaDropout: like Dropout, but its noise_shape is not checked.
  public static func alphaDropout(_ a: BoundArguments) throws(LayerError) -> SameShape {
    try validate(a, "rate")
    return SameShape()
  }

  /// ActivityRegularization(l1, l2): Keras's L1L2 takes None as 0 and wants non-negative
  /// finite numbers; the layer sets activity_regularizer itself, so that keyword is refused.
  public static func activityRegularization(_ a: BoundArguments) throws(LayerError) -> SameShape {
    if a.isGiven("activity_regularizer") {
      throw LayerError(
        "\(a.layer) got multiple values for keyword argument 'activity_regularizer'",
        argument: "activity_regularizer", hint: "use l1= and l2= instead")
    }
    for key in ["l1", "l2"] where a[key] != .none {
      guard let v = a[key].number, v.isFinite, v >= 0 else {
        throw LayerError(
          "\(a.layer): Invalid value for argument \(key): expected a non-negative float. "
            + "Received: \(key)=\(a[key].pythonRepr)", argument: key)
      }
    }
    return SameShape()
  }
}
