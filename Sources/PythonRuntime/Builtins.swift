import Foundation
import StatementLanguage

/// Python's builtins that model-building code uses, bound with `PyArguments.unpack`.
enum Builtins {
  typealias Body = (PyArguments, Interpreter) throws(PyError) -> PyValue

  static func table() -> [String: PyValue] {
    var table: [String: PyValue] = [
      "None": .none, "True": .bool(true), "False": .bool(false),
      "Ellipsis": .object(PyEllipsis.shared),
    ]
    func add(_ name: String, _ body: @escaping Body) {
      table[name] = .object(PyBuiltinFunction(name, body))
    }
    func type(_ name: String, check: ((PyValue) -> Bool)? = nil, _ body: @escaping Body) {
      table[name] = .object(PyTypeObject(name, check: check, construct: body))
    }
    for kind in [
      "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "AttributeError",
      "NameError", "RuntimeError", "NotImplementedError", "AssertionError", "ZeroDivisionError",
      "ImportError", "ModuleNotFoundError", "OverflowError", "StopIteration", "ArithmeticError",
      "LookupError",
    ] {
      table[kind] = .object(PyException(kind: kind, message: nil))
    }
    add("print", print)
    add("len", len)
    add("repr") { a, i throws(PyError) in
      .str(i.repr(try a.unpack("repr", ["obj"], required: 1)[0] ?? .none))
    }
    add("isinstance", isinstance)
    add("abs", abs)
    add("round", round)
    add("max") { a, i throws(PyError) in try extremum("max", a, i) }
    add("min") { a, i throws(PyError) in try extremum("min", a, i) }
    add("sum", sum)
    add("sorted") { a, i throws(PyError) in
      let v = try a.unpack(
        "sorted", ["iterable", "key", "reverse"], required: 1, keywords: ["key", "reverse"])
      if a.positional.count > 1 {
        throw PyError(
          "TypeError", "sorted expected 1 argument, got \(a.positional.count)", at: a.range)
      }
      return .list(
        PyList(
          try sorted(try i.iterateAll(v[0] ?? .none, a.range), key: v[1], reverse: v[2], i, a.range)
        ))
    }
    add("reversed") { a, i throws(PyError) in
      let v = try a.unpack("reversed", ["sequence"], required: 1)
      let value = v[0] ?? .none
      switch value {
      case .dict, .tuple, .list, .str: break
      case .object(let o) where o is PyRange: break
      default:
        throw PyError(
          "TypeError", "'\(i.typeName(of: value))' object is not reversible", at: a.range)
      }
      return .object(
        PyIterable(typeName: "reversed", items: try i.iterateAll(value, a.range).reversed()))
    }
    add("enumerate") { a, i throws(PyError) in
      let v = try a.unpack(
        "enumerate", ["iterable", "start"], required: 1, keywords: ["iterable", "start"])
      let start = try int(v[1] ?? .int(0), i, a.range)
      var items: [PyValue] = []
      var n = start
      for item in try i.iterateAll(v[0] ?? .none, a.range) {
        items.append(.tuple([.int(n), item]))
        n = n &+ 1
      }
      return .object(PyIterable(typeName: "enumerate", items: items))
    }
    add("zip") { a, i throws(PyError) in
      if let keyword = a.keywords.first(where: { $0.name != "strict" }) {
        throw PyError(
          "TypeError", "zip() got an unexpected keyword argument '\(keyword.name)'",
          at: keyword.range ?? a.range)
      }
      var lists: [[PyValue]] = []
      for argument in a.positional {
        lists.append(try i.iterateAll(argument.value, argument.range))
      }
      let count = lists.map(\.count).min() ?? 0
      let items = (0..<count).map { k in PyValue.tuple(lists.map { $0[k] }) }
      return .object(PyIterable(typeName: "zip", items: items))
    }
    add("map") { a, i throws(PyError) in
      guard let function = a.positional.first, a.positional.count >= 2 else {
        throw PyError("TypeError", "map() must have at least two arguments.", at: a.range)
      }
      var lists: [[PyValue]] = []
      for argument in a.positional.dropFirst() {
        lists.append(try i.iterateAll(argument.value, argument.range))
      }
      let count = lists.map(\.count).min() ?? 0
      var items: [PyValue] = []
      for k in 0..<count {
        items.append(
          try i.callValue(
            function.value,
            PyArguments(positional: lists.map { ($0[k], function.range) }, range: a.range)))
      }
      return .object(PyIterable(typeName: "map", items: items))
    }
    add("filter") { a, i throws(PyError) in
      let v = try a.unpack("filter", ["function", "iterable"], required: 2)
      var items: [PyValue] = []
      for item in try i.iterateAll(v[1] ?? .none, a.range) {
        let keep: PyValue
        if case .none = v[0] ?? .none {
          keep = item
        } else {
          keep = try i.callValue(
            v[0] ?? .none, PyArguments(positional: [(item, nil)], range: a.range))
        }
        if i.truthy(keep) { items.append(item) }
      }
      return .object(PyIterable(typeName: "filter", items: items))
    }
    add("any") { a, i throws(PyError) in
      let v = try a.unpack("any", ["iterable"], required: 1)
      var result = false
      try i.forEach(v[0] ?? .none, a.range) { item throws(PyError) in
        result = i.truthy(item)
        return !result
      }
      return .bool(result)
    }
    add("all") { a, i throws(PyError) in
      let v = try a.unpack("all", ["iterable"], required: 1)
      var result = true
      try i.forEach(v[0] ?? .none, a.range) { item throws(PyError) in
        result = i.truthy(item)
        return result
      }
      return .bool(result)
    }
    add("getattr") { a, i throws(PyError) in
      let v = try a.unpack("getattr", ["object", "name", "default"], required: 2)
      guard case .str(let name) = v[1] ?? .none else {
        throw PyError(
          "TypeError", "attribute name must be string, not '\(i.typeName(of: v[1] ?? .none))'",
          at: a.range)
      }
      do throws(PyError) {
        return try i.attribute(v[0] ?? .none, name, a.range)
      } catch {
        if error.kind == "AttributeError", let fallback = v[2] { return fallback }
        throw error
      }
    }
    add("hasattr") { a, i throws(PyError) in
      let v = try a.unpack("hasattr", ["object", "name"], required: 2)
      guard case .str(let name) = v[1] ?? .none else {
        throw PyError(
          "TypeError", "attribute name must be string, not '\(i.typeName(of: v[1] ?? .none))'",
          at: a.range)
      }
      do throws(PyError) {
        _ = try i.attribute(v[0] ?? .none, name, a.range)
        return .bool(true)
      } catch {
        if error.kind == "AttributeError" { return .bool(false) }
        throw error
      }
    }
    add("divmod") { a, i throws(PyError) in
      let v = try a.unpack("divmod", ["x", "y"], required: 2)
      let x = v[0] ?? .none
      let y = v[1] ?? .none
      return .tuple([
        try i.binary(.floordiv, x, y, a.range), try i.binary(.mod, x, y, a.range),
      ])
    }
    add("pow") { a, i throws(PyError) in
      let v = try a.unpack(
        "pow", ["base", "exp", "mod"], required: 2, keywords: ["base", "exp", "mod"])
      let result = try i.binary(.pow, v[0] ?? .none, v[1] ?? .none, a.range)
      if let m = v[2], case .none = m {
      } else if let m = v[2] {
        return try i.binary(.mod, result, m, a.range)
      }
      return result
    }
    add("callable") { a, i throws(PyError) in
      let v = try a.unpack("callable", ["obj"], required: 1)
      if case .object(let o) = v[0] ?? .none {
        return .bool(
          o is PyFunction || o is PyBuiltinFunction || o is PyTypeObject || o.typeName == "type")
      }
      return .bool(false)
    }
    add("type") { a, i throws(PyError) in
      let v = try a.unpack("type", ["object"], required: 1)
      let value = v[0] ?? .none
      let name = i.typeName(of: value)
      if case .object(let t) = i.builtins[name] ?? .none, t is PyTypeObject { return .object(t) }
      return .object(PyTypeObject(name))
    }
    add("id") { a, i throws(PyError) in
      let v = try a.unpack("id", ["obj"], required: 1)
      if case .object(let o) = v[0] ?? .none { return .int(ObjectIdentifier(o).hashValue) }
      return .int(i.repr(v[0] ?? .none).hashValue)
    }
    add("format") { a, i throws(PyError) in
      let v = try a.unpack("format", ["value", "format_spec"], required: 1)
      var spec = ""
      if case .str(let s) = v[1] ?? .str("") { spec = s }
      return .str(try PyFormat.format(v[0] ?? .none, spec, i, a.range))
    }
    add("dir") { a, i throws(PyError) in
      let v = try a.unpack("dir", ["object"], required: 0)
      guard let value = v[0] else {
        return .list(PyList(i.globals.keys.sorted().map(PyValue.str)))
      }
      var names = Methods.names(of: value)
      if case .object(let o) = value { names = o.attributeNames }
      return .list(PyList(names.sorted().map(PyValue.str)))
    }
    type(
      "int", check: { if case .int = $0 { true } else if case .bool = $0 { true } else { false } },
      toInt)
    type("float", check: { if case .float = $0 { true } else { false } }, toFloat)
    type("str") { a, i throws(PyError) in
      let v = try a.unpack("str", ["object"], required: 0, keywords: ["object"])
      return .str(v[0].map(i.str) ?? "")
    }
    type("bool") { a, i throws(PyError) in
      let v = try a.unpack("bool", ["x"], required: 0)
      return .bool(v[0].map(i.truthy) ?? false)
    }
    type("list") { a, i throws(PyError) in
      let v = try a.unpack("list", ["iterable"], required: 0)
      return .list(PyList(try v[0].map { x throws(PyError) in try i.iterateAll(x, a.range) } ?? []))
    }
    type("tuple") { a, i throws(PyError) in
      let v = try a.unpack("tuple", ["iterable"], required: 0)
      return .tuple(try v[0].map { x throws(PyError) in try i.iterateAll(x, a.range) } ?? [])
    }
    type("dict") { a, i throws(PyError) in
      let v = try a.unpack("dict", ["mapping"], required: 0, keywords: [])
      let dict = PyDict()
      if let source = v[0] {
        for (k, value) in try pairs(source, i, a.range) { try i.dictSet(dict, k, value, a.range) }
      }
      for keyword in a.keywords { try i.dictSet(dict, .str(keyword.name), keyword.value, a.range) }
      return .dict(dict)
    }
    type("set") { a, i throws(PyError) in
      let v = try a.unpack("set", ["iterable"], required: 0)
      return .object(
        try PySet.make(try v[0].map { x throws(PyError) in try i.iterateAll(x, a.range) } ?? [], i))
    }
    type("range", range)
    table["object"] = .object(PyTypeObject("object", check: { _ in true }))
    table["NoneType"] = .object(PyTypeObject("NoneType"))
    return table
  }

  // MARK: - The builtins

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
    case .str(let s): return .int(s.unicodeScalars.count)
    case .tuple(let t): return .int(t.count)
    case .list(let l): return .int(l.items.count)
    case .dict(let d): return .int(d.entries.count)
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
      return .int((down + (up ? 1 : 0)) * p)
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

extension PyValue {
  var isNone: Bool {
    if case .none = self { return true }
    return false
  }
}
