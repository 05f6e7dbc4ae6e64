import Foundation
import StatementLanguage

/// Runs parsed Python programs: the interpreter of kshape's Python subset. It knows nothing of
/// Keras: the host adds modules through `importModule` and objects through `PyObject`.
public final class Interpreter {
  /// The module namespace (the host reads and writes it).
  public var globals: [String: PyValue] = [:]
  /// The builtins (`len`, `print`, `None`...), looked up after the globals.
  public var builtins: [String: PyValue] = [:]
  /// Resolves `import a.b` (called with "a" then "a.b") and `from a.b import c`.
  public var importModule: (String, SourceRange?) throws(PyError) -> PyValue = {
    name, range throws(PyError) in
    throw PyError("ModuleNotFoundError", "No module named '\(name)'", at: range)
  }
  /// Where `print` writes.
  public var write: (String) -> Void = { Swift.print($0, terminator: "") }
  /// Statements and expressions one top-level statement may evaluate before it is stopped.
  public var stepLimit = 10_000_000
  /// Nested calls of Python functions allowed (Python's default is 1000).
  public var recursionLimit = 1000
  /// The most items a list, tuple, string or range made by one operation may have.
  public var sizeLimit = 10_000_000

  var steps = 0
  var callDepth = 0
  var frames: [Frame] = []
  /// The local scope being run: a function call's or a comprehension's (nil at module level).
  var currentScope: PyScope?
  /// Set while running on the interpreter's own large stack.
  var onLargeStack = false
  /// Objects whose repr is being built (a list that contains itself shows `[...]`).
  var reprInProgress: Set<ObjectIdentifier> = []

  public init() {
    builtins = Builtins.table()
  }

  /// Parses a program into top-level statements (syntax errors are `SyntaxError` or
  /// `IndentationError`, with the source set).
  public static func parse(_ source: SourceText) throws(PyError) -> PyProgram {
    do throws(PySyntaxError) {
      return try PyParser.parse(source.text)
    } catch {
      var e = PyError(error.kind, error.message, at: error.range, hint: error.hint)
      e.source = source
      throw e
    }
  }

  /// Runs one top-level statement; an expression statement gives its value (`.none` included),
  /// every other statement nil.
  public func execute(_ statement: PyStmt, in source: SourceText) throws(PyError) -> PyValue? {
    try runOnLargeStack { () throws(PyError) -> PyValue? in
      try self.executeTopLevel(statement, in: source)
    }
  }

  func executeTopLevel(_ statement: PyStmt, in source: SourceText) throws(PyError) -> PyValue? {
    let outermost = frames.isEmpty
    if outermost {
      steps = 0
      callDepth = 0
    }
    frames.append(
      Frame(
        function: "<module>", qualifiedName: nil, source: source, range: statement.range))
    defer { frames.removeLast() }
    do throws(PyError) {
      if case .expression(let expr) = statement.kind {
        try step(expr.range)
        return try evaluate(expr)
      }
      switch try run(statement) {
      case .normal: return nil
      case .breakLoop, .continueLoop, .returned:
        throw PyError("SyntaxError", "'return' outside function", at: statement.range)
      }
    } catch {
      throw leavingFrame(error)
    }
  }

  /// Calls `callee` as Python would (a function, a builtin, a class, a host object).
  public func call(_ callee: PyValue, _ arguments: PyArguments) throws(PyError) -> PyValue {
    try runOnLargeStack { () throws(PyError) -> PyValue in
      try self.callValue(callee, arguments)
    }
  }

  /// `repr(value)`.
  public func repr(_ value: PyValue) -> String { PyRepr.repr(value, self) }

  /// `str(value)`.
  public func str(_ value: PyValue) -> String {
    switch value {
    case .str(let s): return s
    case .object(let o): return o.str
    default: return repr(value)
    }
  }

