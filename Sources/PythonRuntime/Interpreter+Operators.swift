import Foundation
import StatementLanguage

extension Interpreter {
  /// `a op b`: objects first (left, then the right's reflected), then Python's rules for plain
  /// values.
  public func binary(_ op: PyBinaryOp, _ a: PyValue, _ b: PyValue, _ range: SourceRange?)
    throws(PyError) -> PyValue
  {
    if a.asObject != nil || b.asObject != nil {
      if let hostOp = PyBinaryOperator(rawValue: op.rawValue) {
        do throws(PyError) {
          if case .object(let o) = a, let r = try o.binary(hostOp, b, reflected: false, self) {
            return r
          }
          if case .object(let o) = b, let r = try o.binary(hostOp, a, reflected: true, self) {
            return r
          }
        } catch {
          throw located(error, range)
        }
      }
      if case .object(let o) = a, let set = o as? PySet, case .object(let p) = b,
        let other = p as? PySet, let r = try set.binary(op, other, self)
      {
        return .object(r)
      }
      throw unsupported(op, a, b, range)
    }
    if case .bool(let x) = a, case .bool(let y) = b {
      switch op {
      case .bitand: return .bool(x && y)
      case .bitor: return .bool(x || y)
      case .bitxor: return .bool(x != y)
      default: break
      }
    }
    if let x = a.numeric, let y = b.numeric {
      if let result = try PyArithmetic.apply(op, x, y, range) { return result }
      throw unsupported(op, a, b, range)
    }
    switch (op, a, b) {
    case (.add, .str(let x), .str(let y)):
      try checkStringSize(x, y)
      return .str(x + y)
    case (.add, .tuple(let x), .tuple(let y)):
      try checkSize(x.count + y.count)
      return .tuple(x + y)
    case (.add, .list(let x), .list(let y)):
      try checkSize(x.items.count + y.items.count)
      return .list(PyList(x.items + y.items))
    case (.mul, .str(let s), _), (.mul, _, .str(let s)):
      guard let n = (a.asIndex ?? b.asIndex) else { break }
      let count = max(0, n)
      let size = s.unicodeScalars.count.multipliedReportingOverflow(by: count)
      guard !size.overflow else { throw memory(range) }
      try checkSize(size.partialValue)
      return .str(String(repeating: s, count: count))
    case (.mul, .tuple(let items), _), (.mul, _, .tuple(let items)):
      guard let n = (a.asIndex ?? b.asIndex) else { break }
      return .tuple(try repeated(items, n, range))
    case (.mul, .list(let list), _), (.mul, _, .list(let list)):
      guard let n = (a.asIndex ?? b.asIndex) else { break }
      return .list(PyList(try repeated(list.items, n, range)))
    case (.mod, .str(let format), _):
      return .str(try PyFormat.percent(format, b, self, range))
    case (.bitor, .dict(let x), .dict(let y)):
      let merged = PyDict(x.entries)
      for entry in y.entries { try dictSet(merged, entry.key, entry.value, range) }
      return .dict(merged)
    default: break
    }
    throw unsupported(op, a, b, range)
  }

  func memory(_ range: SourceRange?) -> PyError {
    PyError(
      "MemoryError", "the result is larger than kshape allows (\(sizeLimit) items)", at: range)
  }

  /// `items * n`.
  func repeated(_ items: [PyValue], _ n: Int, _ range: SourceRange?) throws(PyError) -> [PyValue] {
    let count = max(0, n)
    let size = items.count.multipliedReportingOverflow(by: count)
    guard !size.overflow else { throw memory(range) }
    try checkSize(size.partialValue)
    var out: [PyValue] = []
    out.reserveCapacity(size.partialValue)
    for _ in 0..<count { out += items }
    return out
  }

  func unsupported(_ op: PyBinaryOp, _ a: PyValue, _ b: PyValue, _ range: SourceRange?) -> PyError {
    if op == .add, case .str = a, b.numeric != nil || b.asObject != nil || !(b.isStr) {
      return PyError(
        "TypeError", "can only concatenate str (not \"\(typeName(of: b))\") to str", at: range)
    }
    if op == .add, case .list = a {
      return PyError(
        "TypeError", "can only concatenate list (not \"\(typeName(of: b))\") to list", at: range)
    }
    if op == .add, case .tuple = a {
      return PyError(
        "TypeError", "can only concatenate tuple (not \"\(typeName(of: b))\") to tuple", at: range)
    }
    if op == .mul, a.isSequence || b.isSequence {
      let other = a.isSequence ? b : a
      return PyError(
        "TypeError", "can't multiply sequence by non-int of type '\(typeName(of: other))'",
        at: range)
    }
    let symbol = op == .pow ? "** or pow()" : op.rawValue
    return PyError(
      "TypeError",
      "unsupported operand type(s) for \(symbol): '\(typeName(of: a))' and '\(typeName(of: b))'",
      at: range)
  }

  /// `-x`, `+x`, `~x`.
  func unary(_ op: PyUnaryOp, _ value: PyValue, _ range: SourceRange) throws(PyError) -> PyValue {
    if case .object(let o) = value {
      let hostOp: PyUnaryOperator =
        op == .minus ? .negative : op == .plus ? .positive : .invert
      do throws(PyError) {
        if let r = try o.unary(hostOp, self) { return r }
      } catch {
        throw located(error, range)
      }
    }
    switch (op, value.numeric) {
    case (.minus, .int(let i)):
      guard i != Int.min else { throw PyArithmetic.overflow(range) }
      return .int(-i)
    case (.minus, .float(let f)): return .float(-f)
    case (.plus, .int(let i)): return .int(i)
    case (.plus, .float(let f)): return .float(f)
    case (.invert, .int(let i)): return .int(~i)
    default:
      let name = op == .minus ? "-" : op == .plus ? "+" : "~"
      throw PyError(
        "TypeError", "bad operand type for unary \(name): '\(typeName(of: value))'", at: range)
    }
  }

