import StatementLanguage

/// A function written in Python (`def` or `lambda`), with the scope it closes over.
public final class PyFunction: PyObject {
  public let definition: PyFunctionDef
  /// `outer.<locals>.inner`, as Python's messages name a nested function.
  public let qualifiedName: String
  /// Defaults, evaluated once when the `def` ran (in parameter order; nil: no default).
  let defaults: [PyValue?]
  /// The scope of the enclosing function (nil at module level: names resolve to globals).
  let closure: PyScope?
  /// The source the function was written in, for tracebacks.
  public let source: SourceText

  init(
    definition: PyFunctionDef, qualifiedName: String, defaults: [PyValue?], closure: PyScope?,
    source: SourceText
  ) {
    self.definition = definition
    self.qualifiedName = qualifiedName
    self.defaults = defaults
    self.closure = closure
    self.source = source
  }

  public var name: String { definition.name }
  public var typeName: String { "function" }
  public var repr: String { "<function \(qualifiedName)>" }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "__name__": return .str(definition.name)
    case "__qualname__": return .str(qualifiedName)
    default: return nil
    }
  }
  public var attributeNames: [String] { ["__name__", "__qualname__"] }
  public func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue
  {
    try interpreter.callFunction(self, arguments)
  }
}

/// A function written in Swift: a builtin (`len`, `print`) or a method bound to its value
/// (`[1].append`).
public final class PyBuiltinFunction: PyObject {
  public let name: String
  /// Set for a bound method: `<built-in method append of list object>`.
  let ownerType: String?
  let body: (PyArguments, Interpreter) throws(PyError) -> PyValue

  public init(
    _ name: String, ownerType: String? = nil,
    _ body: @escaping (PyArguments, Interpreter) throws(PyError) -> PyValue
  ) {
    self.name = name
    self.ownerType = ownerType
    self.body = body
  }
  public var typeName: String {
    ownerType == nil ? "builtin_function_or_method" : "builtin_function_or_method"
  }
  public var repr: String {
    if let ownerType { return "<built-in method \(name) of \(ownerType) object>" }
    return "<built-in function \(name)>"
  }
  public func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue
  {
    try body(arguments, interpreter)
  }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    name == "__name__" ? .str(self.name) : nil
  }
}

/// A builtin class (`int`, `list`, `range`) or the class of a host object (`type(x)`):
/// callable when it constructs, usable with `isinstance`.
public final class PyTypeObject: PyObject {
  public let name: String
  let construct: ((PyArguments, Interpreter) throws(PyError) -> PyValue)?
  /// Whether `isinstance(value, self)` holds (nil: by `typeName(of:)`).
  let check: ((PyValue) -> Bool)?

  public init(
    _ name: String, check: ((PyValue) -> Bool)? = nil,
    construct: ((PyArguments, Interpreter) throws(PyError) -> PyValue)? = nil
  ) {
    self.name = name
    self.check = check
    self.construct = construct
  }
  public var typeName: String { "type" }
  public var repr: String { "<class '\(name)'>" }
  public func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue
  {
    guard let construct else {
      throw PyError("TypeError", "cannot create '\(name)' instances", at: arguments.range)
    }
    return try construct(arguments, interpreter)
  }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    // A class of a module (`functools.partial`) is named without it.
    if name == "__name__" { return .str(String(self.name.split(separator: ".").last ?? "")) }
    // `str.lower`, `list.append`: the method, taking its object as the first argument
    // (`sorted(names, key=str.lower)`).
    guard Methods.names(ofType: self.name).contains(name) else { return nil }
    let typeName = self.name
    return .object(
      PyBuiltinFunction("\(typeName).\(name)") { arguments, interpreter throws(PyError) in
        guard let first = arguments.positional.first else {
          throw PyError(
            "TypeError", "unbound method \(typeName).\(name)() needs an argument",
            at: arguments.range)
        }
        guard interpreter.typeName(of: first.value) == typeName,
          let method = Methods.method(first.value, name, interpreter)
        else {
          throw PyError(
            "TypeError",
            "descriptor '\(name)' for '\(typeName)' objects doesn't apply to a "
              + "'\(interpreter.typeName(of: first.value))' object", at: arguments.range)
        }
        var rest = arguments
        rest.positional.removeFirst()
        return try interpreter.call(method, rest)
      })
  }
  public var attributeNames: [String] { ["__name__"] + Methods.names(ofType: name) }
  public func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool? {
    if let check { return check(value) }
    return interpreter.typeName(of: value) == name
  }
  public var comparesByIdentity: Bool { false }
  public func equals(_ other: PyValue) -> Bool {
    if case .object(let o) = other, let t = o as? PyTypeObject { return t.name == name }
    return false
  }
}

