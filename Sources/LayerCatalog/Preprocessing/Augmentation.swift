import ShapeCore

/// Image augmentations (RandomFlip, RandomRotation, ..., AugMix, RandAugment): out = in, any
/// rank; dtype = the compute dtype (Equalization, RandomGrayscale: the autocast input dtype).
///
/// Keras builds them without weights and checks only their arguments (each class as its
/// `__init__` does) and, for RandomColorDegeneration, rank 3 or 4 with 3 channels.
public struct Augmentation: Layer {
  /// Equalization and RandomGrayscale return their input's spec instead of the compute dtype.
  public var keepsInputDType = false
  /// RandomColorDegeneration's rank and channel check, in this layout.
  public var rgbLayout: DataFormat?

  public init(_ className: String, _ a: BoundArguments) throws(LayerError) {
    let k = AugmentationChecks(layer: a.layer)
    let signed = AugmentationChecks.Interval(low: -1, high: 1)
    let unit = AugmentationChecks.Interval(low: 0, high: 1)
    let interpolation = "Unknown `interpolation`."
    let fillMode = "Unknown `fill_mode`."
    // BaseImagePreprocessingLayer.__init__ standardizes data_format first (None when the class
    // passes none), then each class checks its own arguments.
    let format = try DataFormat(a)
    if Self.baseFactorClasses.contains(className) && a["factor"].isTruthy {
      try k.baseFactor(a["factor"], "factor", signed)
    }
    switch className {
    case "RandomFlip", "MixUp", "ContrastLimitedAdaptiveHistogramEqualization":
      break
    case "RandomRotation", "RandomBrightness":
      // `factor or 0.0`: a falsy factor is no augmentation.
      if a["factor"].isTruthy { try k.baseFactor(a["factor"], "factor", signed) }
      if className == "RandomBrightness" { try k.valueRange(a["value_range"]) }
    case "RandomZoom", "RandomTranslation":
      let range =
        className == "RandomZoom"
        ? AugmentationChecks.Interval(low: -1, high: 1, openLow: true) : signed
      try k.eachFactor(a["height_factor"], "height_factor", range)
      if className == "RandomTranslation" || a["width_factor"] != .none {
        try k.eachFactor(a["width_factor"], "width_factor", range)
      }
    case "RandomShear":
      try k.eachFactor(a["x_factor"], "x_factor", unit)
      try k.eachFactor(a["y_factor"], "y_factor", unit)
    case "RandomContrast", "CutMix", "RandomHue", "RandomInvert":
      try k.baseFactor(a["factor"], "factor", unit)
    case "RandomColorDegeneration", "RandomSaturation":
      try k.baseFactor(a["factor"], "factor", signed)
      try k.valueRange(a["value_range"])
      if className == "RandomColorDegeneration" { rgbLayout = format }
    case "RandomSharpness":
      try k.baseFactor(a["factor"], "factor", unit)
      try k.valueRange(a["value_range"])
    case "RandomPosterization":
      try k.baseFactor(a["factor"], "factor", AugmentationChecks.Interval(low: 1, high: 8))
      try k.valueRange(a["value_range"])
    case "AutoContrast":
      try k.valueRange(a["value_range"])
    case "Equalization":
      try k.valueRange(a["value_range"])
      keepsInputDType = true
    case "RandomGrayscale":
      try k.inRange(a["factor"], "factor", 0, 1)
      keepsInputDType = true
    case "Solarization":
      try k.eachFactor(a["addition_factor"], "addition_factor", unit, symmetric: false)
      try k.eachFactor(a["threshold_factor"], "threshold_factor", unit, symmetric: false)
      try k.valueRange(a["value_range"])
    case "RandomElasticTransform", "RandomErasing":
      try k.baseFactor(a["factor"], "factor", unit)
      try k.baseFactor(a["scale"], "scale", unit)
    case "RandomGaussianBlur":
      try k.baseFactor(a["factor"], "factor", unit)
      try k.oddKernel(a["kernel_size"], "kernel_size")
      try k.baseFactor(a["sigma"], "sigma", unit)
    case "RandomPerspective":
      try k.baseFactor(a["factor"], "factor", unit)
      try k.inRange(a["scale"], "scale", 0, 1)
    case "RandomColorJitter":
      try Self.colorJitter(a, k)
    case "AugMix", "RandAugment":
      let factor = try k.baseFactor(a["factor"], "factor", unit)
      try Self.subLayers(
        factor, a, k, allOps: className == "RandAugment" || a["all_ops"].isTruthy)
    default:
      throw LayerError("\(a.layer): kshape has no argument checks for \(className)")
    }
    let own = Set(Self.signatures[className]?.parameters.map(\.name) ?? [])
    if own.contains("seed") { try a.checkSeed() }
    if own.contains("fill_mode") {
      let modes =
        className == "RandomElasticTransform"
        ? ["constant", "nearest", "wrap", "mirror", "reflect"] : AugmentationChecks.fillModes
      try a.checkMember("fill_mode", modes, message: fillMode)
    }
    if own.contains("interpolation") {
      try a.checkMember("interpolation", AugmentationChecks.interpolations, message: interpolation)
    }
  }