  /// `bool(value)`.
  public func truthy(_ value: PyValue) -> Bool {
    switch value {
    case .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let f): return f != 0
    case .str(let s): return !s.isEmpty
    case .tuple(let t): return !t.isEmpty
    case .list(let l): return !l.items.isEmpty
    case .dict(let d): return !d.entries.isEmpty
    case .object(let o): return o.truthy
    }
  }

  /// `a == b`.
  public func equals(_ a: PyValue, _ b: PyValue) -> Bool { PyCompare.equals(a, b) }

  /// `type(value).__name__`.
  public func typeName(of value: PyValue) -> String {
    switch value {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .str: return "str"
    case .tuple: return "tuple"
    case .list: return "list"
    case .dict: return "dict"
    case .object(let o): return o.typeName
    }
  }

  // MARK: - Limits

  /// Counts one step of work; past the limit the program is stopped.
  func step(_ range: SourceRange?) throws(PyError) {
    steps += 1
    if steps > stepLimit {
      throw PyError(
        "StepLimitError",
        "the program ran more than \(stepLimit) steps: stopped (an endless loop?)", at: range,
        hint: "kshape stops runaway code; a model-building program needs far fewer steps")
    }
  }

  /// Refuses a result of `count` items past the size limit.
  public func checkSize(_ count: Int) throws(PyError) {
    if count > sizeLimit {
      throw PyError(
        "MemoryError", "a result of \(count) items is more than kshape allows (\(sizeLimit))",
        at: nil)
    }
  }

  /// Runs `body` on a thread with a large stack unless already on one, so that deep (but
  /// limited) recursion in user code never overflows the native stack.
  func runOnLargeStack<T>(_ body: () throws(PyError) -> T) throws(PyError) -> T {
    if onLargeStack { return try body() }
    let result: Result<T, PyError> = withoutActuallyEscaping(body) { escapable in
      let box = LargeStackBox(escapable)
      onLargeStack = true
      defer { onLargeStack = false }
      let done = DispatchSemaphore(value: 0)
      let thread = Thread {
        box.run()
        done.signal()
      }
      thread.stackSize = Interpreter.stackSize
      thread.start()
      done.wait()
      return box.result ?? .failure(PyError("RuntimeError", "the interpreter did not run", at: nil))
    }
    return try result.get()
  }

  /// The stack of the interpreter's thread: Python's 1000 nested calls need a few hundred bytes
  /// of Swift stack per Python-level expression; measured by the deep-recursion test.
  static let stackSize = 512 << 20
}

/// Carries a body and its result across to the large-stack thread (used by one thread at a time:
/// the caller waits).
private final class LargeStackBox<T>: @unchecked Sendable {
  /// Dropped as soon as it has run: the caller's closure must not outlive the call
  /// (`withoutActuallyEscaping` checks), though the thread object may.
  var body: (() throws(PyError) -> T)?
  var result: Result<T, PyError>?
  init(_ body: @escaping () throws(PyError) -> T) { self.body = body }
  func run() {
    guard let body else { return }
    self.body = nil
    do throws(PyError) {
      result = .success(try body())
    } catch {
      result = .failure(error)
    }
  }
}

/// One active call: the function's name (and qualified name, nil at module level), its source,
/// and the range being evaluated (the statement, then the call in flight).
struct Frame {
  var function: String
  var qualifiedName: String?
  var source: SourceText
  var range: SourceRange
}

/// The local variables of one function call or comprehension.
final class PyScope {
  var values: [String: PyValue] = [:]
  let locals: Set<String>
  let globals: Set<String>
  let nonlocals: Set<String>
  let parent: PyScope?
  /// A comprehension's scope: its names are only the loop targets.
  let isComprehension: Bool

  init(
    locals: Set<String>, globals: Set<String> = [], nonlocals: Set<String> = [],
    parent: PyScope?, isComprehension: Bool = false
  ) {
    self.locals = locals
    self.globals = globals
    self.nonlocals = nonlocals
    self.parent = parent
    self.isComprehension = isComprehension
  }
}
