import ShapeCore

/// The receptive field along one spatial axis, as a function of the output position o: the
/// input interval [lo(o), hi(o)] that o depends on (the hull of it, as Araujo et al. define the
/// receptive field), possibly empty.
///
/// Periodic: lo(o + period) = lo(o) + step, so one period describes every position exactly,
/// through strides (period shrinks), upsampling and transposed convolutions (period grows), and
/// merges. For a network of convolutions and poolings the period is 1 and this is Distill's
/// (r, j, start): r = hi(0) - lo(0) + 1, j = step, start = lo(0).
public struct AxisField: Hashable, Sendable {
  public private(set) var period: Int
  /// Input positions moved per period of output positions.
  public private(set) var step: Int
  private var lo: [Int]
  private var hi: [Int]

  /// The input itself: each position is its own field.
  public static let input = AxisField(period: 1, step: 1, lo: [0], hi: [0])

  /// Longest period kept; beyond it (a chain of upsamplings by large factors) the field is not
  /// traced rather than costing more than the network's own size.
  static let maxPeriod = 4096

  /// The largest field over all output positions: what "the receptive field" of a layer is.
  public var size: Int {
    zip(lo, hi).map { l, h in h >= l ? h - l + 1 : 0 }.max() ?? 0
  }

  /// The effective stride (jump) as a reduced fraction: input positions per output position.
  public var jump: (numerator: Int, denominator: Int) {
    let g = Checked.gcd(step, period)
    return g == 0 ? (step, period) : (step / g, period / g)
  }

  /// The first input position that output position 0 depends on (negative where it starts in
  /// the padding); nil when position 0 depends on no input position.
  public var start: Int? { hi[0] >= lo[0] ? lo[0] : nil }

  /// The interval of output position `o`; nil when it depends on no input position.
  public func interval(_ o: Int) throws(ArithmeticOverflow) -> ClosedRange<Int>? {
    let q = Checked.floorDiv(o, period)
    let r = Checked.floorMod(o, period)
    guard hi[r] >= lo[r] else { return nil }
    let shift = try Checked.mul(q, step)
    return try Checked.add(lo[r], shift)...Checked.add(hi[r], shift)
  }

  /// The hull of the intervals of positions first, first+spacing, ... (count of them); lo and
  /// hi are non-decreasing over positions that are not empty, so only the first and last
  /// non-empty ones matter, and emptiness repeats within a period.
  func hull(first: Int, spacing: Int, count: Int) throws(ArithmeticOverflow) -> ClosedRange<Int>? {
    guard count > 0 else { return nil }
    let tries = min(count, period + 1)
    var low: Int?
    for m in 0..<tries {
      if let i = try interval(Checked.add(first, Checked.mul(m, spacing))) {
        low = i.lowerBound
        break
      }
    }
    guard let low else { return nil }
    let last = try Checked.add(first, Checked.mul(count - 1, spacing))
    for m in 0..<tries {
      if let i = try interval(Checked.sub(last, Checked.mul(m, spacing))) {
        return low...max(low, i.upperBound)
      }
    }
    return nil
  }

  /// A new field from the taps each output position reads in this one: `taps(o)` gives the
  /// first tap, spacing and count (count 0: reads nothing). `outputsPerPeriod` output
  /// positions advance this field by `inputsPerPeriod` positions.
  func mapped(
    outputs: Int, inputs: Int, taps: (Int) throws(ArithmeticOverflow) -> (Int, Int, Int)
  ) throws(ArithmeticOverflow) -> AxisField {
    // The new period: the smallest number of output positions whose taps advance a whole
    // number of this field's periods.
    let g = Checked.gcd(try Checked.mul(period, outputs), inputs)
    let newPeriod = try Checked.mul(period, outputs) / max(g, 1)
    guard newPeriod <= Self.maxPeriod else { throw ArithmeticOverflow() }
    let advanced = try Checked.mul(newPeriod, inputs) / outputs
    let newStep = try Checked.mul(advanced / period, step)
    var l: [Int] = []
    var h: [Int] = []
    for o in 0..<newPeriod {
      let (first, spacing, count) = try taps(o)
      if let r = try hull(first: first, spacing: spacing, count: count) {
        l.append(r.lowerBound)
        h.append(r.upperBound)
      } else {
        l.append(1)
        h.append(0)
      }
    }
    return AxisField(period: newPeriod, step: newStep, lo: l, hi: h)
  }

  /// The union (hull) of fields of tensors with the same positions (an elementwise merge).
  static func union(_ fields: [AxisField]) throws(ArithmeticOverflow) -> AxisField? {
    guard var result = fields.first else { return nil }
    for f in fields.dropFirst() {
      // Same rate of input per output position, else the positions do not line up.
      guard try Checked.mul(f.step, result.period) == Checked.mul(result.step, f.period) else {
        return nil
      }
      let p = try Checked.lcm(result.period, f.period)
      guard p <= maxPeriod else { throw ArithmeticOverflow() }
      var l: [Int] = []
      var h: [Int] = []
      for o in 0..<p {
        let a = try result.interval(o)
        let b = try f.interval(o)
        switch (a, b) {
        case (let x?, let y?):
          l.append(min(x.lowerBound, y.lowerBound))
          h.append(max(x.upperBound, y.upperBound))
        case (let x?, nil), (nil, let x?):
          l.append(x.lowerBound)
          h.append(x.upperBound)
        case (nil, nil):
          l.append(1)
          h.append(0)
        }
      }
      result = AxisField(
        period: p, step: try Checked.mul(result.step, p / result.period), lo: l, hi: h)
    }
    return result
  }
}
