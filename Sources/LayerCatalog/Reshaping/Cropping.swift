import ShapeCore

/// Cropping1D/2D/3D: each spatial dim loses its (before, after) crops; a known dim must stay > 0.
///
/// out = in - before - after per spatial axis; an unknown dim stays unknown.
public struct Cropping: Layer {
  public var rank: Int
  public var crops: [(Int, Int)]
  /// Axes whose crop Keras keeps as a float (`((1.0, 1), 2)`): it accepts them, and fails when a
  /// known dim minus the float becomes a shape.
  public var floatAxes: Set<Int>
  public var dataFormat: DataFormat

  public static func signature(rank: Int) -> Signature {
    let pair: Value = .tuple([.int(rank == 2 ? 0 : 1), .int(rank == 2 ? 0 : 1)])
    if rank == 1 { return Signature([Parameter("cropping", pair)]) }
    return Signature([
      Parameter("cropping", .tuple(Array(repeating: pair, count: rank))),
      Parameter("data_format", Value.none),
    ])
  }

  /// Cropping1D: an int or a pair. Cropping2D/3D: an int, or `rank` entries that are each an int
  /// (symmetric) or a pair.
  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    dataFormat = rank == 1 ? .channelsLast : try DataFormat(a)
    let given = a["cropping"]
    // The message is made only when it is thrown (it formats values: not on every call).
    func bad() -> LayerError {
      LayerError(
        "\(a.layer): `cropping` should be an int, a tuple of \(rank == 1 ? 2 : rank) ints, "
          + (rank == 1 ? "" : "or a tuple of \(rank) tuples of 2 non-negative ints") + ". "
          + "Received: cropping=\(given.pythonRepr)", argument: "cropping")
    }
    var entries: [(Int, Int, Bool)] = []
    switch given {
    case .int where rank > 1, .bool where rank > 1:
      guard let p = Self.pair(given) else { throw bad() }
      entries = Array(repeating: p, count: rank)
    case .tuple(let items) where rank > 1 && items.count == rank,
      .list(let items) where rank > 1 && items.count == rank:
      for item in items {
        guard let p = Self.pair(item) else { throw bad() }
        entries.append(p)
      }
    default:
      guard rank == 1, let p = Self.pair(given) else { throw bad() }
      entries = [p]
    }
    crops = entries.map { ($0.0, $0.1) }
    floatAxes = Set(entries.indices.filter { entries[$0].2 })
  }

  /// Keras's `standardize_tuple(v, 2, allow_zero=True)`: an int, or two non-negative numbers
  /// (floats included: the flag); nil where it raises.
  static func pair(_ v: Value) -> (Int, Int, Bool)? {
    func number(_ v: Value) -> (Int, Bool)? {
      switch v {
      case .int(let i) where i >= 0: return (i, false)
      case .bool(let b): return (b ? 1 : 0, false)
      case .float(let d) where d >= 0: return (0, true)
      default: return nil
      }
    }
    switch v {
    case .int, .bool:
      guard let (i, _) = number(v) else { return nil }
      return (i, i, false)
    case .tuple(let xs) where xs.count == 2, .list(let xs) where xs.count == 2:
      guard let (lo, f0) = number(xs[0]), let (hi, f1) = number(xs[1]) else { return nil }
      return (lo, hi, f0 || f1)
    default: return nil
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    try c.requireRank(x, exactly: rank + 2)
    let spatial = dataFormat.split(x.shape).spatial
    let names = axisNames(rank)
    for (i, d) in spatial.enumerated() {
      guard let n = d.value else { continue }
      if floatAxes.contains(i) {
        throw LayerError(
          "\(c.name): the \(names[i]) crop holds a float, which cannot make a shape (input shape "
            + "\(x.kerasShape))", argument: "cropping", hint: "write the crops as ints")
      }
      // A sum past Int.max is past any dim too.
      let total = try? Checked.add(crops[i].0, crops[i].1)
      if (total ?? n) >= n {
        throw LayerError(
          "\(c.name): the \(names[i]) crop \(crops[i].0) + \(crops[i].1) must be smaller than the "
            + "\(names[i]) \(n). Received: input_shape=\(x.kerasShape), cropping="
            + TensorType.tuple(crops.map { TensorType.tuple(["\($0.0)", "\($0.1)"]) }),
          argument: "cropping",
          hint: (try? Checked.add(total ?? Int.max, 1)).map {
            "the smallest \(names[i]) that works is \($0)"
          })
      }
    }
    return try dataFormat.mapSpatial(input, rank: rank, c) { (i, d) throws(ArithmeticOverflow) in
      try floatAxes.contains(i) ? Dim.unknown : d - Checked.add(crops[i].0, crops[i].1)
    }
  }
}
