/// Whether a REPL's input so far is a whole statement, by Python's own REPL rules.
public enum PyCompleteness: Sendable, Equatable {
  /// Runs as it is.
  case complete
  /// Needs more lines: show the continuation prompt.
  case incomplete
  /// Can never become valid: show the error now.
  case invalid
}

extension PyParser {
  /// Python's REPL rule: more lines are needed while a bracket is open, a line ends with a
  /// backslash, a triple-quoted string is unterminated, or a block has begun and the input does not
  /// end with an empty line (`if x:` waits for its body and then for a blank line).
  public static func completeness(of text: String) -> PyCompleteness {
    check(text).completeness
  }

  /// `completeness`, with the program when the text parsed (firstLine 1; a program's tree does
  /// not depend on its first line, only its messages do), so that a caller about to run the text
  /// does not lex and parse it again.
  public static func check(_ text: String) -> (completeness: PyCompleteness, program: PyProgram?) {
    let tokens: [PyToken]
    if let scanned = PyByteScanner.tokens(text) {
      tokens = scanned
    } else {
      do {
        var lexer = PyLexer(Array(text))
        try lexer.run()
        tokens = lexer.tokens
      } catch {
        if error.message.hasSuffix("was never closed")
          || error.message.hasPrefix("unterminated triple-quoted string")
        {
          return (.incomplete, nil)
        }
        if error.message == "unexpected character after line continuation character",
          text.trimmingTrailingNewlines().hasSuffix("\\")
        {
          return (.incomplete, nil)
        }
        return (.invalid, nil)
      }
    }
    if text.hasSuffix("\\") || text.hasSuffix("\\\n") { return (.incomplete, nil) }
    let hasBlock = tokens.contains { $0.kind == .indent } || startsCompound(tokens)
    let program: PyProgram
    do {
      var parser = PyParser(tokens: tokens, text: text)
      program = PyProgram(statements: try parser.parseFile())
    } catch {
      let endsWithEmptyLine = Self.endsWithEmptyLine(text)
      if error.message.hasPrefix("expected an indented block") && !endsWithEmptyLine {
        return (.incomplete, nil)
      }
      return (.invalid, nil)
    }
    if hasBlock && !endsWithEmptyLine(text) { return (.incomplete, program) }
    return (.complete, program)
  }

  /// The text has more than one line and its last is blank (Python's REPL closes a block so).
  static func endsWithEmptyLine(_ text: String) -> Bool {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let lastLine = lines.last.map(String.init) ?? ""
    return lines.count > 1 && lastLine.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
  }

  /// Whether the first statement is a compound one (`for i in x: print(i)` also waits for an
  /// empty line in Python's REPL).
  static func startsCompound(_ tokens: [PyToken]) -> Bool {
    guard let first = tokens.first(where: { $0.kind != .newline }) else { return false }
    switch first.kind {
    case .name("if"), .name("for"), .name("while"), .name("def"), .name("class"), .name("with"),
      .name("try"), .op("@"):
      return true
    default: return false
    }
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var s = self
    while let last = s.last, last.isNewline { s.removeLast() }
    return s
  }
}
