import StatementLanguage

/// A Python value as kshape's interpreter holds it.
///
/// Immutable values are cases; mutable containers (lists, dicts) are references, so aliasing
/// behaves as in Python (`a = b = []; a.append(1)` changes `b`). Everything that is not a plain
/// value (functions, ranges, slices, modules and the host's Keras objects) is a `PyObject`.
public enum PyValue {
  case none
  case bool(Bool)
  /// Python ints are unbounded; kshape's are 64-bit and an overflow raises `OverflowError`.
  case int(Int)
  case float(Double)
  case str(String)
  case tuple([PyValue])
  case list(PyList)
  case dict(PyDict)
  case object(any PyObject)
}

/// A Python list: a mutable sequence shared by reference.
public final class PyList {
  /// The items; a change to a list older than the running statement is counted in its journal.
  public var items: [PyValue] {
    _read { yield storage }
    set {
      StatementJournal.noteChange(toObjectOf: generation)
      storage = newValue
    }
    _modify {
      StatementJournal.noteChange(toObjectOf: generation)
      yield &storage
    }
  }
  /// The items, changed without being counted (freeing the list).
  var storage: [PyValue]
  /// The statement that made it (`StatementJournal`).
  let generation = StatementJournal.currentGeneration
  public init(_ items: [PyValue] = []) { storage = items }
  // A list nested 100,000 deep must not be freed by 100,000 nested deinits.
  deinit {
    var pending = storage
    storage = []
    PyValue.releaseIteratively(&pending)
  }
}

extension PyValue {
  /// Releases values with a loop instead of recursion: the lists and dicts only these values
  /// hold give up their items here, so freeing deeply nested data never overflows the stack.
  /// Only the items that hold values of their own wait in `pending`; the others are released
  /// with their list, so freeing ten million numbers takes no memory (under a limit on memory
  /// a copy of them could fail, after a MemoryError).
  static func releaseIteratively(_ pending: inout [PyValue]) {
    while !pending.isEmpty {
      var value = pending.removeLast()
      if var list = value.takeList() {
        if isKnownUniquelyReferenced(&list) {
          keepNested(list.storage, in: &pending)
          list.storage = []
        }
      } else if var dict = value.takeDict() {
        if isKnownUniquelyReferenced(&dict) {
          keepNested(dict.takeAll(), in: &pending)
        }
      } else if case .tuple(let items) = value {
        keepNested(items, in: &pending)
      }
    }
  }

  /// Adds to `pending` the items that hold values of their own.
  static func keepNested(_ items: [PyValue], in pending: inout [PyValue]) {
    for item in items where item.holdsValues { pending.append(item) }
  }

  /// Adds to `pending` the keys and values of `entries` that hold values of their own.
  static func keepNested(
    _ entries: [(key: PyValue, value: PyValue)], in pending: inout [PyValue]
  ) {
    for entry in entries {
      if entry.key.holdsValues { pending.append(entry.key) }
      if entry.value.holdsValues { pending.append(entry.value) }
    }
  }

  /// A list, dict or tuple: freeing it frees values it holds.
  var holdsValues: Bool {
    switch self {
    case .list, .dict, .tuple: return true
    default: return false
    }
  }

  /// The list this value holds, leaving `.none` (so the caller holds the only reference this value
  /// had).
  private mutating func takeList() -> PyList? {
    guard case .list(let list) = self else { return nil }
    self = .none
    return list
  }

  private mutating func takeDict() -> PyDict? {
    guard case .dict(let dict) = self else { return nil }
    self = .none
    return dict
  }
}

/// The arguments of one call as Python binds them, with where each was written (for carets).
public struct PyArguments {
  public var positional: [(value: PyValue, range: SourceRange?)]
  public var keywords: [(name: String, value: PyValue, range: SourceRange?)]
  /// The whole call expression `callee(...)`.
  public var range: SourceRange?
  public init(
    positional: [(value: PyValue, range: SourceRange?)] = [],
    keywords: [(name: String, value: PyValue, range: SourceRange?)] = [],
    range: SourceRange? = nil
  ) {
    self.positional = positional
    self.keywords = keywords
    self.range = range
  }
}

/// The binary operators an object may implement (`x + y`, `x * 2`).
public enum PyBinaryOperator: String, Sendable {
  case add = "+"
  case sub = "-"
  case mul = "*"
  case truediv = "/"
  case floordiv = "//"
  case mod = "%"
  case pow = "**"
  case matmul = "@"
}

