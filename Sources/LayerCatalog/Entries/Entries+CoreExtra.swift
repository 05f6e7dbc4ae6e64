import ShapeCore

// Core layers beyond Dense: EinsumDense, Embedding, Identity, Masking.
// (Lambda stays in Catalog.opaque: its shape comes from running Python.)

extension Catalog {
  static let coreExtra: [LayerEntry] = [
    LayerEntry(
      className: "EinsumDense", aliases: [], family: "Core", signature: EinsumDense.signature,
      rule: "(batch, *output_shape) plus the dims under '...'; kernel dims from the output where "
        + "named, else from the input; params = prod(kernel) + prod(bias)",
      example: "EinsumDense(\"...x,xy->...y\", output_shape=64, bias_axes=\"y\")",
      make: { a throws(LayerError) in try EinsumDense(a) }),
    LayerEntry(
      className: "Embedding", aliases: [], family: "Core", signature: Embedding.signature,
      rule: "(batch, ...) -> (batch, ..., output_dim), float output for int ids; "
        + "params = input_dim*output_dim",
      example: "Embedding(10000, 64)", make: { a throws(LayerError) in try Embedding(a) }),
    LayerEntry(
      className: "Identity", aliases: [], family: "Core", signature: Identity.signature,
      rule: "shape and dtype unchanged", example: "Identity()",
      make: { a throws(LayerError) in try Identity(a) }),
    LayerEntry(
      className: "Masking", aliases: [], family: "Core", signature: SameShape.maskingSignature,
      rule: "shape unchanged (adds a mask over the last axis)", example: "Masking(0.0)",
      make: { a throws(LayerError) in try SameShape.masking(a) }),
  ]
}
