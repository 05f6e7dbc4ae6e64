import ShapeCore

// ReversibleEmbedding: the Embedding that language models also call in reverse to get logits.

extension Catalog {
  static let reversibleEmbedding: [LayerEntry] = [
    LayerEntry(
      className: "ReversibleEmbedding", aliases: [], family: "Core",
      signature: ReversibleEmbedding.signature,
      rule: "(batch, ...) -> (batch, ..., output_dim); layer(x, reverse=True): (batch, ..., d) -> "
        + "(batch, ..., input_dim); params = input_dim*output_dim, doubled with tie_weights=False",
      example: "ReversibleEmbedding(50000, 512)",
      make: { a throws(LayerError) in try ReversibleEmbedding(a) })
  ]
}