/// Anything that is not a plain value: a function, a module, a Keras layer, tensor or model.
///
/// Every requirement has a default that raises what Python raises for an object that lacks the
/// feature, so a host type implements only what it supports.
public protocol PyObject: AnyObject {
  /// Python's `type(x).__name__`: `'function'`, `'module'`, `'KerasTensor'`, `'Dense'`.
  var typeName: String { get }
  /// `repr(x)`, as Python shows it.
  var repr: String { get }
  /// `str(x)`; defaults to `repr`.
  var str: String { get }
  /// `bool(x)`; defaults to true.
  var truthy: Bool { get }
  /// `x.name`: nil when there is no such attribute (the interpreter raises AttributeError).
  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue?
  /// `x.name = value`.
  func setAttribute(_ name: String, _ value: PyValue, _ interpreter: Interpreter) throws(PyError)
  /// `x(...)`.
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue
  /// `x[key]` (a slice arrives as a `PySlice` object).
  func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue
  /// `x op other` (or `other op x` when `reflected`); nil when unsupported (Python's
  /// NotImplemented: the interpreter tries the other side, then raises TypeError).
  func binary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter)
    throws(PyError) -> PyValue?
  /// `iter(x)`: the items, or nil when not iterable.
  func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]?
  /// `len(x)`, or nil when there is no length.
  var length: Int? { get }
  /// `x == other`; defaults to identity. A type that compares otherwise also says
  /// `comparesByIdentity` false.
  func equals(_ other: PyValue) -> Bool
  /// Whether `equals` is identity: a dict or set finds such a key by its address (a key of
  /// another object is compared with each such key in turn).
  var comparesByIdentity: Bool { get }
  /// `-x`, `+x`, `~x`; nil when unsupported (the interpreter raises TypeError).
  func unary(_ op: PyUnaryOperator, _ interpreter: Interpreter) throws(PyError) -> PyValue?
  /// `x[key] = value`.
  func setItem(_ key: PyValue, _ value: PyValue, _ interpreter: Interpreter) throws(PyError)
  /// `isinstance(value, x)` when `x` is a class (a Keras layer class): nil when `x` is not a
  /// class (the interpreter raises TypeError).
  func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool?
  /// The attribute names, for "did you mean" hints and `dir(x)`.
  var attributeNames: [String] { get }
  /// `with x as y:` enters `x` and binds what this returns to `y`; nil when `x` is no context
  /// manager (the interpreter raises Python's TypeError).
  func enterContext(_ interpreter: Interpreter) throws(PyError) -> PyValue?
  /// Leaves the context `enterContext` entered, told the error its block raised (nil when it
  /// raised none); true to suppress that error.
  func exitContext(_ error: PyError?, _ interpreter: Interpreter) throws(PyError) -> Bool
}

/// The unary operators an object may implement.
public enum PyUnaryOperator: String, Sendable {
  case negative = "-"
  case positive = "+"
  case invert = "~"
}

extension PyObject {
  public func enterContext(_ interpreter: Interpreter) throws(PyError) -> PyValue? { nil }
  public func exitContext(_ error: PyError?, _ interpreter: Interpreter) throws(PyError) -> Bool {
    false
  }
  public var str: String { repr }
  public var truthy: Bool { true }
  public var length: Int? { nil }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    nil
  }
  public func setAttribute(_ name: String, _ value: PyValue, _ interpreter: Interpreter)
    throws(PyError)
  {
    throw PyError(
      "AttributeError", "'\(typeName)' object attribute '\(name)' is read-only", at: nil)
  }
  public func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue
  {
    throw PyError("TypeError", "'\(typeName)' object is not callable", at: arguments.range)
  }
  public func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    throw PyError("TypeError", "'\(typeName)' object is not subscriptable", at: nil)
  }
  public func binary(
    _ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter
  ) throws(PyError) -> PyValue? { nil }
  public func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? { nil }
  public func equals(_ other: PyValue) -> Bool {
    if case .object(let o) = other { return o === self }
    return false
  }
  public var comparesByIdentity: Bool { true }
  public func unary(_ op: PyUnaryOperator, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    nil
  }
  public func setItem(_ key: PyValue, _ value: PyValue, _ interpreter: Interpreter)
    throws(PyError)
  {
    throw PyError("TypeError", "'\(typeName)' object does not support item assignment", at: nil)
  }
  public func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool? {
    nil
  }
  public var attributeNames: [String] { [] }
}
