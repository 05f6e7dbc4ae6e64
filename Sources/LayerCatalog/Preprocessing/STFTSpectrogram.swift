import ShapeCore

/// STFTSpectrogram: (batch, L, C) -> (batch, T, F*C), F = fft_length//2 + 1 (x2 for 'stft'),
/// T = floor((L - frame_length)/frame_step) + 1 ('valid') or ceil(L/frame_step) ('same');
/// expand_dims gives (batch, T, F, C). frame_step defaults to frame_length//2 and fft_length
/// to the next power of two. Weights: real and imaginary kernels (frame_length, 1, F).
public struct STFTSpectrogram: Layer {
  public var mode: String
  public var frameLength: Value
  public var frameStep: Value
  public var fftLength: Int
  public var padding: Padding
  public var expandDims: Bool
  public var dataFormat: DataFormat

  public static let signature = Signature([
    Parameter("mode", .string("log")), Parameter("frame_length", .int(256)),
    Parameter("frame_step", Value.none), Parameter("fft_length", Value.none),
    Parameter("window", .string("hann")), Parameter("periodic", .bool(false)),
    Parameter("scaling", .string("density")), Parameter("padding", .string("valid")),
    Parameter("expand_dims", .bool(false)), Parameter("data_format", Value.none),
  ])

  static let modes = ["log", "magnitude", "psd", "real", "imag", "angle", "stft"]

  /// The window names `scipy.signal.get_window(name, 1)` accepts without parameters.
  static let windows = [
    "bart", "barthann", "bartlett", "bkh", "black", "blackharr", "blackman", "blackmanharris",
    "blk", "bman", "bmn", "bohman", "box", "boxcar", "brt", "brthan", "bth", "cosine",
    "exponential", "flat", "flattop", "flt", "halfcosine", "ham", "hamm", "hamming", "han", "hann",
    "lanczos", "nut", "nutl", "nuttall", "ones", "par", "parz", "parzen", "poisson", "rect",
    "rectangular", "sinc", "taylor", "taylorwin", "tri", "triang", "triangle", "tuk", "tukey",
  ]

  /// scipy windows that exist but need parameters (given as a tuple).
  static let parameterized = [
    "cheb", "chebwin", "dpss", "gauss", "gaussian", "general cosine", "general gauss",
    "general gaussian", "general hamming", "general_cosine", "general_gauss", "general_gaussian",
    "general_hamming", "ggs", "gss", "kaiser", "kaiser bessel derived", "kaiser_bessel_derived",
    "kbd", "ksr",
  ]

  public init(_ a: BoundArguments) throws(LayerError) {
    let layer = a.layer
    frameLength = a["frame_length"]
    let (step, fft) = (a["frame_step"], a["fft_length"])
    if step != .none {
      var bad = try Python.compare(step, ">", frameLength, layer: layer, argument: "frame_step")
      if !bad { bad = try Python.compare(step, "<", .int(1), layer: layer, argument: "frame_step") }
      if bad {
        throw LayerError(
          "\(layer): `frame_step` should be a positive integer not greater than `frame_length`. "
            + "Received frame_step=\(step.pythonRepr), frame_length=\(frameLength.pythonRepr)",
          argument: "frame_step")
      }
    }
    if fft != .none {
      if try Python.compare(fft, "<", frameLength, layer: layer, argument: "fft_length") {
        throw LayerError(
          "\(layer): `fft_length` should be not less than `frame_length`. Received "
            + "fft_length=\(fft.pythonRepr), frame_length=\(frameLength.pythonRepr)",
          argument: "fft_length")
      }
      guard fft.pythonInt != nil else {
        throw LayerError(
          "\(layer): unsupported operand type(s) for &: `fft_length` must be an int. Received "
            + "fft_length=\(fft.pythonRepr)", argument: "fft_length")
      }
    }
    try a.checkMember("mode", Self.modes, message: "Output mode is invalid.")
    mode = try a.string("mode")
    if a["scaling"] != .none {
      try a.checkMember("scaling", ["density", "spectrum"], message: "Scaling is invalid.")
    }
    try a.checkMember("padding", ["valid", "same"], message: "Padding is invalid.")
    padding = try a.string("padding") == "same" ? .same : .valid
    if case .string(let w) = a["window"] { try Self.checkWindow(w, layer) }
    // `frame_step or frame_length // 2`, `fft_length or 2 ** ceil(log2(frame_length))`
    if !step.isTruthy {
      guard let n = frameLength.number else {
        throw LayerError(
          "\(layer): unsupported operand type(s) for //: `frame_length` must be a number. "
            + "Received frame_length=\(frameLength.pythonRepr)", argument: "frame_length")
      }
      frameStep =
        frameLength.pythonInt.map { .int(Checked.floorDiv($0, 2)) }
        ?? .float((n / 2).rounded(.down))
    } else {
      frameStep = step
    }
    if let f = fft.pythonInt, f != 0 {
      fftLength = f
    } else {
      guard let n = frameLength.number, n > 0 else {
        throw LayerError(
          "\(layer): math domain error: `frame_length` must be positive. Received "
            + "frame_length=\(frameLength.pythonRepr)", argument: "frame_length")
      }
      var power = 1
      while Double(power) < n && power < 1 << 62 { power <<= 1 }
      fftLength = power
    }
    expandDims = a["expand_dims"].isTruthy
    dataFormat = try DataFormat(a)
  }

