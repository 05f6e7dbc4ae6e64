import ShapeCore

// Activation layers with their own classes: LeakyReLU, PReLU, ELU, Softmax.

extension Catalog {
  static let activationsExtra: [LayerEntry] = [
    LayerEntry(
      className: "LeakyReLU", aliases: [], family: "Activations",
      signature: SameShape.leakyReLUSignature, rule: "shape unchanged",
      example: "LeakyReLU(negative_slope=0.2)",
      make: { a throws(LayerError) in try SameShape.leakyReLU(a) }),
    LayerEntry(
      className: "PReLU", aliases: [], family: "Activations", signature: PReLU.signature,
      rule: "shape unchanged; alpha = input shape without batch, shared axes set to 1; "
        + "params = prod(alpha)",
      example: "PReLU(shared_axes=[1, 2])", make: { a throws(LayerError) in try PReLU(a) }),
    LayerEntry(
      className: "ELU", aliases: [], family: "Activations",
      signature: Signature([Parameter("alpha", .float(1))]), rule: "shape unchanged",
      example: "ELU(alpha=1.0)", make: { a throws(LayerError) in try SameShape.unchecked(a) }),
    LayerEntry(
      className: "Softmax", aliases: [], family: "Activations",
      signature: Signature([Parameter("axis", .int(-1))]), rule: "shape unchanged",
      example: "Softmax(axis=-1)", make: { a throws(LayerError) in try SameShape.unchecked(a) }),
  ]
}
