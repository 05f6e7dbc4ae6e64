import ShapeCore

/// BatchNormalization: shape-preserving; gamma/beta (trainable) and moving mean/variance
/// (non-trainable), each of size input_shape[axis].
public struct BatchNormalization: Layer {
  public var axis: Int
  public var center: Bool
  public var scale: Bool

  public static let signature = Signature(
    [
      Parameter("axis", .int(-1)), Parameter("momentum", .float(0.99)),
      Parameter("epsilon", .float(0.001)), Parameter("center", .bool(true)),
      Parameter("scale", .bool(true)), Parameter("beta_initializer", .string("zeros")),
      Parameter("gamma_initializer", .string("ones")),
      Parameter("moving_mean_initializer", .string("zeros")),
      Parameter("moving_variance_initializer", .string("ones")),
      Parameter("beta_regularizer", Value.none), Parameter("gamma_regularizer", Value.none),
      Parameter("beta_constraint", Value.none), Parameter("gamma_constraint", Value.none),
      Parameter("renorm", .bool(false)), Parameter("renorm_clipping", Value.none),
      Parameter("renorm_momentum", .float(0.99)), Parameter("synchronized", .bool(false)),
    ])

  public init(_ a: BoundArguments) throws(LayerError) {
    axis = try a.int("axis")
    center = try a.bool("center")
    scale = try a.bool("scale")
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    let resolved = axis < 0 ? axis + x.rank : axis
    guard resolved >= 0, resolved < x.rank else {
      throw LayerError(
        "\(c.name): axis \(axis) is out of bounds for an input of rank \(x.rank) "
          + "(shape \(x.kerasShape))", argument: "axis")
    }
    let n = x.shape[resolved]
    guard n.isKnown || c.defersWeights else {
      throw LayerError(
        "\(c.name): Axis \(axis) of input tensor should have a defined dimension but the layer "
          + "received an input with shape \(x.kerasShape).",
        hint: x.hasFormulas ? "it is \(x.formulaShape) here; apply a concrete size" : nil)
    }
    var weights: [Weight] = []
    weights.reserveCapacity(4)
    // The four weights share one shape array.
    let dims = [n]
    if scale { weights.append(Weight("gamma", dims: dims)) }
    if center { weights.append(Weight("beta", dims: dims)) }
    weights.append(Weight("moving_mean", dims: dims, trainable: false))
    weights.append(Weight("moving_variance", dims: dims, trainable: false))
    return LayerOutput([TensorType(shape: x.shape, dtype: c.policy.computeDType)], weights: weights)
  }
}
