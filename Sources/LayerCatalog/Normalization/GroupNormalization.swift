import ShapeCore

/// GroupNormalization: shape unchanged; the channels C = input_shape[axis] must be known and a
/// multiple of `groups` (-1: one group per channel); gamma and beta have C each (params 2*C).
public struct GroupNormalization: Layer {
  public var groups: Int
  public var axis: Value
  public var center: Bool
  public var scale: Bool

  public static let signature = Signature(
    [
      Parameter("groups", .int(32)), Parameter("axis", .int(-1)),
      Parameter("epsilon", .float(0.001)), Parameter("center", .bool(true)),
      Parameter("scale", .bool(true)), Parameter("beta_initializer", .string("zeros")),
      Parameter("gamma_initializer", .string("ones")),
    ]
      + ["beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"].map {
        Parameter($0, Value.none)
      })

  public init(_ a: BoundArguments) throws(LayerError) {
    guard let g = a["groups"].pythonInt, g > 0 || g == -1 else {
      throw LayerError(
        "\(a.layer): Received an invalid value for argument `groups`, expected a positive "
          + "integer (or `-1` for instance normalization). Received: groups="
          + a["groups"].pythonRepr, argument: "groups")
    }
    groups = g
    axis = a["axis"]
    center = a["center"].isTruthy
    scale = a["scale"].isTruthy
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    guard let ax = axis.pythonInt else {
      throw LayerError(
        "\(c.name): `axis` must be an int. Received: axis=\(axis.pythonRepr)", argument: "axis")
    }
    guard let j = pythonIndex(ax, count: x.rank) else {
      throw LayerError(
        "\(c.name): Axis \(ax) is out of bounds for input shape \(x.kerasShape).",
        argument: "axis",
        hint: "axes count from 0 (the batch) to \(x.rank - 1), or from -\(x.rank) to -1")
    }
    guard let dim = x.shape[j].value else {
      if c.defersWeights, groups != 0 {
        // The channel checks wait for the size; the weights are (C,) each.
        let n = x.shape[j]
        var weights: [Weight] = []
        if scale { weights.append(Weight("gamma", dims: [n])) }
        if center { weights.append(Weight("beta", dims: [n])) }
        return LayerOutput(
          [TensorType(shape: x.shape, dtype: c.policy.computeDType)], weights: weights)
      }
      throw LayerError(
        "\(c.name): Axis \(ax) of input tensor should have a defined dimension but the layer "
          + "received an input with shape \(x.kerasShape).",
        hint: x.hasFormulas ? "it is \(x.formulaShape) here; apply a concrete size" : nil)
    }
    let g = groups == -1 ? dim : groups
    if dim < g {
      throw LayerError(
        "\(c.name): Number of groups (\(g)) cannot be more than the number of channels (\(dim)). "
          + "Received: groups=\(groups), input shape \(x.kerasShape)", argument: "groups")
    }
    if g == 0 || dim % g != 0 {
      throw LayerError(
        "\(c.name): the number of channels (\(dim)) must be a multiple of the number of groups "
          + "(\(g)). Received: groups=\(groups), input shape \(x.kerasShape)", argument: "groups",
        hint: g == 0 ? nil : "groups must divide \(dim)")
    }
    var weights: [Weight] = []
    if scale { weights.append(Weight("gamma", [dim])) }
    if center { weights.append(Weight("beta", [dim])) }
    return LayerOutput([TensorType(shape: x.shape, dtype: c.policy.computeDType)], weights: weights)
  }
}
