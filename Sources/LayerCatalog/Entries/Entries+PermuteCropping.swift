import ShapeCore

// Reshaping by axes: Permute, RepeatVector, Cropping1D/2D/3D.

extension Catalog {
  static let permuteCropping: [LayerEntry] =
    [
      LayerEntry(
        className: "Permute", aliases: [], family: "Reshaping", signature: Permute.signature,
        rule: "(batch, d1, ..., dn) -> (batch, d[dims[0]], ..., d[dims[n-1]]); dims is a "
          + "permutation of 1...n", example: "Permute((2, 1))",
        make: { a throws(LayerError) in try Permute(a) }),
      LayerEntry(
        className: "RepeatVector", aliases: [], family: "Reshaping",
        signature: RepeatVector.signature, rule: "(batch, C) -> (batch, n, C)",
        example: "RepeatVector(3)", make: { a throws(LayerError) in try RepeatVector(a) }),
    ]
    + (1...3).map { r in
      LayerEntry(
        className: "Cropping\(r)D", aliases: [], family: "Reshaping",
        signature: Cropping.signature(rank: r),
        rule: "each spatial dim - before - after; a known dim must stay > 0",
        example: "Cropping\(r)D(\(r == 2 ? "((2, 2), (4, 4))" : r == 1 ? "(1, 2)" : "1"))",
        make: { a throws(LayerError) in try Cropping(rank: r, a) })
    }
}
