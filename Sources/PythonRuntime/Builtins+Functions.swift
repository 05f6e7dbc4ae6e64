import Foundation
import StatementLanguage

/// The builtins with bodies of their own (the table in Builtins.swift names them).
extension Builtins {

  /// `hash(x)` as CPython computes it for numbers and tuples (modulo the Mersenne prime 2**61 - 1,
  /// so `hash(1) == hash(1.0) == hash(True)`); strings hash the same in every run (CPython's are
  /// salted per process).
  static func hash(_ value: PyValue, _ i: Interpreter, _ range: SourceRange?) throws(PyError)
    -> Int
  {
    try i.checkHashable(value, range)
    switch value {
    case .none: return 0x5F37_59DF
    case .bool(let b): return b ? 1 : 0
    case .int(let n): return PyHash.int(n)
    case .float(let f): return PyHash.double(f)
    case .str(let s): return PyHash.pythonString(s)
    case .tuple(let items):
      var lanes: [Int] = []
      for item in items { lanes.append(try hash(item, i, range)) }
      return PyHash.tuple(lanes)
    case .object(let o): return ObjectIdentifier(o).hashValue
    case .list, .dict: return 0
    }
  }

  static func print(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    var sep = " "
    var end = "\n"
    for keyword in a.keywords {
      switch keyword.name {
      case "sep", "end":
        var text: String?
        switch keyword.value {
        case .none: text = nil
        case .str(let s): text = s
        default:
          throw PyError(
            "TypeError",
            "\(keyword.name) must be None or a string, not "
              + i.typeName(of: keyword.value), at: keyword.range ?? a.range)
        }
        if keyword.name == "sep" { sep = text ?? " " } else { end = text ?? "\n" }
      case "flush": break
      default:
        throw PyError(
          "TypeError", "'\(keyword.name)' is an invalid keyword argument for print()",
          at: keyword.range ?? a.range)
      }
    }
    i.write(a.positional.map { i.str($0.value) }.joined(separator: sep) + end)
    return .none
  }

  static func len(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let value = try a.unpack("len", ["obj"], required: 1)[0] ?? .none
    switch value {
    case .str(let s): return .int(i.stringView(s).count)
    case .tuple(let t): return .int(t.count)
    case .list(let l): return .int(l.items.count)
    case .dict(let d): return .int(d.count)
    case .object(let o):
      if let n = o.length { return .int(n) }
    default: break
    }
    throw PyError(
      "TypeError", "object of type '\(i.typeName(of: value))' has no len()", at: a.range)
  }

  static func isinstance(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack("isinstance", ["obj", "class_or_tuple"], required: 2)
    let value = v[0] ?? .none
    func check(_ classes: PyValue) throws(PyError) -> Bool {
      if case .tuple(let items) = classes {
        for item in items where try check(item) { return true }
        return false
      }
      if case .object(let o) = classes, let result = try o.isInstance(value, i) { return result }
      throw PyError(
        "TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union",
        at: a.positional.count > 1 ? a.positional[1].range : a.range)
    }
    return .bool(try check(v[1] ?? .none))
  }

  static func abs(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let value = try a.unpack("abs", ["x"], required: 1)[0] ?? .none
    switch value.numeric {
    case .int(let n):
      guard n != Int.min else { throw PyArithmetic.overflow(a.range) }
      return .int(Swift.abs(n))
    case .float(let f): return .float(Swift.abs(f))
    case nil:
      throw PyError(
        "TypeError", "bad operand type for abs(): '\(i.typeName(of: value))'", at: a.range)
    }
  }

  static func round(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack(
      "round", ["number", "ndigits"], required: 1, keywords: ["number", "ndigits"])
    let value = v[0] ?? .none
    var digits: Int?
    if let d = v[1], case .none = d {} else if let d = v[1] { digits = try int(d, i, a.range) }
    switch value.numeric {
    case .int(let n):
      guard let digits, digits < 0 else { return .int(n) }
      guard digits > -19 else { return .int(0) }
      var p = 1
      for _ in 0..<(-digits) { p *= 10 }
      let (q, r) = (n / p, n % p)
      var down = q
      var rem = r
      if rem < 0 {
        down -= 1
        rem += p
      }
      let twice = rem * 2
      let up = twice > p || (twice == p && down % 2 != 0)
      let result = (down + (up ? 1 : 0)).multipliedReportingOverflow(by: p)
      guard !result.overflow else { throw PyArithmetic.overflow(a.range) }
      return .int(result.partialValue)
    case .float(let f):
      guard let digits else {
        guard f.isFinite else {
          throw PyError(
            f.isNaN ? "ValueError" : "OverflowError",
            f.isNaN
              ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer",
            at: a.range)
        }
        guard let n = Int(exactly: f.rounded(.toNearestOrEven)) else {
          throw PyArithmetic.overflow(a.range)
        }
        return .int(n)
      }
      guard f.isFinite else { return .float(f) }
      if digits >= 0 {
        guard digits < 300 else { return .float(f) }
        return .float(Double(String(format: "%.\(digits)f", f)) ?? f)
      }
      let p = Foundation.pow(10.0, Double(-digits))
      return .float((f / p).rounded(.toNearestOrEven) * p)
    case nil:
      throw PyError(
        "TypeError", "type \(i.typeName(of: value)) doesn't define __round__ method", at: a.range)
    }
  }
}
