import ShapeCore

/// ZeroPadding1D/2D/3D: each spatial dim grows by its (before, after) pads.
public struct ZeroPadding: Layer {
  public var rank: Int
  public var pads: [(Int, Int)]
  public var dataFormat: DataFormat

  public static func signature(rank: Int) -> Signature {
    let d: Value? =
      switch rank {
      case 1: .int(1)
      case 2: .tuple([.int(1), .int(1)])
      default: .tuple(Array(repeating: .tuple([.int(1), .int(1)]), count: rank))
      }
    return Signature([Parameter("padding", d), Parameter("data_format", Value.none)])
  }

  /// Accepts an int, a tuple of `rank` ints (symmetric), or `rank` pairs; for 1-D, an int or a pair.
  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    dataFormat = try DataFormat(a)
    // The message is made only when it is thrown (it formats values: not on every call).
    func bad() -> LayerError {
      LayerError(
        "\(a.layer): `padding` should be an int, a tuple of \(rank) ints, or a tuple of \(rank) "
          + "tuples of 2 ints. Received: padding=\(a["padding"].pythonRepr)", argument: "padding")
    }
    switch a["padding"] {
    case .int(let p):
      pads = Array(repeating: (p, p), count: rank)
    case .tuple(let items), .list(let items):
      if rank == 1 {
        // ZeroPadding1D reads a sequence as (left, right): `(2,)` is refused, not (2, 2).
        guard items.count == 2, case .int(let lo) = items[0], case .int(let hi) = items[1] else {
          throw LayerError(
            "\(a.layer): The `padding` argument must be a tuple of 2 integers. "
              + "Received padding=\(a["padding"].pythonRepr)", argument: "padding")
        }
        pads = [(lo, hi)]
      } else if items.count == rank {
        var out: [(Int, Int)] = []
        for item in items {
          switch item {
          case .int(let p): out.append((p, p))
          case .tuple(let pair) where pair.count == 2, .list(let pair) where pair.count == 2:
            guard case .int(let lo) = pair[0], case .int(let hi) = pair[1] else { throw bad() }
            out.append((lo, hi))
          default: throw bad()
          }
        }
        pads = out
      } else {
        throw bad()
      }
    default:
      throw bad()
    }
    // ZeroPadding2D/3D accept negative pads (they crop); ZeroPadding1D checks `value >= 0`.
    if rank == 1, pads.contains(where: { $0.0 < 0 || $0.1 < 0 }) {
      throw LayerError(
        "\(a.layer): The `padding` argument must be a tuple of 2 integers, all non-negative. "
          + "Received padding=\(a["padding"].pythonRepr)", argument: "padding")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    try dataFormat.mapSpatial(input, rank: rank, c) { (i, d) throws(ArithmeticOverflow) in
      try d + Checked.add(pads[i].0, pads[i].1)
    }
  }
}

/// UpSampling1D/2D/3D: each spatial dim times its size.
public struct UpSampling: Layer {
  public var rank: Int
  public var size: [Int]
  public var dataFormat: DataFormat

  public static func signature(rank: Int) -> Signature {
    switch rank {
    case 1: return Signature([Parameter("size", .int(2))])
    case 2:
      return Signature([
        Parameter("size", .tuple([.int(2), .int(2)])), Parameter("data_format", Value.none),
        Parameter("interpolation", .string("nearest")),
      ])
    default:
      return Signature([
        Parameter("size", .tuple(Array(repeating: .int(2), count: rank))),
        Parameter("data_format", Value.none),
      ])
    }
  }

  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    size = try a.positiveInts("size", rank: rank)
    dataFormat = rank == 1 ? .channelsLast : try DataFormat(a)
    // Keras checks `interpolation` only when it runs the op, never for shapes.
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    try dataFormat.mapSpatial(input, rank: rank, c) { (i, d) throws(ArithmeticOverflow) in
      try d * size[i]
    }
  }
}
