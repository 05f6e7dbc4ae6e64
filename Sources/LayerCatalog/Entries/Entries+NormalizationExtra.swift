import ShapeCore

// Normalizations beyond BatchNormalization. (SpectralNormalization wraps a layer, which needs
// layer arguments in the engine: not here yet.)

extension Catalog {
  static let normalizationExtra: [LayerEntry] = [
    LayerEntry(
      className: "LayerNormalization", aliases: [], family: "Normalization",
      signature: LayerNormalization.signature,
      rule: "shape unchanged; gamma and beta sized like the normalized axes; params = 2*prod",
      example: "LayerNormalization(axis=-1)",
      make: { a throws(LayerError) in try LayerNormalization(a) }),
    LayerEntry(
      className: "GroupNormalization", aliases: [], family: "Normalization",
      signature: GroupNormalization.signature,
      rule: "shape unchanged; groups must divide C = input_shape[axis]; params = 2*C",
      example: "GroupNormalization(groups=8)",
      make: { a throws(LayerError) in try GroupNormalization(a) }),
    LayerEntry(
      className: "UnitNormalization", aliases: [], family: "Normalization",
      signature: UnitNormalization.signature, rule: "shape unchanged; no weights",
      example: "UnitNormalization(axis=-1)",
      make: { a throws(LayerError) in try UnitNormalization(a) }),
    LayerEntry(
      className: "RMSNormalization", aliases: [], family: "Normalization",
      signature: RMSNormalization.signature,
      rule: "shape unchanged; scale sized like the normalized axes; params = prod",
      example: "RMSNormalization(axis=-1)",
      make: { a throws(LayerError) in try RMSNormalization(a) }),
  ]
}
