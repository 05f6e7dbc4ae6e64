import ShapeCore

// SeparableConv1D/2D and DepthwiseConv1D/2D are `Conv`s of another kind: the same windows,
// other channels and weights. Their signatures, checks and weights are here.

extension Conv {
  /// SeparableConv1D/2D's signature (BaseSeparableConv): depth_multiplier after dilation_rate.
  public static func separableSignature(rank: Int) -> Signature {
    let ones = onesDefault(rank)
    return Signature(
      [
        Parameter("filters"), Parameter("kernel_size"), Parameter("strides", ones),
        Parameter("padding", .string("valid")), Parameter("data_format", Value.none),
        Parameter("dilation_rate", ones), Parameter("depth_multiplier", .int(1)),
        Parameter("activation", Value.none), Parameter("use_bias", .bool(true)),
        Parameter("depthwise_initializer", .string("glorot_uniform")),
        Parameter("pointwise_initializer", .string("glorot_uniform")),
        Parameter("bias_initializer", .string("zeros")),
      ]
        + [
          "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer",
          "activity_regularizer", "depthwise_constraint", "pointwise_constraint", "bias_constraint",
        ].map { Parameter($0, Value.none) })
  }

  /// DepthwiseConv1D/2D's signature: no filters; depth_multiplier before data_format.
  public static func depthwiseSignature(rank: Int) -> Signature {
    let ones = onesDefault(rank)
    return Signature(
      [
        Parameter("kernel_size"), Parameter("strides", ones),
        Parameter("padding", .string("valid")), Parameter("depth_multiplier", .int(1)),
        Parameter("data_format", Value.none), Parameter("dilation_rate", ones),
        Parameter("activation", Value.none), Parameter("use_bias", .bool(true)),
        Parameter("depthwise_initializer", .string("glorot_uniform")),
        Parameter("bias_initializer", .string("zeros")),
      ]
        + [
          "depthwise_regularizer", "bias_regularizer", "activity_regularizer",
          "depthwise_constraint", "bias_constraint",
        ].map { Parameter($0, Value.none) })
  }

  /// `1` for rank 1, else a tuple of ones: how Keras writes the strides and dilation defaults.
  static func onesDefault(_ rank: Int) -> Value {
    rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
  }

  /// BaseSeparableConv/BaseDepthwiseConv.__init__: every size positive (standardize_tuple), a
  /// positive depth_multiplier and filters. Unlike Conv, strides > 1 with dilation_rate > 1 is
  /// accepted: Keras computes the shape and never runs the op on symbolic inputs.
  func validateSeparable(_ layer: String) throws(LayerError) {
    for (name, values) in [
      ("kernel_size", kernelSize), ("strides", strides), ("dilation_rate", dilationRate),
    ] where values.contains(where: { $0 <= 0 }) {
      throw LayerError(
        "\(layer): The `\(name)` argument must be a tuple of \(rank) integers, all positive. "
          + "Received \(name)=\(tuple(values))", argument: name)
    }
    if depthMultiplier <= 0 {
      throw LayerError(
        "\(layer): Invalid value for argument `depth_multiplier`. Expected a strictly positive "
          + "value. Received depth_multiplier=\(depthMultiplier).", argument: "depth_multiplier")
    }
    if kind == .separable && filters <= 0 {
      throw LayerError(
        "\(layer): Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=\(filters).", argument: "filters")
    }
  }

  /// The output channels and the weights built for `cIn` input channels (each `build()`);
  /// `cIn` is a formula (or unknown) when the weights are deferred.
  func weights(_ cIn: Dim, _ c: LayerContext) throws(LayerError) -> (Dim, [Weight]) {
    // Only what the kind needs is made (every Conv call at every size comes here).
    let f = Dim.known(filters)
    func spread() throws(LayerError) -> Dim {
      try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
        try cIn * .known(depthMultiplier)
      }
    }
    var outChannels = f
    var weights: [Weight]
    switch kind {
    case .plain:
      weights = try plainKernels(cIn, c)
    case .transposed:
      weights = [Weight("kernel", dims: kernelSize.map(Dim.known) + [f, cIn])]
    case .separable:
      let k = kernelSize.map(Dim.known)
      weights = [
        Weight("depthwise_kernel", dims: k + [cIn, .known(depthMultiplier)]),
        Weight(
          "pointwise_kernel",
          dims: Array(repeating: Dim.known(1), count: rank) + [try spread(), f]),
      ]
    case .depthwise:
      outChannels = try spread()
      weights = [
        Weight("kernel", dims: kernelSize.map(Dim.known) + [cIn, .known(depthMultiplier)])
      ]
    }
    if useBias { weights.append(Weight("bias", dims: [outChannels])) }
    return (outChannels, weights)
  }

  /// Conv1D/2D/3D's kernel; with `lora_rank` it freezes and (kernel[:-1] + (r,)) and
  /// (r, filters) train (BaseConv.enable_lora).
  func plainKernels(_ cIn: Dim, _ c: LayerContext) throws(LayerError) -> [Weight] {
    let perGroup = try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
      if let exact = cIn.exactDiv(groups) { return exact }
      return try cIn.floorDiv(groups)
    }
    var shape: [Dim] = []
    shape.reserveCapacity(rank + 2)
    for k in kernelSize { shape.append(.known(k)) }
    shape.append(perGroup)
    shape.append(.known(filters))
    guard
      let r = try LoRA.rank(
        loraRank, constrained: kernelConstrained, weight: "kernel", c.name)
    else {
      // Room for the bias `weights` appends.
      var kernel: [Weight] = []
      kernel.reserveCapacity(2)
      kernel.append(Weight("kernel", dims: shape))
      return kernel
    }
    return [
      Weight("kernel", dims: shape, trainable: false),
      Weight("lora_kernel_a", dims: shape.dropLast() + [.known(r)]),
      Weight("lora_kernel_b", [r, filters]),
    ]
  }
}
