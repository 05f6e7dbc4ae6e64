import ShapeCore

// Regularization layers beyond Dropout: all keep the shape.

extension Catalog {
  static let regularizationExtra: [LayerEntry] =
    (1...3).map { r in
      LayerEntry(
        className: "SpatialDropout\(r)D", aliases: [], family: "Regularization",
        signature: SpatialDropout.signature(rank: r),
        rule: "shape unchanged; input rank must be \(r + 2)",
        example: "SpatialDropout\(r)D(0.2)",
        make: { a throws(LayerError) in try SpatialDropout(rank: r, a) })
    } + [
      LayerEntry(
        className: "GaussianDropout", aliases: [], family: "Regularization",
        signature: Signature([Parameter("rate"), Parameter("seed", Value.none)]),
        rule: "shape unchanged", example: "GaussianDropout(0.1)",
        make: { a throws(LayerError) in try Noise.gaussianDropout(a) }),
      LayerEntry(
        className: "GaussianNoise", aliases: [], family: "Regularization",
        signature: Signature([Parameter("stddev"), Parameter("seed", Value.none)]),
        rule: "shape unchanged", example: "GaussianNoise(0.1)",
        make: { a throws(LayerError) in try Noise.gaussianNoise(a) }),
      LayerEntry(
        className: "AlphaDropout", aliases: [], family: "Regularization",
        signature: Signature([
          Parameter("rate"), Parameter("noise_shape", Value.none), Parameter("seed", Value.none),
        ]), rule: "shape unchanged", example: "AlphaDropout(0.1)",
        make: { a throws(LayerError) in try Noise.alphaDropout(a) }),
      LayerEntry(
        className: "ActivityRegularization", aliases: [], family: "Regularization",
        signature: Signature([Parameter("l1", .float(0)), Parameter("l2", .float(0))]),
        rule: "shape unchanged", example: "ActivityRegularization(l2=0.01)",
        make: { a throws(LayerError) in try Noise.activityRegularization(a) }),
    ]
}