  /// scipy's `get_window(name, 1)`: a known name, optionally with `_symmetric`/`_periodic`.
  static func checkWindow(_ w: String, _ layer: String) throws(LayerError) {
    var name = w
    for suffix in ["_symmetric", "_periodic"] where name.hasSuffix(suffix) {
      name = String(name.dropLast(suffix.count))
      break
    }
    if parameterized.contains(name) {
      throw LayerError(
        "\(layer): '\(name)' must have parameters, but window='\(w)'!", argument: "window",
        hint: "give the window with its parameters as a tuple, e.g. ('\(name)', 8.0)")
    }
    guard windows.contains(name) else {
      throw LayerError(
        "\(layer): Invalid window name '\(name)' in parameter window='\(w)'!",
        argument: "window",
        hint: nearest(name, in: windows).map { "did you mean '\($0)'?" }
          ?? "windows that need parameters are given as a tuple, e.g. ('kaiser', 8.0)")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: 3)
    let freq = Checked.floorDiv(fftLength, 2) + 1
    let kernel = "(\(frameLength.pythonRepr), 1, \(freq))"
    guard let k = frameLength.pythonInt else {
      throw LayerError(
        "\(c.name): the kernels' shape \(kernel) must be ints: `frame_length` must be an int",
        argument: "frame_length")
    }
    guard k >= 0 && freq >= 0 else {
      throw LayerError(
        "\(c.name): Cannot convert '\(kernel)' to a shape. Negative dimensions are not allowed.",
        argument: "frame_length")
    }
    var weights: [Weight] = []
    if mode != "imag" { weights.append(Weight("real_kernel", [k, 1, freq])) }
    if mode != "real" { weights.append(Weight("imag_kernel", [k, 1, freq])) }
    let (batch, spatial, channels) = dataFormat.split(x.shape)
    guard let cIn = channels.value else {
      throw LayerError(
        "\(c.name): unsupported operand type(s) for *: 'int' and 'NoneType': the channel axis "
          + "of input shape \(x.kerasShape) must be known", hint: "declare the channels")
    }
    let bins = try checked(c.name) { () throws(ArithmeticOverflow) -> Int in
      try Checked.mul(freq, mode == "stft" ? 2 : 1)
    }
    let time = try frames(spatial[0], window: k, c, x)
    let filters = try checked(c.name) { () throws(ArithmeticOverflow) -> Int in
      try Checked.mul(bins, cIn)
    }
    let shape: [Dim] =
      switch (expandDims, dataFormat) {
      case (true, .channelsLast): [batch, time, .known(bins), channels]
      case (true, .channelsFirst): [batch, channels, time, .known(bins)]
      case (false, .channelsLast): [batch, time, .known(filters)]
      case (false, .channelsFirst): [batch, .known(filters), time]
      }
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)], weights: weights)
  }

  /// The frame count by compute_conv_output_shape; a fractional step is applied to known
  /// lengths only (Keras computes it in floats).
  private func frames(_ length: Dim, window k: Int, _ c: LayerContext, _ x: TensorType)
    throws(LayerError) -> Dim
  {
    guard let step = frameStep.number, step > 0 else {
      throw LayerError(
        "\(c.name): the frame step must be positive, but it is \(frameStep.pythonRepr) "
          + "(frame_step defaults to frame_length // 2); Keras divides by it",
        argument: "frame_length", hint: "set frame_step=1")
    }
    if let s = frameStep.pythonInt {
      return try Windows.outputs(
        [length], windows: [k], strides: [s], dilations: [1], padding: padding, context: c,
        input: x)[0]
    }
    guard let n = length.value else { return .unknown }
    let top = Double(n) - (padding == .valid ? Double(k) : 1)
    let out = (top / step).rounded(.down) + 1
    if padding == .valid && out <= 0 {
      throw LayerError(
        "\(c.name): Computed output size would be zero or negative (input shape "
          + "\(x.kerasShape), frame_length \(k), frame_step \(step)).")
    }
    guard let frames = Int(exactly: out) else { throw LayerError.overflow(c.name) }
    return .known(frames)
  }
}
