import ShapeCore

// Adaptive pooling: the spatial dims become output_size.

extension Catalog {
  static let adaptivePooling: [LayerEntry] =
    (1...3).flatMap { r in
      ["Average", "Max"].map { kind in
        LayerEntry(
          className: "Adaptive\(kind)Pooling\(r)D", aliases: [], family: "Pooling",
          signature: AdaptivePooling.signature,
          rule: "(batch, spatial..., C) -> (batch, *output_size, C); an int output_size is "
            + "repeated on every spatial axis",
          example: "Adaptive\(kind)Pooling\(r)D(\(r == 1 ? "8" : r == 2 ? "(7, 7)" : "4"))",
          make: { a throws(LayerError) in try AdaptivePooling(rank: r, a) })
      }
    }
}
