import ShapeCore

/// Permute: (batch, d1, ..., dn) -> (batch, d[dims[0]], ..., d[dims[n-1]]); keeps the input dtype.
///
/// `dims` must be a permutation of 1...n, and the input must have rank n + 1.
public struct Permute: Layer {
  public var dims: [Int]
  /// Keras accepts whole floats (`(2.0, 1)`) as a permutation, then fails when it indexes the
  /// shape with them.
  public var hasFloats: Bool

  public static let signature = Signature([Parameter("dims")])

  public init(_ a: BoundArguments) throws(LayerError) {
    let given = a["dims"]
    let items: [Value]
    switch given {
    case .tuple(let v), .list(let v): items = v
    case .string(""): items = []  // a string is iterable in Python: "" is the empty permutation
    case .string: items = [given]
    default:
      throw LayerError(
        "\(a.layer): `dims` must be a tuple of ints. Received: dims=\(given.pythonRepr)",
        argument: "dims", hint: "write Permute((2, 1))")
    }
    var out: [Int] = []
    var floats = false
    for item in items {
      switch item {
      case .int(let i): out.append(i)
      case .bool(let b): out.append(b ? 1 : 0)
      case .float(let d) where d == d.rounded() && abs(d) <= Double(items.count):
        out.append(Int(d))
        floats = true
      default: out.append(-1)  // never part of a permutation of 1...n
      }
    }
    guard out.sorted() == Array(0..<out.count).map({ $0 + 1 }) else {
      throw LayerError(
        "\(a.layer): Invalid permutation argument `dims` for Permute Layer. The set of indices "
          + "in `dims` must be consecutive and start from 1. Received dims=\(given.pythonRepr)",
        argument: "dims",
        hint: "a permutation of 1...\(out.count) (the batch axis 0 is never permuted)")
    }
    dims = out
    hasFloats = floats
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: dims.count + 1)
    if hasFloats {
      throw LayerError(
        "\(c.name): tuple indices must be integers or slices, not float: `dims` holds floats",
        argument: "dims", hint: "write the dims as ints")
    }
    let shape = [x.shape[0]] + dims.map { x.shape[$0] }
    return LayerOutput([TensorType(shape: shape, dtype: c.autocast(x.dtype))])
  }
}

/// RepeatVector: (batch, C) -> (batch, n, C).
public struct RepeatVector: Layer {
  public var n: Int

  public static let signature = Signature([Parameter("n")])

  public init(_ a: BoundArguments) throws(LayerError) {
    guard case .int(let n) = a["n"] else {
      throw LayerError(
        "\(a.layer): Expected an integer value for `n`. Received: n=\(a["n"].pythonRepr)",
        argument: "n")
    }
    if n <= 0 {
      throw LayerError(
        "\(a.layer): Argument `n` should be a positive integer. Received: n=\(n)", argument: "n")
    }
    self.n = n
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: 2)
    let shape = [x.shape[0], .known(n), x.shape[1]]
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
