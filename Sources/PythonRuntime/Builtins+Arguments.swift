import Foundation
import StatementLanguage

/// The builtins over iterables (`min`, `max`, `sum`, `sorted`) and the conversions (`int`, `float`,
/// `range`).
extension Builtins {
  static func extremum(_ name: String, _ a: PyArguments, _ i: Interpreter) throws(PyError)
    -> PyValue
  {
    var key: PyValue?
    var fallback: PyValue?
    for keyword in a.keywords {
      switch keyword.name {
      case "key": if case .none = keyword.value {} else { key = keyword.value }
      case "default": fallback = keyword.value
      default:
        throw PyError(
          "TypeError", "'\(keyword.name)' is an invalid keyword argument for \(name)()",
          at: keyword.range ?? a.range)
      }
    }
    let items: [PyValue]
    switch a.positional.count {
    case 0:
      throw PyError("TypeError", "\(name) expected at least 1 argument, got 0", at: a.range)
    case 1: items = try i.iterateAll(a.positional[0].value, a.positional[0].range)
    default:
      if fallback != nil {
        throw PyError(
          "TypeError",
          "Cannot specify a default for \(name)() with multiple positional arguments", at: a.range)
      }
      items = a.positional.map(\.value)
    }
    guard var best = items.first else {
      if let fallback { return fallback }
      throw PyError("ValueError", "\(name)() arg is an empty sequence", at: a.range)
    }
    func keyed(_ v: PyValue) throws(PyError) -> PyValue {
      guard let key else { return v }
      return try i.callValue(key, PyArguments(positional: [(v, nil)], range: a.range))
    }
    var bestKey = try keyed(best)
    for item in items.dropFirst() {
      let k = try keyed(item)
      let op: PyCompareOp = name == "max" ? .gt : .lt
      if try i.compare(op, k, bestKey, a.range ?? SourceRange(0, 0)) {
        best = item
        bestKey = k
      }
    }
    return best
  }

  static func sum(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack("sum", ["iterable", "start"], required: 1, keywords: ["start"])
    var total = v[1] ?? .int(0)
    if case .str = total {
      throw PyError(
        "TypeError", "sum() can't sum strings [use ''.join(seq) instead]", at: a.range)
    }
    try i.forEach(v[0] ?? .none, a.range) { item throws(PyError) in
      total = try i.binary(.add, total, item, a.range)
      return true
    }
    return total
  }

  /// `sorted` and `list.sort`: stable, by `key`, `<` as Python compares.
  static func sorted(
    _ items: [PyValue], key: PyValue?, reverse: PyValue?, _ i: Interpreter, _ range: SourceRange?
  ) throws(PyError) -> [PyValue] {
    var keyed: [(key: PyValue, value: PyValue)] = []
    for item in items {
      if let key, !(key.isNone) {
        keyed.append(
          (try i.callValue(key, PyArguments(positional: [(item, nil)], range: range)), item))
      } else {
        keyed.append((item, item))
      }
    }
    let descending = reverse.map(i.truthy) ?? false
    // Insertion-merge sort with a throwing comparison (Swift's sort cannot throw).
    func less(_ x: PyValue, _ y: PyValue) throws(PyError) -> Bool {
      try i.compare(.lt, x, y, range ?? SourceRange(0, 0))
    }
    func mergeSort(_ xs: ArraySlice<(key: PyValue, value: PyValue)>) throws(PyError)
      -> [(key: PyValue, value: PyValue)]
    {
      guard xs.count > 1 else { return Array(xs) }
      let mid = xs.startIndex + xs.count / 2
      let left = try mergeSort(xs[xs.startIndex..<mid])
      let right = try mergeSort(xs[mid..<xs.endIndex])
      var out: [(key: PyValue, value: PyValue)] = []
      out.reserveCapacity(xs.count)
      var l = 0
      var r = 0
      while l < left.count && r < right.count {
        let takeRight =
          descending ? try less(left[l].key, right[r].key) : try less(right[r].key, left[l].key)
        if takeRight {
          out.append(right[r])
          r += 1
        } else {
          out.append(left[l])
          l += 1
        }
      }
      out += left[l...]
      out += right[r...]
      return out
    }
    return try mergeSort(keyed[...]).map(\.value)
  }

  /// The key-value pairs of a dict or of an iterable of pairs (for `dict(...)`, `update`).
  static func pairs(_ value: PyValue, _ i: Interpreter, _ range: SourceRange?) throws(PyError)
    -> [(PyValue, PyValue)]
  {
    if case .dict(let d) = value { return d.entries.map { ($0.key, $0.value) } }
    var out: [(PyValue, PyValue)] = []
    for (n, item) in try i.iterateAll(value, range).enumerated() {
      let pair: [PyValue]
      do throws(PyError) {
        pair = try i.iterateAll(item, range)
      } catch {
        throw PyError(
          "TypeError",
          "cannot convert dictionary update sequence element #\(n) to a sequence", at: range)
      }
      guard pair.count == 2 else {
        throw PyError(
          "ValueError",
          "dictionary update sequence element #\(n) has length \(pair.count); 2 is required",
          at: range)
      }
      out.append((pair[0], pair[1]))
    }
    return out
  }

