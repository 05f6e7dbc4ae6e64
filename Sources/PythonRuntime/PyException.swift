import StatementLanguage

/// An exception class (`ValueError`) or instance (`ValueError('bad')`), for `raise` and
/// `except`.
public final class PyException: PyObject {
  public let kind: String
  /// `str(e)` of an instance; nil for the class itself.
  public let message: String?
  /// An instance's `args`.
  let args: [PyValue]
  /// The error an `except ... as e` caught, raised again as it was by `raise e`.
  let caught: PyError?
  public init(kind: String, message: String?) {
    self.kind = kind
    self.message = message
    self.args = message.map { $0.isEmpty ? [] : [.str($0)] } ?? []
    self.caught = nil
  }
  init(kind: String, message: String, args: [PyValue]) {
    self.kind = kind
    self.message = message
    self.args = args
    self.caught = nil
  }
  init(caught: PyError) {
    self.kind = caught.kind
    self.message = caught.message
    self.args = caught.arguments ?? (caught.message.isEmpty ? [] : [.str(caught.message)])
    self.caught = caught
  }
  public var typeName: String { message == nil ? "type" : kind }
  public var repr: String {
    guard message != nil else { return "<class '\(kind)'>" }
    return "\(kind)(\(args.map { PyRepr.repr($0) }.joined(separator: ", ")))"
  }
  public var str: String { message ?? repr }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "__name__" where message == nil: return .str(kind)
    case "args" where message != nil: return .tuple(args)
    default: return nil
    }
  }
  /// `ValueError(...)`: `str` of one argument (a KeyError's repr), the tuple's repr of several.
  public func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue
  {
    guard message == nil else {
      throw PyError("TypeError", "'\(kind)' object is not callable", at: arguments.range)
    }
    let args = arguments.positional.map(\.value)
    let text =
      args.count == 1
      ? (kind == "KeyError" ? interpreter.repr(args[0]) : interpreter.str(args[0]))
      : args.isEmpty ? "" : interpreter.repr(.tuple(args))
    return .object(PyException(kind: kind, message: text, args: args))
  }
  public func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool? {
    guard message == nil else { return nil }
    if case .object(let o) = value, let e = o as? PyException, e.message != nil {
      return Self.isSubclass(e.kind, of: kind)
    }
    return false
  }

  /// Python's built-in exception classes kshape raises or names, each with its base (CPython
  /// 3.11's hierarchy).
  static let bases: [String: String] = [
    "Exception": "BaseException", "KeyboardInterrupt": "BaseException",
    "SystemExit": "BaseException", "GeneratorExit": "BaseException",
    "ArithmeticError": "Exception", "AssertionError": "Exception", "AttributeError": "Exception",
    "EOFError": "Exception", "ImportError": "Exception", "LookupError": "Exception",
    "MemoryError": "Exception", "NameError": "Exception", "OSError": "Exception",
    "RuntimeError": "Exception", "StopIteration": "Exception", "SyntaxError": "Exception",
    "TypeError": "Exception", "ValueError": "Exception",
    "FloatingPointError": "ArithmeticError", "OverflowError": "ArithmeticError",
    "ZeroDivisionError": "ArithmeticError", "ModuleNotFoundError": "ImportError",
    "IndexError": "LookupError", "KeyError": "LookupError", "UnboundLocalError": "NameError",
    "FileNotFoundError": "OSError", "NotImplementedError": "RuntimeError",
    "RecursionError": "RuntimeError", "IndentationError": "SyntaxError",
    "UnicodeError": "ValueError",
  ]

  /// Whether class `kind` is `ancestor` or derives from it. NumPy's AxisError is both a
  /// ValueError and an IndexError.
  static func isSubclass(_ kind: String, of ancestor: String) -> Bool {
    if kind == "AxisError" {
      return ancestor == kind || isSubclass("ValueError", of: ancestor)
        || isSubclass("IndexError", of: ancestor)
    }
    var k: String? = kind
    while let c = k {
      if c == ancestor { return true }
      k = bases[c]
    }
    return false
  }

  /// Whether a program's `except` may catch an error of class `kind`: not kshape's own stops
  /// (its step limit, Ctrl-C) nor a SyntaxError, which CPython raises before the program runs.
  static func isCatchable(_ kind: String) -> Bool {
    !["StepLimitError", "KeyboardInterrupt", "SyntaxError", "IndentationError"].contains(kind)
  }
}
