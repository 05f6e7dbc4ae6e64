import ShapeCore

/// Conv1D/2D/3D, their transposes, and the separable and depthwise convolutions: one shape rule
/// per rank.
///
/// out = floor((in - d*(k-1) - 1)/s) + 1 ('valid'), ceil(in/s) ('same', 'causal');
/// transposed: (in-1)*s + d*(k-1) + 1 + output_padding.
/// params = prod(kernel_size) * (C_in/groups) * filters + filters (bias); separable and
/// depthwise: see `Conv.Kind`.
public struct Conv: Layer {
  /// Which convolution: they share the window arithmetic and differ in channels and weights.
  public enum Kind: Sendable {
    /// Conv: C_in -> filters; kernel prod(k) * C_in/groups * filters.
    case plain
    /// ConvTranspose: C_in -> filters; kernel prod(k) * filters * C_in.
    case transposed
    /// SeparableConv: C_in -> filters; depthwise kernel prod(k) * C_in * depth_multiplier,
    /// pointwise kernel C_in*depth_multiplier * filters.
    case separable
    /// DepthwiseConv: C_in -> C_in*depth_multiplier; kernel prod(k) * C_in * depth_multiplier.
    case depthwise
  }

  public var rank: Int
  public var kind: Kind
  /// The output channels; unused by a depthwise convolution (C_in * depth_multiplier).
  public var filters: Int
  public var kernelSize: [Int]
  public var strides: [Int]
  public var padding: Padding
  public var dataFormat: DataFormat
  public var dilationRate: [Int]
  public var groups: Int
  public var useBias: Bool
  public var outputPadding: [Int]?
  /// Channels each input channel becomes in the depthwise step (separable and depthwise).
  public var depthMultiplier: Int
  /// `lora_rank` (plain convolutions: BaseConv takes it through Conv1D/2D/3D's **kwargs).
  var loraRank: Value = .none
  var kernelConstrained = false

  public var transposed: Bool { kind == .transposed }

  public static func signature(rank: Int, transposed: Bool) -> Signature {
    let ones = onesDefault(rank)
    var p = [
      Parameter("filters"), Parameter("kernel_size"), Parameter("strides", ones),
      Parameter("padding", .string("valid")),
    ]
    // Keras's own order: Conv3DTranspose puts data_format before output_padding.
    if transposed && rank == 3 {
      p += [Parameter("data_format", Value.none), Parameter("output_padding", Value.none)]
    } else if transposed {
      p += [Parameter("output_padding", Value.none), Parameter("data_format", Value.none)]
    } else {
      p.append(Parameter("data_format", Value.none))
    }
    p.append(Parameter("dilation_rate", ones))
    if !transposed { p.append(Parameter("groups", .int(1))) }
    p += [
      Parameter("activation", Value.none), Parameter("use_bias", .bool(true)),
      Parameter("kernel_initializer", .string("glorot_uniform")),
      Parameter("bias_initializer", .string("zeros")),
    ]
    p += [
      "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
      "bias_constraint",
    ].map { Parameter($0, Value.none) }
    // Conv1D/2D/3D hand **kwargs to BaseConv, which takes LoRA; get_config writes it when set.
    let lora = [Parameter("lora_rank", Value.none), Parameter("lora_alpha", Value.none)]
    return Signature(p, extraKeywords: transposed ? [] : lora)
  }

  public init(rank: Int, transposed: Bool, _ a: BoundArguments) throws(LayerError) {
    try self.init(rank: rank, kind: transposed ? .transposed : .plain, a)
  }

  public init(rank: Int, kind: Kind, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    self.kind = kind
    filters = kind == .depthwise ? 0 : try a.int("filters")
    kernelSize = try a.ints("kernel_size", rank: rank)
    strides = try a.ints("strides", rank: rank)
    dilationRate = try a.ints("dilation_rate", rank: rank)
    groups = kind == .plain ? try a.int("groups") : 1
    depthMultiplier = kind == .separable || kind == .depthwise ? try a.int("depth_multiplier") : 1
    useBias = try a.bool("use_bias")
    dataFormat = try DataFormat(a)
    let allowed = rank == 1 && kind == .plain ? ["valid", "same", "causal"] : ["valid", "same"]
    padding = Padding(rawValue: try a.choice("padding", allowed)) ?? .valid
    outputPadding =
      kind == .transposed && a["output_padding"] != .none
      ? try a.ints("output_padding", rank: rank) : nil
    try Activations.validate(a, "activation")
    if kind == .plain {
      loraRank = a["lora_rank"]
      kernelConstrained = a["kernel_constraint"] != .none
    }
    switch kind {
    case .plain, .transposed: try validate(a.layer)
    case .separable, .depthwise: try validateSeparable(a.layer)
    }
  }

