import ShapeCore

/// Max/Average pooling 1D/2D/3D: out = floor((in - pool)/s) + 1 ('valid'), ceil(in/s) ('same');
/// strides default to pool_size; no weights.
public struct Pooling: Layer {
  public var rank: Int
  public var poolSize: [Int]
  public var strides: [Int]
  public var padding: Padding
  public var dataFormat: DataFormat

  public static func signature(rank: Int, poolSizeDefault: Value?) -> Signature {
    Signature([
      Parameter("pool_size", poolSizeDefault), Parameter("strides", Value.none),
      Parameter("padding", .string("valid")), Parameter("data_format", Value.none),
      Parameter("name", Value.none),
    ])
  }

  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    poolSize = try a.positiveInts("pool_size", rank: rank)
    strides = a["strides"] == .none ? poolSize : try a.positiveInts("strides", rank: rank)
    padding = Padding(rawValue: try a.choice("padding", ["valid", "same"])) ?? .valid
    dataFormat = try DataFormat(a)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: rank + 2)
    let (batch, spatial, channels) = dataFormat.split(x.shape)
    let out = try Windows.outputs(
      spatial, windows: poolSize, strides: strides, dilations: Array(repeating: 1, count: rank),
      padding: padding, context: c, input: x)
    let shape = dataFormat.join(batch: batch, spatial: out, channels: channels)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}

/// Global average/max pooling: (batch, spatial..., C) -> (batch, C), or keeps 1s with keepdims.
public struct GlobalPooling: Layer {
  public var rank: Int
  public var dataFormat: DataFormat
  public var keepdims: Bool

  public static let signature = Signature([
    Parameter("data_format", Value.none), Parameter("keepdims", .bool(false)),
  ])

  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    dataFormat = try DataFormat(a)
    keepdims = try a.bool("keepdims")
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: rank + 2)
    let (batch, spatial, channels) = dataFormat.split(x.shape)
    let shape =
      keepdims
      ? dataFormat.join(
        batch: batch, spatial: Array(repeating: .known(1), count: spatial.count),
        channels: channels)
      : [batch, channels]
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
