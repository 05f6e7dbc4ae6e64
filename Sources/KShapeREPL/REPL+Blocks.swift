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

  /// The closing brackets a text lacks, innermost first (strings and comments skipped).
  static func closers(of text: String) -> String {
    var stack: [Character] = []
    var quote: [Character]? = nil
    var comment = false
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if comment {
        if c == "\n" { comment = false }
      } else if let q = quote {
        if c == "\\" {
          i += 1
        } else if chars[i...].starts(with: q) {
          i += q.count - 1
          quote = nil
        }
      } else if c == "#" {
        comment = true
      } else if c == "'" || c == "\"" {
        quote = chars[i...].starts(with: [c, c, c]) ? [c, c, c] : [c]
        i += (quote?.count ?? 1) - 1
      } else if let close = (["(": ")", "[": "]", "{": "}"] as [Character: Character])[c] {
        stack.append(close)
      } else if ")]}".contains(c), !stack.isEmpty {
        stack.removeLast()
      }
      i += 1
    }
    return String(stack.reversed())
  }

}