  /// RandomColorJitter builds RandomBrightness, RandomContrast, RandomSaturation and RandomHue
  /// for the factors that are not None, each checking its factor (and some the value range).
  private static func colorJitter(_ a: BoundArguments, _ k: AugmentationChecks)
    throws(LayerError)
  {
    let signed = AugmentationChecks.Interval(low: -1, high: 1)
    let unit = AugmentationChecks.Interval(low: 0, high: 1)
    if a["brightness_factor"] != .none {
      if a["brightness_factor"].isTruthy {
        try k.baseFactor(a["brightness_factor"], "brightness_factor", signed)
      }
      try k.valueRange(a["value_range"])
    }
    if a["contrast_factor"] != .none {
      try k.baseFactor(a["contrast_factor"], "contrast_factor", unit)
    }
    if a["saturation_factor"] != .none {
      try k.baseFactor(a["saturation_factor"], "saturation_factor", signed)
      try k.valueRange(a["value_range"])
    }
    if a["hue_factor"] != .none { try k.baseFactor(a["hue_factor"], "hue_factor", unit) }
  }

  /// AugMix and RandAugment pass their sorted factor (low, high) to RandomShear,
  /// RandomTranslation, RandomRotation and Solarization, `max(1, int(8*high))` to
  /// RandomPosterization, and value_range to every color layer; each checks what it receives.
  private static func subLayers(
    _ factor: (Value, Value), _ a: BoundArguments, _ k: AugmentationChecks, allOps: Bool
  ) throws(LayerError) {
    let pair = Value.tuple([factor.0, factor.1])
    let unit = AugmentationChecks.Interval(low: 0, high: 1)
    let signed = AugmentationChecks.Interval(low: -1, high: 1)
    try a.checkMember(
      "interpolation", AugmentationChecks.interpolations, message: "Unknown `interpolation`.")
    try k.eachFactor(pair, "factor", unit)
    try k.eachFactor(pair, "factor", signed)
    try k.baseFactor(pair, "factor", signed)
    let range = a["value_range"]
    try k.valueRange(range)
    // The checks above keep the high end in [0, 1].
    let high = min(max(factor.1.number ?? 0, 0), 1)
    let levels = max(1, Int(8 * high))
    try k.baseFactor(.int(levels), "factor", AugmentationChecks.Interval(low: 1, high: 8))
    if allOps {
      try k.baseFactor(pair, "factor", signed)
      try k.baseFactor(pair, "factor", unit)
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    if let format = rgbLayout {
      guard x.rank == 3 || x.rank == 4 else {
        throw LayerError(
          "\(c.name): Invalid images rank: expected rank 3 (single image) or rank 4 (batch of "
            + "images). Received: input_shape=\(x.kerasShape)")
      }
      let axis = format == .channelsLast ? x.rank - 1 : x.rank - 3
      if let n = x.shape[axis].value, n != 3 {
        throw LayerError(
          "\(c.name): Input images must have 3 channels, but received images with \(n) "
            + "channels (input shape \(x.kerasShape)).",
          hint: format == .channelsLast && x.shape[x.rank - 3].value == 3
            ? "the channels look first; pass data_format='channels_first'" : nil)
      }
    }
    let dtype = keepsInputDType ? c.autocast(x.dtype) : c.policy.computeDType
    return LayerOutput([TensorType(shape: x.shape, dtype: dtype)])
  }
}
