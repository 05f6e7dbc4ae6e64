import ShapeCore

/// AdaptiveAverage/MaxPooling1D/2D/3D: the spatial dims become `output_size`, whatever they were.
///
/// out = (batch, *output_size, C) (channels_last) or (batch, C, *output_size); no weights.
/// Keras checks neither the input's rank nor the sizes' values when it is constructed: C is the
/// last (or second) axis of any input, and a size that is not a non-negative int or None fails
/// only when the output shape is made.
public struct AdaptivePooling: Layer {
  public var rank: Int
  /// `output_size` as written, one entry per spatial axis (an int is repeated).
  public var outputSize: [Value]
  public var dataFormat: DataFormat

  public static let signature = Signature([
    Parameter("output_size"), Parameter("data_format", Value.none),
  ])

  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    let given = a["output_size"]
    switch given {
    case .int, .bool:  // Python's bool is an int
      outputSize = Array(repeating: given, count: rank)
    case .tuple(let items) where items.count == rank, .list(let items) where items.count == rank:
      outputSize = items
    case .tuple where rank == 1, .list where rank == 1:
      throw LayerError(
        "\(a.layer): For 1D input, `output_size` tuple must have length 1. Received: "
          + given.pythonRepr, argument: "output_size")
    default:
      let form = ["tuple of 1 integer", "(height, width) tuple", "(depth, height, width) tuple"]
      throw LayerError(
        "\(a.layer): `output_size` must be an integer or \(form[min(rank, 3) - 1]). Received: "
          + "output_size=\(given.pythonRepr)", argument: "output_size")
    }
    dataFormat = try Self.dataFormat(a)
  }

  /// BaseAdaptivePooling: `data_format or image_data_format()`, not lower-cased.
  static func dataFormat(_ a: BoundArguments) throws(LayerError) -> DataFormat {
    let v = a["data_format"]
    switch v {
    case .none, .string(""), .bool(false), .int(0), .float(0), .tuple([]), .list([]):
      return .channelsLast
    case .string(let s):
      if let f = DataFormat(rawValue: s) { return f }
    default: break
    }
    let lowered = DataFormat(rawValue: v.pythonRepr.lowercased().filter { $0 != "'" })
    throw LayerError(
      "\(a.layer): Invalid data_format: \(v.pythonRepr). Expected 'channels_first' or "
        + "'channels_last'.", argument: "data_format",
      hint: lowered.map { "write '\($0.rawValue)' in lower case" }
        ?? nearest(v.pythonRepr, in: ["channels_first", "channels_last"]).map {
          "did you mean '\($0)'?"
        })
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    var sizes: [Dim] = []
    for v in outputSize {
      switch v {
      case .none: sizes.append(.unknown)
      case .bool(let b): sizes.append(.known(b ? 1 : 0))
      case .int(let n) where n >= 0: sizes.append(.known(n))
      default:
        throw LayerError(
          "\(c.name): every entry of `output_size` must be a non-negative int or None. Received: "
            + "output_size=\(TensorType.tuple(outputSize.map(\.pythonRepr)))",
          argument: "output_size")
      }
    }
    let channelAxis = dataFormat == .channelsLast ? x.rank - 1 : 1
    guard channelAxis < x.rank else {
      throw LayerError(
        "\(c.name): a channels_first input needs a channel axis 1, but the input shape is "
          + "\(x.kerasShape)")
    }
    let channels = x.shape[channelAxis]
    let shape = dataFormat.join(batch: x.shape[0], spatial: sizes, channels: channels)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
