/// What one call to `LineReader.readLine(prompt:)` produced.
public enum LineResult: Equatable, Sendable {
  /// A complete line, without its trailing newline.
  case line(String)
  /// The user pressed Ctrl-C; the partial line was discarded.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// A source of input lines for the REPL: a terminal editor, a pipe, or a test script.
///
/// `.interrupted` and `.endOfInput` leave the cursor at the start of a fresh line, so the
/// caller can print whatever it likes next.
public protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` where the reader has a terminal to show it on.
  func readLine(prompt: String) -> LineResult
  /// Remembers `line` for recall; blank lines are ignored.
  func addHistory(_ line: String)
  /// Why the input ended early (a line too long, bytes that are not UTF-8, a read error), as a
  /// sentence naming the input and the line; nil when it simply ended.
  var inputFailure: String? { get }
  /// Reads one line that starts out as `initialText`, to be edited (`edit N`).
  func readLine(prompt: String, initialText: String) -> LineResult
  /// Whether more input is already waiting (the rest of a paste).
  var hasPendingInput: Bool { get }
}

extension LineReader {
  /// Readers that cannot fail (a terminal, a test script) have nothing to say.
  public var inputFailure: String? { nil }
  /// Readers without an editor ignore the initial text: the line read replaces it.
  public func readLine(prompt: String, initialText: String) -> LineResult {
    readLine(prompt: prompt)
  }

  public var hasPendingInput: Bool { false }

  /// Seeds the history with earlier lines, oldest first (for replaying a stored session).
  public func loadHistory(_ lines: [String]) {
    for line in lines {
      addHistory(line)
    }
  }
}

/// Returns a `LibEditReader` when stdin and stdout are both terminals, else a `PlainReader`.
///
/// - Parameters:
///   - programName: The name libedit uses to select lines in `~/.editrc`.
///   - completion: Tab completion for the terminal reader; see `LibEditReader.completion`.
public func makeLineReader(
  programName: String,
  completion: ((_ textBeforeCursor: String) -> [String])? = nil
) -> any LineReader {
  guard let reader = LibEditReader(programName: programName) else {
    return PlainReader()
  }
  reader.completion = completion
  return reader
}

extension String {
  /// True for the empty string and for strings of whitespace only.
  var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
