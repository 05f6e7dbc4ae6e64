import ShapeCore

/// MelSpectrogram: (batch, L) -> (batch, num_mel_bins, (L + s + 1) // s), s = sequence_stride
/// (Keras's own frame count); a rank-1 input gives (num_mel_bins, frames). No weights.
public struct MelSpectrogram: Layer {
  public var stride: Value
  public var melBins: Value

  public static let signature = Signature([
    Parameter("fft_length", .int(2048)), Parameter("sequence_stride", .int(512)),
    Parameter("sequence_length", Value.none), Parameter("window", .string("hann")),
    Parameter("sampling_rate", .int(16000)), Parameter("num_mel_bins", .int(128)),
    Parameter("min_freq", .float(20.0)), Parameter("max_freq", Value.none),
    Parameter("power_to_db", .bool(true)), Parameter("top_db", .float(80.0)),
    Parameter("mag_exp", .float(2.0)), Parameter("min_power", .float(1e-10)),
    Parameter("ref_power", .float(1.0)),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    stride = a["sequence_stride"]
    melBins = a["num_mel_bins"]
    let fft = a["fft_length"]
    // `sequence_length or fft_length`
    let length = a["sequence_length"].isTruthy ? a["sequence_length"] : fft
    if try Python.compare(fft, "<", length, layer: a.layer, argument: "sequence_length") {
      throw LayerError(
        "\(a.layer): `fft_length` must be greater than or equal to `sequence_length`. "
          + "Received: `sequence_length`=\(length.pythonRepr), `fft_length`=\(fft.pythonRepr).",
        argument: "sequence_length")
    }
    // `max_freq or int(sampling_rate / 2)`
    if !a["max_freq"].isTruthy && a["sampling_rate"].number == nil {
      throw LayerError(
        "\(a.layer): unsupported operand type(s) for /: '\(a["sampling_rate"].pythonTypeName)' "
          + "and 'int': `sampling_rate` must be a number", argument: "sampling_rate")
    }
  }

  /// (L + s + 1) // s; Keras computes it only for a known L (None stays None).
  func frames(_ length: Dim, _ c: LayerContext) throws(LayerError) -> ShapeEntry {
    guard let n = length.value else {
      if let s = stride.pythonInt, s > 0 {
        return .dim(
          try checked(c.name) { () throws(ArithmeticOverflow) -> Dim in
            try (length + s + 1).floorDiv(s)
          })
      }
      return .dim(.unknown)
    }
    guard let s = stride.pythonInt else {
      if let d = stride.number {
        return .value(.float(((Double(n) + d + 1) / d).rounded(.down)))
      }
      throw LayerError(
        "\(c.name): unsupported operand type(s) for +: 'int' and '\(stride.pythonTypeName)': "
          + "`sequence_stride` must be a positive int", argument: "sequence_stride")
    }
    guard s != 0 else {
      throw LayerError(
        "\(c.name): integer division or modulo by zero: `sequence_stride` must be a positive "
          + "int", argument: "sequence_stride")
    }
    let top = try checked(c.name) { () throws(ArithmeticOverflow) -> Int in
      try Checked.add(Checked.add(n, s), 1)
    }
    return .value(.int(Checked.floorDiv(top, s)))
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, atLeast: 1)
    let entries: [ShapeEntry] =
      x.rank == 1
      ? [.value(melBins), try frames(x.shape[0], c)]
      : [.dim(x.shape[0]), .value(melBins), try frames(x.shape[1], c)]
    let shape = try standardizeShape(entries, c)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
