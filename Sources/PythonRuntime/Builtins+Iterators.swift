import StatementLanguage

/// The builtins that make lazy iterators (`PyIterable`'s source): each item made when it is
/// read.
extension Builtins {
  /// `reversed(seq)`: a list read from its end as it is at each step; another sequence's items
  /// taken now.
  static func reversed(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack("reversed", ["sequence"], required: 1)
    let value = v[0] ?? .none
    switch value {
    case .list(let list):
      // Python's reversed list iterator: from the last index down, each read as the list is
      // then; it ends when the index falls outside the list.
      var index = list.items.count - 1
      return .object(
        PyIterable(typeName: "list_reverseiterator") { _ throws(PyError) in
          guard index >= 0, index < list.items.count else { return nil }
          index -= 1
          return list.items[index + 1]
        })
    case .dict, .tuple, .str: break
    case .object(let o) where o is PyRange: break
    default:
      throw PyError(
        "TypeError", "'\(i.typeName(of: value))' object is not reversible", at: a.range)
    }
    return .object(
      PyIterable(typeName: "reversed", items: try i.iterateAll(value, a.range).reversed()))
  }

  /// `enumerate(iterable, start=0)`.
  static func enumerate(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack(
      "enumerate", ["iterable", "start"], required: 1, keywords: ["iterable", "start"])
    let start = try int(v[1] ?? .int(0), i, a.range)
    let items = try i.cursor(v[0] ?? .none, a.range)
    var n = start
    return .object(
      PyIterable(typeName: "enumerate") { i throws(PyError) in
        guard let item = try items(i) else { return nil }
        n = n &+ 1
        return .tuple([.int(n &- 1), item])
      })
  }

  /// `zip(*iterables, strict=False)`.
  static func zip(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    if let keyword = a.keywords.first(where: { $0.name != "strict" }) {
      throw PyError(
        "TypeError", "zip() got an unexpected keyword argument '\(keyword.name)'",
        at: keyword.range ?? a.range)
    }
    let strict = a.keywords.last(where: { $0.name == "strict" }).map { i.truthy($0.value) }
    var cursors: [PyIterable.Source] = []
    for argument in a.positional {
      cursors.append(try i.cursor(argument.value, argument.range))
    }
    let range = a.range
    return .object(
      PyIterable(typeName: "zip") { i throws(PyError) in
        // As Python: the iterables read in order, and none after the first that ended.
        guard !cursors.isEmpty else { return nil }
        var items: [PyValue] = []
        for (k, next) in cursors.enumerated() {
          guard let item = try next(i) else {
            if strict == true {
              try zipStrictCheck(cursors, ended: k, i, i.readingRange ?? range)
            }
            return nil
          }
          items.append(item)
        }
        return .tuple(items)
      })
  }

  /// `map(function, *iterables)`: the function called as each item is read.
  static func map(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    guard let function = a.positional.first, a.positional.count >= 2 else {
      throw PyError("TypeError", "map() must have at least two arguments.", at: a.range)
    }
    var cursors: [PyIterable.Source] = []
    for argument in a.positional.dropFirst() {
      cursors.append(try i.cursor(argument.value, argument.range))
    }
    return .object(
      PyIterable(typeName: "map") { i throws(PyError) in
        var arguments: [(PyValue, SourceRange?)] = []
        for next in cursors {
          guard let item = try next(i) else { return nil }
          arguments.append((item, nil))
        }
        // Called where it is read (`list(m)`, a loop's `for`), as Python's traceback says.
        return try i.callValue(
          function.value, PyArguments(positional: arguments, range: i.readingRange))
      })
  }

  /// `filter(function, iterable)`: the function (None: truthiness) called as each item is read.
  static func filter(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    let v = try a.unpack("filter", ["function", "iterable"], required: 2)
    let items = try i.cursor(v[1] ?? .none, a.range)
    let function = v[0] ?? .none
    return .object(
      PyIterable(typeName: "filter") { i throws(PyError) in
        while let item = try items(i) {
          let keep: PyValue
          if case .none = function {
            keep = item
          } else {
            keep = try i.callValue(
              function, PyArguments(positional: [(item, nil)], range: i.readingRange))
          }
          if i.truthy(keep) { return item }
        }
        return nil
      })
  }
}

/// `zip(..., strict=True)` when iterable `ended` (0-based) ended first: CPython's ValueError
/// when the iterables' lengths differ (the others read one more time when the first ended).
private func zipStrictCheck(
  _ cursors: [PyIterable.Source], ended: Int, _ interpreter: Interpreter, _ range: SourceRange?
) throws(PyError) {
  func others(_ k: Int) -> String { k == 1 ? " 1" : "s 1-\(k)" }
  if ended > 0 {
    throw PyError(
      "ValueError", "zip() argument \(ended + 1) is shorter than argument\(others(ended))",
      at: range)
  }
  for k in cursors.indices.dropFirst() where try cursors[k](interpreter) != nil {
    throw PyError(
      "ValueError", "zip() argument \(k + 1) is longer than argument\(others(k))", at: range)
  }
}
