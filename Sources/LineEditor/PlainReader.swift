/// Reads lines from a pipe or file: no prompt, no editing, no history.
///
/// Used when stdin or stdout is not a terminal, so that `printf '...' | kshape` prints only
/// the REPL's answers.
public final class PlainReader: LineReader {
  /// Creates a reader over the process's standard input.
  public init() {}

  /// Returns the next line of standard input (the prompt is not shown).
  public func readLine(prompt: String) -> LineResult {
    guard let line = Swift.readLine(strippingNewline: true) else {
      return .endOfInput
    }
    return .line(line)
  }

  /// Does nothing: piped input has no one to recall it.
  public func addHistory(_ line: String) {}
}

/// Replays a fixed list of results, for testing code that drives a `LineReader` without a
/// terminal.
public final class ScriptedReader: LineReader {
  /// Every prompt passed to `readLine(prompt:)`, in order.
  public private(set) var prompts: [String] = []
  /// Every non-blank line passed to `addHistory(_:)`, in order.
  public private(set) var history: [String] = []
  private var pending: ArraySlice<LineResult>

  /// Creates a reader that returns `results` in order, then `.endOfInput` forever.
  public init(_ results: [LineResult]) {
    pending = results[...]
  }

  /// Creates a reader that returns each of `lines` as `.line`, then `.endOfInput`.
  public convenience init(lines: [String]) {
    self.init(lines.map(LineResult.line))
  }

  /// Records the prompt and returns the next scripted result.
  public func readLine(prompt: String) -> LineResult {
    prompts.append(prompt)
    return pending.popFirst() ?? .endOfInput
  }

  /// Records `line` unless it is blank.
  public func addHistory(_ line: String) {
    if !line.isBlank {
      history.append(line)
    }
  }
}