  /// One comparison of a chain.
  func compare(_ op: PyCompareOp, _ a: PyValue, _ b: PyValue, _ range: SourceRange)
    throws(PyError) -> Bool
  {
    switch op {
    case .eq: return PyCompare.equals(a, b)
    case .ne: return !PyCompare.equals(a, b)
    case .is: return identical(a, b)
    case .isNot: return !identical(a, b)
    case .in: return try contains(b, a, range)
    case .notIn: return try !contains(b, a, range)
    case .lt, .le, .gt, .ge:
      guard let order = try ordering(a, b, op, range) else { return false }
      switch op {
      case .lt: return order < 0
      case .le: return order <= 0
      case .gt: return order > 0
      default: return order >= 0
      }
    }
  }

  /// -1, 0 or 1; nil when a float NaN makes every ordering false.
  func ordering(_ a: PyValue, _ b: PyValue, _ op: PyCompareOp, _ range: SourceRange)
    throws(PyError) -> Int?
  {
    if let x = a.numeric, let y = b.numeric {
      switch (x, y) {
      case (.int(let i), .int(let j)): return i < j ? -1 : i == j ? 0 : 1
      default:
        let (f, g) = (x.double, y.double)
        if f.isNaN || g.isNaN { return nil }
        if PyCompare.numericEqual(x, y) { return 0 }
        return f < g ? -1 : f > g ? 1 : (intOrdering(x, y) ?? 0)
      }
    }
    switch (a, b) {
    case (.str(let x), .str(let y)):
      let xs = Array(x.unicodeScalars)
      let ys = Array(y.unicodeScalars)
      for (c, d) in zip(xs, ys) where c != d { return c.value < d.value ? -1 : 1 }
      return xs.count < ys.count ? -1 : xs.count == ys.count ? 0 : 1
    case (.tuple(let x), .tuple(let y)): return try sequenceOrdering(x, y, op, range)
    case (.list(let x), .list(let y)): return try sequenceOrdering(x.items, y.items, op, range)
    default:
      throw PyError(
        "TypeError",
        "'\(op.rawValue)' not supported between instances of '\(typeName(of: a))' and "
          + "'\(typeName(of: b))'", at: range)
    }
  }

  /// Int against float when the doubles tie (a large int rounds to the float).
  func intOrdering(_ x: Numeric, _ y: Numeric) -> Int? {
    switch (x, y) {
    case (.int(let i), .float(let f)):
      guard let j = Int(exactly: f.rounded(.down)) else { return nil }
      return i <= j ? -1 : 1
    case (.float(let f), .int(let i)):
      guard let j = Int(exactly: f.rounded(.down)) else { return nil }
      return j < i ? -1 : 1
    default: return nil
    }
  }

  func sequenceOrdering(_ x: [PyValue], _ y: [PyValue], _ op: PyCompareOp, _ range: SourceRange)
    throws(PyError) -> Int?
  {
    for (c, d) in zip(x, y) where !PyCompare.equals(c, d) {
      return try ordering(c, d, op, range)
    }
    return x.count < y.count ? -1 : x.count == y.count ? 0 : 1
  }

  /// `a is b`: identity for containers and objects, value for immutable plain values.
  func identical(_ a: PyValue, _ b: PyValue) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
    case (.str(let x), .str(let y)): return x == y
    case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
    case (.list(let x), .list(let y)): return x === y
    case (.dict(let x), .dict(let y)): return x === y
    case (.object(let x), .object(let y)): return x === y
    default: return false
    }
  }

  /// `item in container`.
  func contains(_ container: PyValue, _ item: PyValue, _ range: SourceRange) throws(PyError)
    -> Bool
  {
    switch container {
    case .str(let s):
      guard case .str(let sub) = item else {
        throw PyError(
          "TypeError", "'in <string>' requires string as left operand, not \(typeName(of: item))",
          at: range)
      }
      return sub.isEmpty || PyStringSearch(s, sub).first() != nil
    case .dict(let d):
      try checkHashable(item, range)
      return d.find(item) != nil
    case .object(let set as PySet):
      try checkHashable(item, range)
      return set.contains(item)
    case .object(let o):
      if let r = o as? PyRange, let i = item.asIndex {
        // Unsigned distances: exact for ranges spanning all 64-bit ints.
        let inside = r.step > 0 ? (i >= r.start && i < r.stop) : (i <= r.start && i > r.stop)
        guard inside else { return false }
        let distance =
          r.step > 0 ? UInt(bitPattern: i &- r.start) : UInt(bitPattern: r.start &- i)
        return distance % r.step.magnitude == 0
      }
      fallthrough
    default:
      let items: [PyValue]
      do throws(PyError) {
        items = try iterateAll(container, range)
      } catch {
        guard error.kind == "TypeError", error.message.hasSuffix("object is not iterable") else {
          throw error
        }
        throw PyError(
          "TypeError", "argument of type '\(typeName(of: container))' is not iterable", at: range)
      }
      return items.contains { PyCompare.equals($0, item) }
    }
  }
}

extension PyValue {
  var isStr: Bool {
    if case .str = self { return true }
    return false
  }
  var isSequence: Bool {
    switch self {
    case .str, .tuple, .list: return true
    default: return false
    }
  }
}
