import ShapeCore

extension Augmentation {
  /// Every augmentation class: its Keras signature and an example.
  public static let classes: [(name: String, signature: Signature, example: String)] = [
    (
      "RandomFlip",
      Signature([
        Parameter("mode", .string("horizontal_and_vertical")), Parameter("seed", Value.none),
        Parameter("data_format", Value.none),
      ]), #"RandomFlip("horizontal")"#
    ),
    (
      "RandomRotation",
      Signature([
        Parameter("factor"), Parameter("fill_mode", .string("reflect")),
        Parameter("interpolation", .string("bilinear")), Parameter("seed", Value.none),
        Parameter("fill_value", .float(0.0)), Parameter("data_format", Value.none),
      ]), #"RandomRotation(0.1)"#
    ),
    (
      "RandomZoom",
      Signature([
        Parameter("height_factor"), Parameter("width_factor", Value.none),
        Parameter("fill_mode", .string("reflect")), Parameter("interpolation", .string("bilinear")),
        Parameter("seed", Value.none), Parameter("fill_value", .float(0.0)),
        Parameter("data_format", Value.none),
      ]), #"RandomZoom(0.2)"#
    ),
    (
      "RandomTranslation",
      Signature([
        Parameter("height_factor"), Parameter("width_factor"),
        Parameter("fill_mode", .string("reflect")), Parameter("interpolation", .string("bilinear")),
        Parameter("seed", Value.none), Parameter("fill_value", .float(0.0)),
        Parameter("data_format", Value.none),
      ]), #"RandomTranslation(0.1, 0.1)"#
    ),
    (
      "RandomContrast",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("seed", Value.none),
      ]), #"RandomContrast(0.2)"#
    ),
    (
      "RandomBrightness",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("seed", Value.none),
      ]), #"RandomBrightness(0.2)"#
    ),
    (
      "RandomColorDegeneration",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("data_format", Value.none), Parameter("seed", Value.none),
      ]), #"RandomColorDegeneration(0.5)"#
    ),
    (
      "RandomColorJitter",
      Signature([
        Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("brightness_factor", Value.none), Parameter("contrast_factor", Value.none),
        Parameter("saturation_factor", Value.none), Parameter("hue_factor", Value.none),
        Parameter("seed", Value.none), Parameter("data_format", Value.none),
      ]), #"RandomColorJitter(brightness_factor=0.2, hue_factor=0.1)"#
    ),
    (
      "RandomElasticTransform",
      Signature([
        Parameter("factor", .float(1.0)), Parameter("scale", .float(1.0)),
        Parameter("interpolation", .string("bilinear")), Parameter("fill_mode", .string("reflect")),
        Parameter("fill_value", .float(0.0)),
        Parameter("value_range", .tuple([.int(0), .int(255)])), Parameter("seed", Value.none),
        Parameter("data_format", Value.none),
      ]), #"RandomElasticTransform(0.5)"#
    ),
    (
      "RandomErasing",
      Signature([
        Parameter("factor", .float(1.0)), Parameter("scale", .tuple([.float(0.02), .float(0.33)])),
        Parameter("fill_value", Value.none),
        Parameter("value_range", .tuple([.int(0), .int(255)])), Parameter("seed", Value.none),
        Parameter("data_format", Value.none),
      ]), #"RandomErasing(0.5)"#
    ),
    (
      "RandomGaussianBlur",
      Signature([
        Parameter("factor", .float(1.0)), Parameter("kernel_size", .int(3)),
        Parameter("sigma", .float(1.0)), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("data_format", Value.none), Parameter("seed", Value.none),
      ]), #"RandomGaussianBlur(0.5, kernel_size=5)"#
    ),
    (
      "RandomGrayscale",
      Signature([
        Parameter("factor", .float(0.5)), Parameter("data_format", Value.none),
        Parameter("seed", Value.none),
      ]), #"RandomGrayscale(0.2)"#
    ),
    (
      "RandomHue",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("data_format", Value.none), Parameter("seed", Value.none),
      ]), #"RandomHue(0.2)"#
    ),
    (
      "RandomInvert",
      Signature([
        Parameter("factor", .float(1.0)), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("seed", Value.none), Parameter("data_format", Value.none),
      ]), #"RandomInvert(0.5)"#
    ),
    (
      "RandomPerspective",
      Signature([
        Parameter("factor", .float(1.0)), Parameter("scale", .float(1.0)),
        Parameter("interpolation", .string("bilinear")), Parameter("fill_value", .float(0.0)),
        Parameter("seed", Value.none), Parameter("data_format", Value.none),
      ]), #"RandomPerspective(0.5)"#
    ),
    (
      "RandomPosterization",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("data_format", Value.none), Parameter("seed", Value.none),
      ]), #"RandomPosterization(4)"#
    ),
    (
      "RandomSaturation",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("data_format", Value.none), Parameter("seed", Value.none),
      ]), #"RandomSaturation(0.5)"#
    ),
    (
      "RandomSharpness",
      Signature([
        Parameter("factor"), Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("data_format", Value.none), Parameter("seed", Value.none),
      ]), #"RandomSharpness(0.5)"#
    ),
    (
      "RandomShear",
      Signature([
        Parameter("x_factor", .float(0.0)), Parameter("y_factor", .float(0.0)),
        Parameter("interpolation", .string("bilinear")), Parameter("fill_mode", .string("reflect")),
        Parameter("fill_value", .float(0.0)), Parameter("data_format", Value.none),
        Parameter("seed", Value.none),
      ]), #"RandomShear(0.2, 0.2)"#
    ),
    (
      "Solarization",
      Signature([
        Parameter("addition_factor", .float(0.0)), Parameter("threshold_factor", .float(0.0)),
        Parameter("value_range", .tuple([.int(0), .int(255)])), Parameter("seed", Value.none),
      ]), #"Solarization(0.2, 0.5)"#
    ),
    (
      "AutoContrast", Signature([Parameter("value_range", .tuple([.int(0), .int(255)]))]),
      #"AutoContrast()"#
    ),
    (
      "Equalization",
      Signature([
        Parameter("value_range", .tuple([.int(0), .int(255)])), Parameter("bins", .int(256)),
        Parameter("data_format", Value.none),
      ]), #"Equalization()"#
    ),
    (
      "ContrastLimitedAdaptiveHistogramEqualization",
      Signature([
        Parameter("value_range", .tuple([.int(0), .int(255)])),
        Parameter("clip_limit", .float(4.0)),
        Parameter("tile_grid_size", .tuple([.int(8), .int(8)])),
        Parameter("data_format", Value.none),
      ]), #"ContrastLimitedAdaptiveHistogramEqualization()"#
    ),
    (
      "CutMix",
      Signature([
        Parameter("factor", .float(1.0)), Parameter("seed", Value.none),
        Parameter("data_format", Value.none),
      ]), #"CutMix()"#
    ),
    (
      "MixUp",
      Signature([
        Parameter("alpha", .float(0.2)), Parameter("data_format", Value.none),
        Parameter("seed", Value.none),
      ]), #"MixUp()"#
    ),
    (
      "AugMix",
      Signature([
        Parameter("value_range", .tuple([.int(0), .int(255)])), Parameter("num_chains", .int(3)),
        Parameter("chain_depth", .int(3)), Parameter("factor", .float(0.3)),
        Parameter("alpha", .float(1.0)), Parameter("all_ops", .bool(true)),
        Parameter("interpolation", .string("bilinear")), Parameter("seed", Value.none),
        Parameter("data_format", Value.none),
      ]), #"AugMix()"#
    ),
    (
      "RandAugment",
      Signature([
        Parameter("value_range", .tuple([.int(0), .int(255)])), Parameter("num_ops", .int(2)),
        Parameter("factor", .float(0.5)), Parameter("interpolation", .string("bilinear")),
        Parameter("seed", Value.none), Parameter("data_format", Value.none),
      ]), #"RandAugment()"#
    ),
  ]

  /// Classes that keep BaseImagePreprocessingLayer's own `factor` (through `**kwargs`): a
  /// number in [-1, 1] or a pair overlapping it, falsy for none.
  static let baseFactorClasses: Set<String> = [
    "ContrastLimitedAdaptiveHistogramEqualization", "Equalization", "MixUp", "RandomColorJitter",
    "RandomCrop",
  ]

  /// `signature` plus what BaseImagePreprocessingLayer reads from `**kwargs`:
  /// `bounding_box_format`, `data_format` where the class does not take it, and `factor` for
  /// `baseFactorClasses`.
  public static func withBaseKeywords(_ signature: Signature, _ name: String) -> Signature {
    let own = Set(signature.parameters.map(\.name))
    var extra = [Parameter("bounding_box_format", Value.none)]
    if !own.contains("data_format") { extra.append(Parameter("data_format", Value.none)) }
    if baseFactorClasses.contains(name) { extra.append(Parameter("factor", Value.none)) }
    return Signature(signature.parameters, extraKeywords: extra)
  }

  /// The signatures by class name.
  static let signatures: [String: Signature] = Dictionary(
    uniqueKeysWithValues: classes.map { ($0.name, $0.signature) })
}
