import Foundation
import StatementLanguage

/// Runs parsed Python programs: the interpreter of kshape's Python subset. It knows nothing of
/// Keras: the host adds modules through `importModule` and objects through `PyObject`.
public final class Interpreter {
  /// The module namespace (the host reads and writes it; its writes empty `globalNames` and
  /// `readCache`).
  public var globals: [String: PyValue] {
    get { globalValues }
    set {
      globalValues = newValue
      globalNames.isValid = false
      readCache.isValid = false
    }
    // A write of one global changes the dictionary in place.
    _modify {
      globalNames.isValid = false
      readCache.isValid = false
      yield &globalValues
    }
  }
  /// The globals' storage: the interpreter's own writes (`storeGlobal`, `deleteName`) keep
  /// `globalNames` and `readCache` as they go, where a write through `globals` empties them.
  var globalValues: [String: PyValue] = [:]
  /// Which names `globals` may hold (kept by `storeGlobal` and `deleteName`).
  let globalNames = GlobalNameFilter()
  /// The values of global and builtin names read or written before (kept by `storeGlobal`
  /// and `deleteName`; emptied by any other change to the globals or builtins).
  let readCache = GlobalReadCache()
  /// The global written last and its value (the host reads it after a statement `x = ...`,
  /// whose last act is that write, instead of looking `x` up again; it clears it once read).
  public var lastGlobalStore: (name: String, value: PyValue)?
  /// The builtins (`len`, `print`, `None`...), looked up after the globals.
  public var builtins: [String: PyValue] {
    get { builtinValues }
    set {
      builtinValues = newValue
      readCache.isValid = false
    }
    // A write of one builtin (`builtins[name] = value`, as the host makes them) changes the
    // dictionary in place: an observed stored property copied it whole at each write.
    _modify {
      readCache.isValid = false
      yield &builtinValues
    }
  }
  /// The builtins' storage (`builtins`, whose writes empty `readCache`).
  private var builtinValues: [String: PyValue] = [:]
  /// Resolves `import a.b` (called with "a" then "a.b") and `from a.b import c`.
  /// The standard modules of `PyStandardModules` (`math`, `os`) are resolved before it.
  public var importModule: (String, SourceRange?) throws(PyError) -> PyValue = {
    name, range throws(PyError) in
    throw PyError("ModuleNotFoundError", "No module named '\(name)'", at: range)
  }
  /// Names the host resolves when neither the globals nor the builtins have them (kshape: `_`
  /// and the layers' Keras names); nil leaves the NameError.
  public var unresolvedGlobal: ((String) -> PyValue?)?
  /// The names `unresolvedGlobal` may resolve that are not read yet, for a NameError's
  /// suggestion (looked at with the builtins).
  public var unresolvedNames: (() -> [String])?
  /// Where `print` writes.
  public var write: (String) -> Void = { Swift.print($0, terminator: "") }
  /// Statements and expressions one top-level statement may evaluate before it is stopped.
  public var stepLimit = 10_000_000
  /// Asked every few thousand steps (the REPL's Ctrl-C): true stops the program with
  /// `KeyboardInterrupt`.
  public var isInterrupted: (() -> Bool)?
  /// Nested calls of Python functions allowed (Python's default is 1000).
  public var recursionLimit = 1000
  /// The most items a list, tuple, string or range made by one operation may have.
  public var sizeLimit = 10_000_000
  /// The most heap (bytes) the process may hold while the program runs: results that are each
  /// within `sizeLimit` but kept by the dozen stop here with a MemoryError.
  public var memoryLimit = MemoryUse.defaultLimit
  /// Items made since the memory was last measured (it is measured every 2**20 items made, every
  /// large result and every 4,096 steps: a few microseconds each time).
  var itemsSinceMemoryCheck = 0

  /// Whether each top-level statement keeps a journal of its changes (the session's declared
  /// run does, to undo a failed statement; replays do not).
  public var journals = false
  /// The journal of the last top-level statement run with `journals` on.
  public private(set) var journal: StatementJournal?

