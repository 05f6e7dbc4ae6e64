import StatementLanguage

/// A Python exception: its class, message, where it was raised, and the call stack through user
/// functions, innermost last, as Python's traceback lists it.
public struct PyError: Error {
  /// Python's exception class: `NameError`, `TypeError`, `ValueError`; `RecursionError` for the
  /// depth limit and `TimeoutError`-like `StepLimitError` for the step limit.
  public var kind: String
  public var message: String
  /// A suggestion shown after the error: "did you mean 'filters'?".
  public var hint: String?
  /// Where it was raised, in the source of the innermost frame.
  public var range: SourceRange?
  /// The source the range is in (set by the interpreter when it is nil).
  public var source: SourceText?
  /// The frames it passed through, outermost first: `in conv_block, line 4`.
  public var traceback: [PyFrame] = []
  /// The host's own error (a Keras shape error from the engine) carried through unchanged, so
  /// its renderer can show it the way it always has.
  public var underlying: (any Error)?
  /// The exception's `args` when they are not its message alone (a KeyError's key; a
  /// program's `raise ValueError('a', 2)`).
  public var arguments: [PyValue]?

  public init(
    _ kind: String, _ message: String, at range: SourceRange?, hint: String? = nil,
    underlying: (any Error)? = nil
  ) {
    self.kind = kind
    self.message = message
    self.range = range
    self.hint = hint
    self.underlying = underlying
  }
}

extension PyError {
  /// `KeyError(key)`: its message is the key's repr, its `args` the key.
  static func keyError(_ key: PyValue, _ repr: String, at range: SourceRange?) -> PyError {
    var error = PyError("KeyError", repr, at: range)
    error.arguments = [key]
    return error
  }
}

/// One frame of a traceback: the function (`<module>` at top level) and where the call stood.
public struct PyFrame {
  public var function: String
  public var source: SourceText
  public var range: SourceRange
  public init(function: String, source: SourceText, range: SourceRange) {
    self.function = function
    self.source = source
    self.range = range
  }
}

/// A program's text with its name (`<stdin>`, `model.py`), shared by every range into it.
/// Ranges are `Character` offsets from the start of `text`.
public final class SourceText {
  public let name: String
  public let text: String
  /// The line number of the text's first line in its file (a REPL block starts at 1).
  public let firstLine: Int
  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
  }
}
