import LayerCatalog
import LineEditor
import PythonRuntime
import SessionStore
import ShapeEngine
import StatementLanguage

/// When a typed block is complete: Python's REPL rules, and a parse that already fails.
extension REPL {
  /// Whether a typed block needs more lines: an open bracket or string, a trailing backslash,
  /// or a block (`def`, `for`, `if`) not yet closed by an empty line.
  /// A text whose parse already fails before its end is complete (and wrong), as Python's own
  /// REPL says at once: `Input((None, 3)` followed by a new statement is a syntax error there.
  static func needsMore(_ text: String, lastLine: String) -> Bool {
    guard PyParser.completeness(of: text) == .incomplete else { return false }
    do {
      _ = try Interpreter.parse(SourceText(name: "<stdin>", text: text))
      return true
    } catch {
      let end = text.count - text.reversed().prefix { $0.isWhitespace }.count
      if error.message.hasSuffix("was never closed") {
        // Close the brackets and parse again: an error inside what was typed is there already.
        do {
          _ = try Interpreter.parse(SourceText(name: "<stdin>", text: text + closers(of: text)))
          return true
        } catch {
          return (error.range?.start ?? end) >= end
        }
      }
      if error.message.hasPrefix("unterminated triple-quoted")
        || error.message.hasPrefix("expected an indented block")
      {
        return true
      }
      return (error.range?.start ?? end) >= end
    }
  }

  /// The closing brackets a text lacks, innermost first (as the lexer reads its strings and
  /// comments).
  static func closers(of text: String) -> String {
    let closing: [Character: Character] = ["(": ")", "[": "]", "{": "}"]
    return String((PyParser.openBrackets(text) ?? []).reversed().compactMap { closing[$0] })
  }

}

/// A block typed or pasted line by line at the interactive prompt: whether it needs more lines
/// (`REPL.needsMore`), checked whole at each line while it is short, as Python's REPL does.
///
/// A long block (a pasted list of layers, a long function) would cost a check of all its text at
/// every line: O(n^2) for n lines (a 2,000-line paste took 12 s). Past `exactLines` lines, a line
/// that cannot end the block (inside brackets it leaves open, inside a triple-quoted string it
/// does not close, after a backslash, or an indented line of an open compound statement) is
/// taken without a check until the block has doubled since the last check: the checks cost
/// O(n) in all. Any other line is checked at once. What is lost is only when a syntax error
/// inside such a long block is told: at the next check (at most twice the lines), not at its
/// line; the error then reported is the same (the first in the text).
struct TypedBlock {
  /// Blocks up to this many lines are checked at every line.
  static let exactLines = 64

  private(set) var lines: [String] = []
  /// Why the block was open at its last check, carried line by line since (nil: an open
  /// compound statement, waiting for its indented lines and a blank line).
  private var openEnd: PyParser.OpenEnd?
  /// The block's line count at its last whole check.
  private var checkedAt = 0
  /// How many whole checks were made (for tests).
  private(set) var checks = 0

  var isEmpty: Bool { lines.isEmpty }
  var text: String { lines.joined(separator: "\n") }

  /// Adds a line; true when the block needs more lines.
  mutating func add(_ line: String) -> Bool {
    lines.append(line)
    if lines.count > Self.exactLines, lines.count < 2 * checkedAt, let open = stillOpen(line) {
      openEnd = open
      return true
    }
    checks += 1
    checkedAt = lines.count
    let text = self.text
    guard REPL.needsMore(text, lastLine: line) else { return false }
    if lines.count >= Self.exactLines {
      openEnd = PyParser.completenessAndOpenEnd(of: text).openEnd
    }
    return true
  }

  /// The block's open end after `line` when the line cannot end it; nil when it may.
  private func stillOpen(_ line: String) -> PyParser.OpenEnd?? {
    switch openEnd {
    case .brackets(let open):
      guard let still = PyParser.openBrackets(String(open) + line) else { return nil }
      return .some(.brackets(still))
    case .string(let quote):
      return line.contains(String(repeating: quote, count: 3)) ? nil : .some(openEnd)
    case .continuation:
      return PyParser.endsInContinuation(line) ? .some(openEnd) : nil
    case nil:
      // An open compound statement: an indented line that is not blank continues it.
      return ScriptChunker.startsIndented(line) && !ScriptChunker.isBlank(line) ? .some(nil) : nil
    }
  }

  mutating func reset() { self = TypedBlock() }
}