  /// An emptied array of positional arguments, for the next call (`evaluateCall`), or none
  /// (no capacity).
  var spareArguments: [(value: PyValue, range: SourceRange?)] = []

  var steps = 0
  var callDepth = 0
  var frames: [Frame] = []
  /// The local scope being run: a function call's or a comprehension's (nil at module level).
  var currentScope: PyScope?
  /// Set while running on the interpreter's own large stack.
  var onLargeStack = false
  /// Where the large stack starts (0: not on it) and how many bytes of it code may use.
  var stackBase: UInt = 0
  var stackBudget = 0
  /// Objects whose repr is being built (a list that contains itself shows `[...]`).
  var reprInProgress: Set<ObjectIdentifier> = []
  /// Told when a `try` body whose errors `except` clauses may catch starts (true) and ends
  /// (false), nested ones too: the host then raises what it would otherwise let pass.
  public var onCatchingBlock: ((_ entering: Bool) -> Void)?
  /// The exceptions whose `except` blocks are running, innermost last (a bare `raise` re-raises
  /// the last).
  var handledErrors: [PyError] = []
  /// The long string indexed last (`stringView`).
  var lastStringView: PyStringView?

  public init() {
    builtins = Builtins.table()
  }

  deinit {
    var values = Array(globals.values)
    // The cache's references go first: the values' last ones are released without recursion.
    readCache.empty()
    globalValues = [:]
    PyValue.releaseIteratively(&values)
  }

  /// Parses a program into top-level statements (syntax errors are `SyntaxError` or
  /// `IndentationError`, with the source set).
  public static func parse(_ source: SourceText) throws(PyError) -> PyProgram {
    // Parsing recurses once per nesting level (capped at 200): on the large stack too, so that a
    // caller on a small thread stack never overflows.
    let box = LargeStackBox { () throws(PyError) -> PyProgram in
      do throws(PySyntaxError) {
        return try PyParser.parse(source.text, firstLine: source.firstLine)
      } catch {
        var e = PyError(error.kind, error.message, at: error.range, hint: error.hint)
        e.source = source
        throw e
      }
    }
    if currentThreadIsLarge {
      box.run(stackSize: stackSize)
    } else if !LargeStackThread.run(box, stackSizes: parserStackSizes) {
      throw PyError(
        "MemoryError", "kshape could not start the interpreter's thread (no memory for its stack)",
        at: nil)
    }
    let result =
      box.result ?? .failure(PyError("RuntimeError", "the parser did not run", at: nil))
    return try result.get()
  }

  /// Runs one top-level statement; an expression statement gives its value (`.none` included),
  /// every other statement nil.
  public func execute(_ statement: PyStmt, in source: SourceText) throws(PyError) -> PyValue? {
    if runsHere {
      return try runHere { () throws(PyError) -> PyValue? in
        try self.executeTopLevel(statement, in: source)
      }
    }
    return try runOnLargeStack { () throws(PyError) -> PyValue? in
      try self.executeTopLevel(statement, in: source)
    }
  }

  func executeTopLevel(_ statement: PyStmt, in source: SourceText) throws(PyError) -> PyValue? {
    let outermost = frames.isEmpty
    if outermost {
      steps = 0
      callDepth = 0
      MemoryUse.adviseHeapGrowth()
      if journals {
        // One journal object, restarted per statement (read after it, until the next).
        let journal: StatementJournal
        if let kept = self.journal {
          kept.restart()
          journal = kept
        } else {
          journal = StatementJournal()
          self.journal = journal
        }
        return try StatementJournal.running(journal) { () throws(PyError) -> PyValue? in
          try self.executeFrame(statement, in: source)
        }
      }
    }
    return try executeFrame(statement, in: source)
  }

