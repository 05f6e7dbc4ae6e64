import ShapeCore

/// Dense on the last axis of any rank >= 2: (..., C) -> (..., units); params = C*units + units.
public struct Dense: Layer {
  public var units: Int
  public var useBias: Bool
  var kernelConstrained = false
  /// `lora_rank` when truthy (LoRA on), boxed: stored in place, the value made a Dense too large
  /// for an existential's inline buffer, so every construction allocated a box for the layer.
  private var lora: LoRA.Setting?
  var loraRank: Value { lora?.value ?? .none }

  public static let signature = Signature(
    [
      Parameter("units"), Parameter("activation", Value.none), Parameter("use_bias", .bool(true)),
      Parameter("kernel_initializer", .string("glorot_uniform")),
      Parameter("bias_initializer", .string("zeros")),
    ]
      + [
        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
        "bias_constraint", "lora_rank", "lora_alpha", "quantization_config",
      ].map { Parameter($0, Value.none) })

  public init(_ a: BoundArguments) throws(LayerError) {
    units = try a.int("units")
    lora = LoRA.Setting.of(a["lora_rank"])
    kernelConstrained = a["kernel_constraint"] != .none
    useBias = try a.bool("use_bias")
    try Activations.validate(a, "activation")
    if units <= 0 {
      throw LayerError(
        "\(a.layer): Received an invalid value for `units`, expected a positive integer. "
          + "Received: units=\(units)", argument: "units")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, atLeast: 2)
    let cIn = try c.weightDim(
      x, axis: x.rank - 1, what: "the last dimension of a Dense layer's input")
    // Each array made once at its size.
    var weights: [Weight] = []
    weights.reserveCapacity(useBias ? 2 : 1)
    weights.append(Weight("kernel", dims: [cIn, .known(units)]))
    if useBias { weights.append(Weight("bias", dims: [.known(units)])) }
    if let r = try LoRA.rank(loraRank, constrained: kernelConstrained, weight: "kernel", c.name) {
      weights[0].trainable = false
      weights += [
        Weight("lora_kernel_a", dims: [cIn, .known(r)]), Weight("lora_kernel_b", [r, units]),
      ]
    }
    var shape = x.shape
    shape[shape.count - 1] = .known(units)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)], weights: weights)
  }
}
