/// Python's equality and ordering of plain values.
enum PyCompare {
  /// `a == b`: numbers across int, float and bool; sequences item by item; dicts by content.
  static func equals(_ a: PyValue, _ b: PyValue, depth: Int = 0) -> Bool {
    // Data nested deeper than this (or containing itself) compares unequal instead of
    // recursing without end (Python raises RecursionError).
    if depth > PyRepr.maxDepth { return false }
    switch (a, b) {
    case (.none, .none): return true
    case (.str(let x), .str(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.tuple(let x), .tuple(let y)): return sequencesEqual(x, y, depth)
    case (.list(let x), .list(let y)): return x === y || sequencesEqual(x.items, y.items, depth)
    case (.dict(let x), .dict(let y)):
      if x === y { return true }
      guard x.count == y.count else { return false }
      return x.entries.allSatisfy { entry in
        guard let i = y.find(entry.key) else { return false }
        return equals(y.value(at: i), entry.value, depth: depth + 1)
      }
    case (.object(let x), _): return x.equals(b) || (b.asObject?.equals(a) ?? false)
    case (_, .object(let y)): return y.equals(a)
    default:
      if let x = a.numeric, let y = b.numeric { return numericEqual(x, y) }
      return false
    }
  }

  static func sequencesEqual(_ x: [PyValue], _ y: [PyValue], _ depth: Int) -> Bool {
    x.count == y.count && zip(x, y).allSatisfy { equals($0, $1, depth: depth + 1) }
  }

  static func numericEqual(_ x: Numeric, _ y: Numeric) -> Bool {
    switch (x, y) {
    case (.int(let i), .int(let j)): return i == j
    case (.int(let i), .float(let f)), (.float(let f), .int(let i)): return intEqualsDouble(i, f)
    case (.float(let f), .float(let g)): return f == g
    }
  }

  /// Exact comparison of an int with a float (`2**53 + 1 != 2.0**53`).
  static func intEqualsDouble(_ i: Int, _ f: Double) -> Bool {
    guard f.isFinite, f.rounded(.towardZero) == f, let j = Int(exactly: f) else { return false }
    return i == j
  }
}

/// A number as arithmetic sees it (bools are ints).
enum Numeric {
  case int(Int)
  case float(Double)
  var double: Double {
    switch self {
    case .int(let i): return Double(i)
    case .float(let f): return f
    }
  }
}

extension PyValue {
  var numeric: Numeric? {
    switch self {
    case .int(let i): return .int(i)
    case .bool(let b): return .int(b ? 1 : 0)
    case .float(let f): return .float(f)
    default: return nil
    }
  }
  var asObject: (any PyObject)? {
    if case .object(let o) = self { return o }
    return nil
  }
}
