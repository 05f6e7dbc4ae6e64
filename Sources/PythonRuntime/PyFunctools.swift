import StatementLanguage

/// `functools`: `partial`, a layer class with some of its arguments fixed, as Géron's book
/// builds its CNNs (`DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3,
/// padding="same")`), and `reduce`.
extension PyStandardModules {
  static func functools() -> PyModule {
    PyModule(
      name: "functools",
      attributes: [
        "partial": .object(
          PyTypeObject(
            "functools.partial",
            check: { value in
              if case .object(let o) = value { return o is PyPartial }
              return false
            },
            construct: { a, _ throws(PyError) in try PyPartial.make(a) })),
        "reduce": function("functools", "reduce") { a, i throws(PyError) in
          try reduce(a, i)
        },
      ])
  }

  /// `reduce(function, iterable[, initial])`.
  static func reduce(_ a: PyArguments, _ i: Interpreter) throws(PyError) -> PyValue {
    if !a.keywords.isEmpty {
      throw PyError("TypeError", "reduce() takes no keyword arguments", at: a.range)
    }
    guard (2...3).contains(a.positional.count) else {
      throw PyError(
        "TypeError",
        a.positional.count < 2
          ? "reduce expected at least 2 arguments, got \(a.positional.count)"
          : "reduce expected at most 3 arguments, got \(a.positional.count)", at: a.range)
    }
    let function = a.positional[0].value
    var items = try i.iterateAll(a.positional[1].value, a.positional[1].range)[...]
    guard var result = a.positional.count == 3 ? a.positional[2].value : items.popFirst() else {
      throw PyError(
        "TypeError", "reduce() of empty iterable with no initial value", at: a.range)
    }
    for item in items {
      result = try i.callValue(
        function, PyArguments(positional: [(result, nil), (item, nil)], range: a.range))
    }
    return result
  }
}

/// `functools.partial(function, *args, **keywords)`: calling it calls `function` with `args`
/// before the call's own positional arguments and `keywords` updated by the call's.
final class PyPartial: PyObject {
  let function: PyValue
  let arguments: [(value: PyValue, range: SourceRange?)]
  let keywords: [(name: String, value: PyValue, range: SourceRange?)]

  init(
    _ function: PyValue, _ arguments: [(value: PyValue, range: SourceRange?)],
    _ keywords: [(name: String, value: PyValue, range: SourceRange?)]
  ) {
    self.function = function
    self.arguments = arguments
    self.keywords = keywords
  }

  /// `partial(...)`: a partial of a partial is flattened, as in CPython.
  static func make(_ a: PyArguments) throws(PyError) -> PyValue {
    guard let first = a.positional.first else {
      throw PyError("TypeError", "type 'partial' takes at least one argument", at: a.range)
    }
    guard case .object(let o) = first.value else {
      throw PyError("TypeError", "the first argument must be callable", at: first.range)
    }
    let rest = Array(a.positional.dropFirst())
    if let inner = o as? PyPartial {
      return .object(
        PyPartial(
          inner.function, inner.arguments + rest, merged(inner.keywords, with: a.keywords)))
    }
    return .object(PyPartial(first.value, rest, a.keywords))
  }

  /// `base` with each of `newer` replacing the keyword of its name, or added after them.
  static func merged(
    _ base: [(name: String, value: PyValue, range: SourceRange?)],
    with newer: [(name: String, value: PyValue, range: SourceRange?)]
  ) -> [(name: String, value: PyValue, range: SourceRange?)] {
    var out = base
    for k in newer {
      if let at = out.firstIndex(where: { $0.name == k.name }) {
        out[at] = k
      } else {
        out.append(k)
      }
    }
    return out
  }

  var typeName: String { "functools.partial" }
  var repr: String {
    let parts =
      [PyRepr.repr(function)] + arguments.map { PyRepr.repr($0.value) }
      + keywords.map { "\($0.name)=\(PyRepr.repr($0.value))" }
    return "functools.partial(\(parts.joined(separator: ", ")))"
  }

  func call(_ a: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try interpreter.callValue(
      function,
      PyArguments(
        positional: arguments + a.positional, keywords: Self.merged(keywords, with: a.keywords),
        range: a.range))
  }

  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "func": return function
    case "args": return .tuple(arguments.map(\.value))
    case "keywords": return .dict(PyDict(keywords.map { (key: .str($0.name), value: $0.value) }))
    default: return nil
    }
  }
  var attributeNames: [String] { ["args", "func", "keywords"] }
}