  /// An int argument (`range(1.5)` is a TypeError).
  static func int(_ value: PyValue, _ i: Interpreter, _ range: SourceRange?) throws(PyError) -> Int
  {
    guard let n = value.asIndex else {
      throw PyError(
        "TypeError", "'\(i.typeName(of: value))' object cannot be interpreted as an integer",
        at: range)
    }
    return n
  }

  static func range(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    guard !a.positional.isEmpty else {
      throw PyError("TypeError", "range expected at least 1 argument, got 0", at: a.range)
    }
    guard a.positional.count <= 3 else {
      throw PyError(
        "TypeError", "range expected at most 3 arguments, got \(a.positional.count)", at: a.range)
    }
    if let keyword = a.keywords.first {
      throw PyError("TypeError", "range() takes no keyword arguments", at: keyword.range ?? a.range)
    }
    var ints: [Int] = []
    for argument in a.positional { ints.append(try int(argument.value, i, argument.range)) }
    let (start, stop, step) =
      ints.count == 1 ? (0, ints[0], 1) : (ints[0], ints[1], ints.count == 3 ? ints[2] : 1)
    guard step != 0 else {
      throw PyError("ValueError", "range() arg 3 must not be zero", at: a.range)
    }
    return .object(PyRange(start: start, stop: stop, step: step))
  }

  static func toInt(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack("int", ["x", "base"], required: 0, keywords: ["base"])
    guard let value = v[0] else { return .int(0) }
    if let baseValue = v[1] {
      let base = try int(baseValue, i, a.range)
      guard case .str(let s) = value else {
        throw PyError("TypeError", "int() can't convert non-string with explicit base", at: a.range)
      }
      return try parseInt(s, base: base, a.range)
    }
    switch value {
    case .int(let n): return .int(n)
    case .bool(let b): return .int(b ? 1 : 0)
    case .float(let f):
      guard f.isFinite else {
        throw PyError(
          f.isNaN ? "ValueError" : "OverflowError",
          f.isNaN
            ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer",
          at: a.range)
      }
      guard let n = Int(exactly: f.rounded(.towardZero)) else {
        throw PyArithmetic.overflow(a.range)
      }
      return .int(n)
    case .str(let s): return try parseInt(s, base: 10, a.range)
    default:
      throw PyError(
        "TypeError",
        "int() argument must be a string, a bytes-like object or a real number, not "
          + "'\(i.typeName(of: value))'", at: a.range)
    }
  }

  static func parseInt(_ s: String, base: Int, _ range: SourceRange?) throws(PyError) -> PyValue {
    var text = s.trimmingCharacters(in: .whitespaces)
    var negative = false
    if text.hasPrefix("-") || text.hasPrefix("+") {
      negative = text.hasPrefix("-")
      text.removeFirst()
    }
    var radix = base
    let lower = text.lowercased()
    for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)]
    where lower.hasPrefix(prefix) && (base == r || base == 0) {
      radix = r
      text.removeFirst(2)
    }
    if radix == 0 { radix = 10 }
    let wellFormed =
      !text.isEmpty && !text.hasPrefix("_") && !text.hasSuffix("_") && !text.contains("__")
    guard (2...36).contains(radix), wellFormed,
      let n = Int(text.filter { $0 != "_" }, radix: radix)
    else {
      throw PyError(
        "ValueError", "invalid literal for int() with base \(base): \(PyRepr.string(s))", at: range)
    }
    return .int(negative ? -n : n)
  }

  static func toFloat(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack("float", ["x"], required: 0)
    guard let value = v[0] else { return .float(0) }
    switch value.numeric {
    case .int(let n): return .float(Double(n))
    case .float(let f): return .float(f)
    case nil: break
    }
    if case .str(let s) = value {
      let text = s.trimmingCharacters(in: .whitespaces).lowercased().filter { $0 != "_" }
      switch text {
      case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
      case "-inf", "-infinity": return .float(-.infinity)
      case "nan", "+nan", "-nan": return .float(.nan)
      default:
        if let f = Double(text), !text.contains("x"), !text.isEmpty { return .float(f) }
      }
      throw PyError(
        "ValueError", "could not convert string to float: \(PyRepr.string(s))", at: a.range)
    }
    throw PyError(
      "TypeError",
      "float() argument must be a string or a real number, not '\(i.typeName(of: value))'",
      at: a.range)
  }
}
