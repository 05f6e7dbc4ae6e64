import ShapeCore

/// Where the channels are; layers compute in channels_last order and permute once at the edges.
public enum DataFormat: String, Sendable {
  case channelsLast = "channels_last"
  case channelsFirst = "channels_first"

  /// Keras's `data_format` argument: None means `keras.config.image_data_format()`, channels_last.
  public init(_ args: BoundArguments, _ key: String = "data_format") throws(LayerError) {
    guard let s = try args.optionalString(key) else {
      self = .channelsLast
      return
    }
    guard let f = DataFormat(rawValue: s.lowercased()) else {
      throw LayerError(
        "\(args.layer): The `data_format` argument must be one of {'channels_first', "
          + "'channels_last'}. Received: data_format=\(args[key].pythonRepr)", argument: key,
        hint: nearest(s, in: ["channels_first", "channels_last"]).map { "did you mean '\($0)'?" })
    }
    self = f
  }

  /// The index of the channel axis in a tensor of `rank` dims.
  public func channelAxis(rank: Int) -> Int { self == .channelsLast ? rank - 1 : 1 }

  /// Splits (batch, spatial..., channels) whatever the format.
  public func split(_ shape: [Dim]) -> (batch: Dim, spatial: [Dim], channels: Dim) {
    switch self {
    case .channelsLast:
      return (shape[0], Array(shape[1..<(shape.count - 1)]), shape[shape.count - 1])
    case .channelsFirst: return (shape[0], Array(shape[2...]), shape[1])
    }
  }

  /// Joins (batch, spatial..., channels) back in this format.
  public func join(batch: Dim, spatial: [Dim], channels: Dim) -> [Dim] {
    // One array of exact size (concatenating literals makes three or four).
    var shape: [Dim] = []
    shape.reserveCapacity(spatial.count + 2)
    shape.append(batch)
    if self == .channelsFirst { shape.append(channels) }
    shape.append(contentsOf: spatial)
    if self == .channelsLast { shape.append(channels) }
    return shape
  }
}

extension DataFormat {
  /// A layer that changes each spatial dim on its own (padding, upsampling): checks the rank,
  /// maps the spatial dims with checked arithmetic, keeps batch and channels.
  func mapSpatial(
    _ input: LayerInput, rank: Int, _ c: LayerContext,
    _ transform: (Int, Dim) throws(ArithmeticOverflow) -> Dim
  ) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: rank + 2)
    let (batch, spatial, channels) = split(x.shape)
    var out: [Dim] = []
    for (i, d) in spatial.enumerated() {
      out.append(
        try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in try transform(i, d) })
    }
    let shape = join(batch: batch, spatial: out, channels: channels)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}

/// The names of spatial axes, for messages: height/width, or depth/height/width, or length.
func axisNames(_ rank: Int) -> [String] {
  switch rank {
  case 1: return ["length"]
  case 2: return ["height", "width"]
  case 3: return ["depth", "height", "width"]
  default: return (0..<rank).map { "spatial axis \($0)" }
  }
}
