import ShapeCore

/// Resizing, CenterCrop and RandomCrop: the height and width axes become (height, width);
/// batch and channels are kept; no weights; dtype = the compute dtype.
///
/// Which axes are "height and width" is Keras's own rule per class, on the whole shape:
/// Resizing and CenterCrop use axes 1, 2 of a rank-4 input (2, 3 channels_first) and axes 0, 1
/// of any other rank (1, 2 channels_first), so a rank-3 input loses its batch dim; CenterCrop
/// takes only ranks 3 and 4. RandomCrop uses axes -3, -2 (-2, -1 channels_first) of any rank.
public struct ImageSize: Layer {
  /// Which Keras class: each has its own rule for where height and width are.
  public enum Kind: Sendable { case resizing, centerCrop, randomCrop }

  public var kind: Kind
  /// The sizes as written: Keras puts them into the shape unchecked, so None gives an unknown
  /// dim and a negative or non-int size fails when the layer is called.
  public var height: Value
  public var width: Value
  public var dataFormat: DataFormat

  public static let resizingSignature = Signature([
    Parameter("height"), Parameter("width"), Parameter("interpolation", .string("bilinear")),
    Parameter("crop_to_aspect_ratio", .bool(false)), Parameter("pad_to_aspect_ratio", .bool(false)),
    Parameter("fill_mode", .string("constant")), Parameter("fill_value", .float(0.0)),
    Parameter("antialias", .bool(false)), Parameter("data_format", Value.none),
  ])
  public static let centerCropSignature = Signature([
    Parameter("height"), Parameter("width"), Parameter("data_format", Value.none),
  ])
  public static let randomCropSignature = Signature([
    Parameter("height"), Parameter("width"), Parameter("seed", Value.none),
    Parameter("data_format", Value.none), Parameter("name", Value.none),
  ])

  public init(_ kind: Kind, _ a: BoundArguments) throws(LayerError) {
    self.kind = kind
    height = a["height"]
    width = a["width"]
    dataFormat = try DataFormat(a)
    if kind == .randomCrop {
      try a.checkSeed()
      if a["factor"].isTruthy {
        try AugmentationChecks(layer: a.layer).baseFactor(
          a["factor"], "factor", AugmentationChecks.Interval(low: -1, high: 1))
      }
    }
  }

  /// The two axes that receive (height, width), or nil where Keras indexes out of range.
  func axes(rank: Int) -> (Int, Int)? {
    let first = dataFormat == .channelsLast
    let pair: (Int, Int)
    switch kind {
    case .resizing, .centerCrop:
      pair = rank == 4 ? (first ? (1, 2) : (2, 3)) : (first ? (0, 1) : (1, 2))
    case .randomCrop:
      pair = first ? (rank - 3, rank - 2) : (rank - 2, rank - 1)
    }
    return pair.0 >= 0 && pair.1 < rank ? pair : nil
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    if kind == .centerCrop && x.rank != 3 && x.rank != 4 {
      throw LayerError(
        "\(c.name): `input_shape` must be a non-nested tuple or list of rank-1 with size 3 "
          + "(unbatched) or 4 (batched). Received: input_shape=\(x.kerasShape)")
    }
    guard let (h, w) = axes(rank: x.rank) else {
      throw LayerError(
        "\(c.name): list assignment index out of range: the input shape \(x.kerasShape) has no "
          + "height and width axes for data_format='\(dataFormat.rawValue)'",
        hint: "give an image batch (batch, height, width, channels)")
    }
    var entries = x.shape.map(ShapeEntry.dim)
    entries[h] = .value(height)
    entries[w] = .value(width)
    let shape = try standardizeShape(entries, c)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
