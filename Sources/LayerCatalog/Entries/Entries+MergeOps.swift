import ShapeCore

// Merges beyond Add and Concatenate: the other elementwise merges (one `ElementwiseMerge`
// parameterised by the class), and Dot.

extension Catalog {
  static let mergeOps: [LayerEntry] =
    ElementwiseMerge.Operation.allCases.filter { $0 != .add }.map { op in
      LayerEntry(
        className: op.rawValue, aliases: [], family: "Merging",
        signature: ElementwiseMerge.signature,
        rule: "elementwise over a list; size-1 dims broadcast"
          + (op == .subtract ? "; exactly 2 inputs" : ""),
        example: "\(op.rawValue)()([a, b])",
        make: { a throws(LayerError) in try ElementwiseMerge(a, operation: op) })
    }
    + [
      LayerEntry(
        className: "Dot", aliases: [], family: "Merging", signature: Dot.signature,
        rule: "x without axes[0] + y without batch and axes[1]; x.shape[axes[0]] must equal "
          + "y.shape[axes[1]]; (batch,) -> (batch, 1)",
        example: "Dot(axes=(2, 2))([a, b])", make: { a throws(LayerError) in try Dot(a) })
    ]
}