/// `range(start, stop, step)`: lazy, as in Python.
public final class PyRange: PyObject {
  public let start: Int
  public let stop: Int
  public let step: Int
  public init(start: Int, stop: Int, step: Int) {
    self.start = start
    self.stop = stop
    self.step = step
  }
  public var typeName: String { "range" }
  public var repr: String {
    step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
  }
  public var count: Int {
    // In unsigned arithmetic, which cannot overflow for any Int bounds and steps.
    let (lo, hi) = step > 0 ? (start, stop) : (stop, start)
    guard lo < hi else { return 0 }
    let span = UInt(bitPattern: hi &- lo)
    let n = (span - 1) / step.magnitude + 1
    return n > UInt(Int.max) ? Int.max : Int(n)
  }
  public var length: Int? { count }
  public var truthy: Bool { count > 0 }
  /// The `i`th element (0 <= i < count).
  public func element(_ i: Int) -> Int { start &+ i &* step }
  public func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    if case .object(let o) = key, let slice = o as? PySlice {
      let (s, e, st) = try slice.indices(count: count)
      return .object(PyRange(start: element(s), stop: element(e), step: step &* st))
    }
    guard let i = key.asIndex else {
      throw PyError(
        "TypeError",
        "range indices must be integers or slices, not \(interpreter.typeName(of: key))", at: nil)
    }
    let index = i < 0 ? i + count : i
    guard index >= 0 && index < count else {
      throw PyError("IndexError", "range object index out of range", at: nil)
    }
    return .int(element(index))
  }
  public func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? {
    try interpreter.checkSize(count)
    return (0..<count).map { .int(element($0)) }
  }
  public var comparesByIdentity: Bool { false }
  public func equals(_ other: PyValue) -> Bool {
    guard case .object(let o) = other, let r = o as? PyRange else { return false }
    if count != r.count { return false }
    if count == 0 { return true }
    return start == r.start && (count == 1 || step == r.step)
  }
  public var attributeNames: [String] { ["count", "index", "start", "step", "stop"] }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "start": return .int(start)
    case "stop": return .int(stop)
    case "step": return .int(step)
    case "index", "count":
      return .object(
        PyBuiltinFunction(name, ownerType: "range") { a, i throws(PyError) in
          let v = try a.unpack("range.\(name)", ["value"], required: 1)
          let value = v[0] ?? .none
          var found: Int?
          if let n = value.asIndex,
            try i.contains(.object(self), .int(n), a.range ?? SourceRange(0, 0))
          {
            let distance =
              self.step > 0
              ? UInt(bitPattern: n &- self.start) : UInt(bitPattern: self.start &- n)
            let position = distance / self.step.magnitude
            guard position <= UInt(Int.max) else { throw PyArithmetic.overflow(a.range) }
            found = Int(position)
          }
          if name == "count" { return .int(found == nil ? 0 : 1) }
          guard let found else {
            throw PyError("ValueError", "\(i.repr(value)) is not in range", at: a.range)
          }
          return .int(found)
        })
    default: return nil
    }
  }
}

/// `a:b:c` inside a subscript, as the host receives it.
public final class PySlice: PyObject {
  public let start: PyValue
  public let stop: PyValue
  public let step: PyValue
  public init(start: PyValue, stop: PyValue, step: PyValue) {
    self.start = start
    self.stop = stop
    self.step = step
  }
  public var typeName: String { "slice" }
  public var repr: String {
    "slice(\(PyRepr.repr(start)), \(PyRepr.repr(stop)), \(PyRepr.repr(step)))"
  }
  public var comparesByIdentity: Bool { false }
  public func equals(_ other: PyValue) -> Bool {
    guard case .object(let o) = other, let s = o as? PySlice else { return false }
    return PyRepr.repr(.object(self)) == PyRepr.repr(.object(s))
  }

  /// Python's `slice.indices(count)`: the start, stop and step clamped to a sequence of `count`.
  public func indices(count: Int) throws(PyError) -> (start: Int, stop: Int, step: Int) {
    func int(_ v: PyValue) throws(PyError) -> Int? {
      if case .none = v { return nil }
      guard let i = v.asIndex else {
        throw PyError(
          "TypeError", "slice indices must be integers or None or have an __index__ method",
          at: nil)
      }
      return i
    }
    let step = try int(self.step) ?? 1
    guard step != 0 else { throw PyError("ValueError", "slice step cannot be zero", at: nil) }
    let lower = step > 0 ? 0 : -1
    let upper = step > 0 ? count : count - 1
    func clamp(_ v: Int?, _ absent: Int) -> Int {
      guard var v else { return absent }
      if v < 0 {
        v = v &+ count
        return v < lower ? lower : v
      }
      return v > upper ? upper : v
    }
    return (
      clamp(try int(start), step < 0 ? upper : lower),
      clamp(try int(stop), step < 0 ? lower : upper),
      step
    )
  }

  /// The positions a slice selects in a sequence of `count`.
  public func positions(count: Int) throws(PyError) -> [Int] {
    let (start, stop, step) = try indices(count: count)
    var result: [Int] = []
    var i = start
    while step > 0 ? i < stop : i > stop {
      result.append(i)
      let next = i.addingReportingOverflow(step)
      if next.overflow { break }
      i = next.partialValue
    }
    return result
  }
}

/// `...` (Python's `Ellipsis`), as in `x[..., None]`.
public final class PyEllipsis: PyObject, Sendable {
  public static let shared = PyEllipsis()
  public var typeName: String { "ellipsis" }
  public var repr: String { "Ellipsis" }
}

/// A module the host builds from a table of attributes (`keras`, `keras.layers`).
public final class PyModule: PyObject {
  public let name: String
  public var attributes: [String: PyValue] {
    didSet { StatementJournal.noteChange(toObjectOf: generation) }
  }
  /// The statement that made it: a change to an older module is counted (`StatementJournal`).
  let generation = StatementJournal.currentGeneration
  public init(name: String, attributes: [String: PyValue] = [:]) {
    self.name = name
    self.attributes = attributes
  }
  public var typeName: String { "module" }
  public var repr: String { "<module '\(name)'>" }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    attributes[name]
  }
  public func setAttribute(_ name: String, _ value: PyValue, _ interpreter: Interpreter)
    throws(PyError)
  {
    attributes[name] = value
  }
  public var attributeNames: [String] { attributes.keys.sorted() }
}

extension PyValue {
  /// An int usable as an index (bools count, as in Python).
  public var asIndex: Int? {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }
}