  /// A tuple of ints as Python prints it, for messages.
  func tuple(_ v: [Int]) -> String { TensorType.tuple(v.map(String.init)) }

  /// Keras's constructor checks (BaseConv.__init__).
  private func validate(_ layer: String) throws(LayerError) {
    if filters <= 0 {
      throw LayerError(
        "\(layer): Invalid value for argument `filters`. Expected a strictly positive value. "
          + "Received filters=\(filters).", argument: "filters")
    }
    if groups <= 0 {
      throw LayerError(
        "\(layer): The number of groups must be a positive integer. Received: groups=\(groups).",
        argument: "groups")
    }
    if filters % groups != 0 {
      throw LayerError(
        "\(layer): The number of filters must be evenly divisible by the number of groups. "
          + "Received: groups=\(groups), filters=\(filters).", argument: "groups")
    }
    if kernelSize.contains(where: { $0 <= 0 }) {
      throw LayerError(
        "\(layer): The argument `kernel_size` cannot contain 0. Received kernel_size="
          + "\(tuple(kernelSize)).", argument: "kernel_size")
    }
    if strides.contains(where: { $0 <= 0 }) {
      throw LayerError(
        "\(layer): The argument `strides` cannot contains 0. Received strides="
          + "\(tuple(strides)).", argument: "strides")
    }
    if dilationRate.contains(where: { $0 <= 0 }) {
      throw LayerError(
        "\(layer): The argument `dilation_rate` must be positive. Received dilation_rate="
          + "\(tuple(dilationRate)).", argument: "dilation_rate")
    }
    if strides.max() ?? 1 > 1 && dilationRate.max() ?? 1 > 1 {
      throw LayerError(
        "\(layer): `strides > 1` not supported in conjunction with `dilation_rate > 1`. "
          + "Received: strides=\(tuple(strides)) and "
          + "dilation_rate=\(tuple(dilationRate))",
        argument: "dilation_rate")
    }
    if let op = outputPadding {
      for (o, s) in zip(op, strides) where o >= s || o < 0 {
        throw LayerError(
          "\(layer): Strides must be greater than output padding. Received strides="
            + "\(tuple(strides)), output_padding="
            + "\(tuple(op)).", argument: "output_padding")
      }
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, atLeast: rank + 2)
    try c.requireRank(x, exactly: rank + 2)
    let (batch, spatial, channels) = dataFormat.split(x.shape)
    let cIn = try c.weightDim(
      x, axis: dataFormat.channelAxis(rank: x.rank), what: "the channel dimension")
    if let n = cIn.value, n % groups != 0 {
      throw LayerError(
        "\(c.name): The number of input channels must be evenly divisible by the number of "
          + "groups. Received groups=\(groups), but the input has \(n) channels (full input "
          + "shape is \(x.kerasShape)).")
    }
    let outSpatial: [Dim]
    if transposed {
      var dims: [Dim] = []
      for i in spatial.indices {
        dims.append(
          try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
            try Windows.transposed(
              spatial[i], window: kernelSize[i], stride: strides[i], dilation: dilationRate[i],
              padding: padding, outputPadding: outputPadding?[i])
          })
      }
      outSpatial = dims
    } else {
      outSpatial = try Windows.outputs(
        spatial, windows: kernelSize, strides: strides, dilations: dilationRate, padding: padding,
        context: c, input: x)
    }
    let (outChannels, weights) = try self.weights(cIn, c)
    let shape = dataFormat.join(batch: batch, spatial: outSpatial, channels: outChannels)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)], weights: weights)
  }
}
