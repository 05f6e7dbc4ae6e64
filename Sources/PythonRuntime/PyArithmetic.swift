import Foundation
import StatementLanguage

/// Python's arithmetic on ints (64-bit, overflow raises) and floats.
enum PyArithmetic {
  static func overflow(_ range: SourceRange?) -> PyError {
    PyError(
      "OverflowError", "integer result too large: kshape's integers are 64-bit", at: range)
  }

  static func apply(_ op: PyBinaryOp, _ x: Numeric, _ y: Numeric, _ range: SourceRange?)
    throws(PyError) -> PyValue?
  {
    if case .int(let a) = x, case .int(let b) = y { return try integer(op, a, b, range) }
    switch op {
    case .lshift, .rshift, .bitor, .bitxor, .bitand, .matmul: return nil
    default: return try floating(op, x.double, y.double, range)
    }
  }

  static func integer(_ op: PyBinaryOp, _ a: Int, _ b: Int, _ range: SourceRange?)
    throws(PyError) -> PyValue?
  {
    func checked(_ r: (partialValue: Int, overflow: Bool)) throws(PyError) -> PyValue {
      guard !r.overflow else { throw overflow(range) }
      return .int(r.partialValue)
    }
    switch op {
    case .add: return try checked(a.addingReportingOverflow(b))
    case .sub: return try checked(a.subtractingReportingOverflow(b))
    case .mul: return try checked(a.multipliedReportingOverflow(by: b))
    case .truediv:
      guard b != 0 else { throw PyError("ZeroDivisionError", "division by zero", at: range) }
      return .float(Double(a) / Double(b))
    case .floordiv, .mod:
      guard b != 0 else {
        throw PyError(
          "ZeroDivisionError",
          op == .mod ? "integer modulo by zero" : "integer division or modulo by zero", at: range)
      }
      if a == Int.min && b == -1 {
        if op == .mod { return .int(0) }
        throw overflow(range)
      }
      var q = a / b
      var r = a % b
      if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1
        r += b
      }
      return .int(op == .mod ? r : q)
    case .pow:
      if b < 0 {
        guard a != 0 else {
          throw PyError(
            "ZeroDivisionError", "0.0 cannot be raised to a negative power", at: range)
        }
        return .float(Foundation.pow(Double(a), Double(b)))
      }
      var result = 1
      var base = a
      var exponent = b
      while exponent > 0 {
        if exponent & 1 == 1 {
          result = try checked(result.multipliedReportingOverflow(by: base)).int
        }
        exponent >>= 1
        if exponent > 0 { base = try checked(base.multipliedReportingOverflow(by: base)).int }
      }
      return .int(result)
    case .lshift:
      guard b >= 0 else { throw PyError("ValueError", "negative shift count", at: range) }
      if a == 0 { return .int(0) }
      guard b < 64, (a << b) >> b == a else { throw overflow(range) }
      return .int(a << b)
    case .rshift:
      guard b >= 0 else { throw PyError("ValueError", "negative shift count", at: range) }
      return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
    case .bitor: return .int(a | b)
    case .bitxor: return .int(a ^ b)
    case .bitand: return .int(a & b)
    case .matmul: return nil
    }
  }

  static func floating(_ op: PyBinaryOp, _ a: Double, _ b: Double, _ range: SourceRange?)
    throws(PyError) -> PyValue?
  {
    switch op {
    case .add: return .float(a + b)
    case .sub: return .float(a - b)
    case .mul: return .float(a * b)
    case .truediv:
      guard b != 0 else { throw PyError("ZeroDivisionError", "float division by zero", at: range) }
      return .float(a / b)
    case .floordiv, .mod:
      guard b != 0 else {
        throw PyError(
          "ZeroDivisionError", op == .mod ? "float modulo" : "float floor division by zero",
          at: range)
      }
      let (q, r) = divmod(a, b)
      return .float(op == .mod ? r : q)
    case .pow:
      if a == 0 && b < 0 {
        throw PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power", at: range)
      }
      if a < 0 && b.rounded() != b && b.isFinite {
        throw PyError(
          "ValueError",
          "complex results are not supported by kshape (negative number to a "
            + "fractional power)", at: range)
      }
      let r = Foundation.pow(a, b)
      if r.isInfinite && a.isFinite && b.isFinite {
        throw PyError("OverflowError", "(34, 'Numerical result out of range')", at: range)
      }
      return .float(r)
    default: return nil
    }
  }

  /// CPython's float_divmod.
  static func divmod(_ a: Double, _ b: Double) -> (Double, Double) {
    var mod = fmod(a, b)
    var div = (a - mod) / b
    if mod != 0 {
      if (b < 0) != (mod < 0) {
        mod += b
        div -= 1
      }
    } else {
      mod = copysign(0, b)
    }
    var floorDiv: Double
    if div != 0 {
      floorDiv = floor(div)
      if div - floorDiv > 0.5 { floorDiv += 1 }
    } else {
      floorDiv = copysign(0, a / b)
    }
    return (floorDiv, mod)
  }
}

extension PyValue {
  /// The int inside (used after a checked operation that made one).
  fileprivate var int: Int {
    if case .int(let i) = self { return i }
    return 0
  }
}
