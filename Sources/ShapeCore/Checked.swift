/// Arithmetic on user-controlled sizes: every operation is checked, and overflow is an error, not a trap.
public struct ArithmeticOverflow: Error, Hashable, Sendable {
  public init() {}
}

/// Overflow-checked integer operations.
public enum Checked {
  public static func add(_ a: Int, _ b: Int) throws(ArithmeticOverflow) -> Int {
    let (r, o) = a.addingReportingOverflow(b)
    if o { throw ArithmeticOverflow() }
    return r
  }

  public static func sub(_ a: Int, _ b: Int) throws(ArithmeticOverflow) -> Int {
    let (r, o) = a.subtractingReportingOverflow(b)
    if o { throw ArithmeticOverflow() }
    return r
  }

  public static func mul(_ a: Int, _ b: Int) throws(ArithmeticOverflow) -> Int {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    if o { throw ArithmeticOverflow() }
    return r
  }

  /// The product of all values, checked.
  @inlinable
  public static func product(_ values: some Sequence<Int>) throws(ArithmeticOverflow) -> Int {
    var r = 1
    for v in values {
      let (p, o) = r.multipliedReportingOverflow(by: v)
      if o { throw ArithmeticOverflow() }
      r = p
    }
    return r
  }

  /// The product of a shape's sizes (every weight's parameter count, every size shown), without
  /// the generic sequence's cost: inlined where it is called.
  @inlinable
  public static func product(_ values: [Int]) throws(ArithmeticOverflow) -> Int {
    var r = 1
    for v in values {
      let (p, o) = r.multipliedReportingOverflow(by: v)
      if o { throw ArithmeticOverflow() }
      r = p
    }
    return r
  }

  /// Python's `a // b` for b > 0: rounds toward negative infinity.
  /// The greatest common divisor (non-negative).
  public static func gcd(_ a: Int, _ b: Int) -> Int { ShapeCore.gcd(a, b) }

  /// The least common multiple of positive ints; an overflow is an error.
  public static func lcm(_ a: Int, _ b: Int) throws(ArithmeticOverflow) -> Int {
    try mul(a / max(gcd(a, b), 1), b)
  }

  public static func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  /// Python's `a % b` for b > 0: always in 0..<b.
  public static func floorMod(_ a: Int, _ b: Int) -> Int {
    let r = a % b
    return r < 0 ? r + b : r
  }
}

/// The greatest common divisor of two integers (non-negative).
func gcd(_ a: Int, _ b: Int) -> Int {
  var (x, y) = (a.magnitude, b.magnitude)
  while y != 0 { (x, y) = (y, x % y) }
  return Int(clamping: x)
}
