import ShapeCore

/// CategoryEncoding: (..., k) -> (..., num_tokens), the last axis replaced by the tokens
/// (one_hot appends an axis unless that last axis is 1 on rank >= 2); dtype = the compute dtype.
public struct CategoryEncoding: Layer {
  public var numTokens: Value
  public var oneHot: Bool

  public static let signature = Signature([
    Parameter("num_tokens", Value.none), Parameter("output_mode", .string("multi_hot")),
    Parameter("sparse", .bool(false)),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    // 'binary' is Keras's old name for 'multi_hot'.
    let modes = ["count", "one_hot", "multi_hot", "binary"]
    guard case .string(let mode) = a["output_mode"], modes.contains(mode) else {
      throw LayerError(
        "\(a.layer): Unknown arg for output_mode: \(a["output_mode"].pythonRepr); expected "
          + "'count', 'one_hot' or 'multi_hot'", argument: "output_mode")
    }
    oneHot = mode == "one_hot"
    numTokens = a["num_tokens"]
    if numTokens == .none {
      throw LayerError(
        "\(a.layer): num_tokens must be set to use this layer. If the number of tokens is not "
          + "known beforehand, use the IntegerLookup layer instead.", argument: "num_tokens")
    }
    if try Python.compare(numTokens, "<", .int(1), layer: a.layer, argument: "num_tokens") {
      throw LayerError(
        "\(a.layer): `num_tokens` must be >= 1. Received: num_tokens=\(numTokens.pythonRepr).",
        argument: "num_tokens")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    var entries = x.shape.map(ShapeEntry.dim)
    if x.rank > 0 && (!oneHot || (x.rank > 1 && x.shape[x.rank - 1].value == 1)) {
      entries.removeLast()
    }
    entries.append(.value(numTokens))
    let shape = try standardizeShape(entries, c)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}

/// Discretization: 'int' keeps the shape and gives int32; one_hot appends an axis of
/// depth = len(bin_boundaries) + 1 (or num_bins), replacing a last axis of 1 on rank >= 2;
/// multi_hot/count give (batch, in[2:]..., depth) from rank >= 2 and (depth,) from rank 1.
public struct Discretization: Layer {
  public var mode: String
  /// `len(bin_boundaries) + 1`, or `num_bins`, as Keras computes it when called.
  public var depth: Value?
  /// Why `len(bin_boundaries)` fails (an int has no len), raised only where Keras needs it.
  public var boundariesType: String?

  public static let signature = Signature([
    Parameter("bin_boundaries", Value.none), Parameter("num_bins", Value.none),
    Parameter("epsilon", .float(0.01)), Parameter("output_mode", .string("int")),
    Parameter("sparse", .bool(false)), Parameter("dtype", Value.none),
    Parameter("name", Value.none),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    let modes = ["int", "one_hot", "multi_hot", "count"]
    if a["sparse"].isTruthy && a["output_mode"] == .string("int") {
      throw LayerError(
        "\(a.layer): `sparse=True` may only be used if `output_mode` is `'one_hot'`, "
          + "`'multi_hot'`, or `'count'`. Received: sparse=\(a["sparse"].pythonRepr) and "
          + "output_mode='int'", argument: "sparse")
    }
    guard case .string(let m) = a["output_mode"], modes.contains(m) else {
      throw LayerError(
        "\(a.layer): Unknown value for `output_mode` argument of Discretization. Allowed values "
          + "are: ('int', 'one_hot', 'multi_hot', 'count'). Received: "
          + "output_mode=\(a["output_mode"].pythonRepr)", argument: "output_mode",
        hint: {
          if case .string(let s) = a["output_mode"] {
            return nearest(s, in: modes).map { "did you mean '\($0)'?" }
          }
          return nil
        }())
    }
    mode = m
    let (bins, boundaries) = (a["num_bins"], a["bin_boundaries"])
    if bins != .none, try Python.compare(bins, "<", .int(0), layer: a.layer, argument: "num_bins") {
      throw LayerError(
        "\(a.layer): `num_bins` must be greater than or equal to 0. Received: "
          + "`num_bins=\(bins.pythonRepr)`", argument: "num_bins")
    }
    if bins != .none && boundaries != .none {
      throw LayerError(
        "\(a.layer): Both `num_bins` and `bin_boundaries` should not be set. Received: "
          + "`num_bins=\(bins.pythonRepr)` and `bin_boundaries=\(boundaries.pythonRepr)`",
        argument: "num_bins")
    }
    if bins == .none && boundaries == .none {
      throw LayerError(
        "\(a.layer): You need to set either `num_bins` or `bin_boundaries`.",
        hint: "bin_boundaries=[0.0, 1.0] gives 3 bins: x < 0, 0 <= x < 1, x >= 1")
    }
    switch boundaries {
    case .none: depth = bins
    case .tuple(let xs), .list(let xs): depth = .int(xs.count + 1)
    case .string(let s): depth = .int(s.unicodeScalars.count + 1)
    default: boundariesType = boundaries.pythonTypeName
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    guard mode != "int" else {
      return LayerOutput([TensorType(shape: x.shape, dtype: .int32)])
    }
    guard let depth else {
      throw LayerError(
        "\(c.name): object of type '\(boundariesType ?? "?")' has no len(): `bin_boundaries` "
          + "must be a list of numbers", argument: "bin_boundaries")
    }
    var entries = x.shape.map(ShapeEntry.dim)
    if mode == "one_hot" {
      if x.rank > 1 && x.shape[x.rank - 1].value == 1 { entries.removeLast() }
    } else {
      entries = x.rank >= 2 ? [entries[0]] + entries.dropFirst(2) : []
    }
    let shape = try standardizeShape(entries + [.value(depth)], c)
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
