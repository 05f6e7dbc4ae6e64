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