  private func executeFrame(_ statement: PyStmt, in source: SourceText) throws(PyError)
    -> PyValue?
  {
    frames.append(
      Frame(
        function: "<module>", qualifiedName: nil, source: source, range: statement.range))
    defer { frames.removeLast() }
    do throws(PyError) {
      // An expression statement (its value given back) and an assignment handed on as they are
      // (see `evaluate`: their parts borrowed, not copied), the rest run.
      switch statement.kind {
      case .expression(let expr):
        return try evaluateTopLevel(expr)
      case .assign(let targets, let valueExpr):
        // What `run` does first (the frame's range is the statement's already).
        try step(statement.range)
        try runAssignment(targets, valueExpr)
        return nil
      default:
        switch try run(statement) {
        case .normal: return nil
        case .breakLoop, .continueLoop, .returned:
          throw PyError("SyntaxError", "'return' outside function", at: statement.range)
        }
      }
    } catch {
      throw leavingFrame(error)
    }
  }

  /// The value of a top-level expression statement.
  private func evaluateTopLevel(_ expr: PyExpr) throws(PyError) -> PyValue {
    try step(expr.range)
    return try evaluate(expr)
  }

  /// Calls `callee` as Python would (a function, a builtin, a class, a host object).
  public func call(_ callee: PyValue, _ arguments: PyArguments) throws(PyError) -> PyValue {
    if frames.isEmpty {
      steps = 0
      callDepth = 0
    }
    return try runOnLargeStack { () throws(PyError) -> PyValue in
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
    case .dict(let d): return d.count > 0
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

  /// Runs `body` on a thread with a large stack unless already on one, so that deep (but
  /// limited) recursion in user code never overflows the native stack.
  func runOnLargeStack<T>(_ body: @escaping () throws(PyError) -> T) throws(PyError) -> T {
    if runsHere { return try runHere(body) }
    let box = LargeStackBox(body)
    box.onStart = { [unowned self] base, budget in
      self.stackBase = base
      self.stackBudget = budget
    }
    onLargeStack = true
    defer {
      onLargeStack = false
      stackBase = 0
    }
    guard let worker = StackWorkers.take(stackSizes: Interpreter.grantedStackSizes) else {
      throw PyError(
        "MemoryError", "kshape could not start the interpreter's thread (no memory for its stack)",
        at: nil)
    }
    worker.perform(box)
    StackWorkers.give(worker)
    let result =
      box.result ?? .failure(PyError("RuntimeError", "the interpreter did not run", at: nil))
    return try result.get()
  }

  /// Whether `runHere` may run code on this thread: it is on the large stack already, or it is
  /// the host's own large thread.
  var runsHere: Bool { onLargeStack || Self.currentThreadIsLarge }

  /// `runOnLargeStack` where `runsHere`: `body` runs on this thread (no closure context is
  /// allocated for it, as a thread of its own would need).
  func runHere<T>(_ body: () throws(PyError) -> T) throws(PyError) -> T {
    if onLargeStack { return try body() }
    // The host's own large thread: run here, measuring the stack from this point on.
    var marker = 0
    stackBase = withUnsafePointer(to: &marker) { UInt(bitPattern: $0) }
    let size = Self.currentThreadStackSize ?? Self.stackSize
    stackBudget = size - max(size / 8, 8 << 20)
    onLargeStack = true
    defer {
      onLargeStack = false
      stackBase = 0
    }
    return try body()
  }
}

/// Carries a body and its result across to the large-stack thread (used by one thread at a time:
/// the caller waits).
private final class LargeStackBox<T>: LargeStackJob, @unchecked Sendable {
  /// Dropped as soon as it has run: the caller's closure must not outlive the call.
  var body: (() throws(PyError) -> T)?
  var result: Result<T, PyError>?
  /// Told where the stack starts and how much of it may be used, before the body runs.
  var onStart: ((_ base: UInt, _ budget: Int) -> Void)?
  init(_ body: @escaping () throws(PyError) -> T) { self.body = body }
  func run(stackSize: Int) {
    guard let body else { return }
    self.body = nil
    var marker = 0
    let base = withUnsafePointer(to: &marker) { UInt(bitPattern: $0) }
    // Keep an eighth (at least 8 MB) for the host's own calls between two checks.
    onStart?(base, stackSize - max(stackSize / 8, 8 << 20))
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
  /// The statement that made it: a closure's scope changed by a later statement (`nonlocal`)
  /// is counted (`StatementJournal`).
  let generation = StatementJournal.currentGeneration

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
