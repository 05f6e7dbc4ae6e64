/// Layers that Keras creates inside another layer take auto-names from the same counters as
/// the user's layers: after two MultiHeadAttention calls, a user's `Dropout` is `dropout_2`.
/// Measured in Keras 3.15 (the global `object_name_uids` before and after each step).
enum Sublayers {
  /// Auto-name prefixes taken when the layer is constructed (`__init__` makes them).
  static let atInit: [String: [String]] = [
    "AugMix": augmentations, "RandAugment": augmentations,
  ]
  /// Auto-name prefixes taken when the layer is built, at its first call.
  static let atBuild: [String: [String]] = [
    "MultiHeadAttention": ["softmax", "dropout"],
    "GroupedQueryAttention": ["softmax", "dropout"],
  ]

  /// `atBuild[className]`, looked up only for a name as long as one of its classes' (every
  /// layer's first call asks: most answers need no hashing).
  static func atBuild(_ className: String) -> [String]? {
    atBuildNameLengths.contains(className.utf8.count) ? atBuild[className] : nil
  }
  private static let atBuildNameLengths = atBuild.keys.map(\.utf8.count)

  /// The augmentations AugMix and RandAugment make in `__init__`.
  static let augmentations = [
    "random_shear", "random_translation", "random_rotation", "solarization",
    "random_posterization", "auto_contrast", "equalization", "random_brightness",
    "random_color_degeneration", "random_contrast", "random_sharpness",
  ]
}
