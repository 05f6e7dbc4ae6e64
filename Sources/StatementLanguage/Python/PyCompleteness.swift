/// Room a caller keeps between `PyParser.check` calls: the last text's token array, the last
/// one-line program's statement array, and the names and integers scanned so far
/// (`PyNameTable`).
public struct PyScratch {
  var tokens: [PyToken] = []
  /// The array of the last program `PyLineParser` read (one statement), shared with that
  /// program: the next one is made in it when the caller has let the last go (a script runs
  /// each statement before it checks the next), not in a new array.
  var statements: [PyStmt] = []
  /// Made at the first check that keeps its scratch (a text checked alone makes none).
  var names: PyNameTable? = nil
  /// The calls `PyLineParser` read, made with `names`.
  var calls: PyCallTable? = nil
  public init() {}

  /// Makes `names` and `calls` when they are not made yet.
  mutating func makeTables() {
    if names == nil {
      names = PyNameTable()
      calls = PyCallTable()
    }
  }
}

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
    var scratch = PyScratch()
    return check(text, scratch: &scratch)
  }

  /// `check`, with the token array kept in `scratch` between calls (a script checks a
  /// statement a line: its tokens are made in the room the last line's left). `lineParser`
  /// false: the text is known not to be read by `lineProgram`, which is not asked again.
  public static func check(_ text: String, scratch: inout PyScratch, lineParser: Bool = true)
    -> (completeness: PyCompleteness, program: PyProgram?)
  {
    scratch.makeTables()
    var openEnd: OpenEnd? = nil
    return check(text, scratch: &scratch, openEnd: &openEnd, lineParser: lineParser)
  }

  /// The program of `text` when `PyLineParser` reads it (`check` then finds it complete): a
  /// one-line simple statement of its forms, so with no `;` outside its strings and comments.
  /// Nil otherwise.
  public static func lineProgram(_ text: String, scratch: inout PyScratch) -> PyProgram? {
    scratch.makeTables()
    return lineProgram(text, &scratch)
  }

  private static func lineProgram(_ text: String, _ scratch: inout PyScratch) -> PyProgram? {
    guard let statement = PyLineParser.statement(text, names: scratch.names, calls: scratch.calls)
    else { return nil }
    // (Were the last program still held, the array would be copied, as a new one is made.)
    if scratch.statements.count == 1 {
      scratch.statements[0] = statement
    } else {
      scratch.statements = [statement]
    }
    return PyProgram(statements: scratch.statements)
  }

  /// Why a text is incomplete, when what a next line can change is known without lexing the
  /// text again.
  public enum OpenEnd: Equatable, Sendable {
    /// The lexer read it all without an error but these brackets left open, outermost first
    /// (see `openBrackets`).
    case brackets([Character])
    /// It ends inside a triple-quoted string of this quote character: until a line holds three
    /// of them in a row, nothing ends the string (what a string holds is read once it is closed).
    case string(Character)
    /// It ends with a backslash outside brackets, its only error (`endsInContinuation`): a next
    /// line continues its logical line, and is lexed alone the same (no indentation is read
    /// after a continuation, and none raises an error on a text's first line).
    case continuation
  }

  /// `completeness`, with why the text is incomplete, when that is an `OpenEnd`.
  public static func completenessAndOpenEnd(of text: String) -> (
    completeness: PyCompleteness, openEnd: OpenEnd?
  ) {
    var scratch = PyScratch()
    var openEnd: OpenEnd? = nil
    let completeness = check(text, scratch: &scratch, openEnd: &openEnd).completeness
    return (completeness, openEnd)
  }

  static func check(
    _ text: String, scratch: inout PyScratch, openEnd: inout OpenEnd?, lineParser: Bool = true
  ) -> (completeness: PyCompleteness, program: PyProgram?) {
    // Most lines are a simple statement of a few forms: read from the bytes, without tokens
    // (complete: it is one line, no block, no open bracket). `lineParser` off: the tests'
    // comparisons, and a line `lineProgram` did not read.
    if lineParser, let program = lineProgram(text, &scratch) { return (.complete, program) }
    var tokens: [PyToken] = []
    swap(&tokens, &scratch.tokens)
    // Given back at the end, when the parser's reference to it is gone.
    defer { swap(&tokens, &scratch.tokens) }
    // The byte scanner's text is ASCII without "\r": it reads the last bytes as characters.
    let endsWithBackslash = PyByteScanner.scan(text, into: &tokens, names: scratch.names)
    if endsWithBackslash == nil {
      var lexer = PyLexer(text.pyCharacters)
      do {
        try lexer.run()
        tokens = lexer.tokens
      } catch {
        openEnd = lexer.openEnd
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
    if endsWithBackslash ?? (text.hasSuffix("\\") || text.hasSuffix("\\\n")) {
      return (.incomplete, nil)
    }
    let hasBlock =
      startsCompound(tokens)
      || tokens.contains { if case .indent = $0.kind { true } else { false } }
    let program: PyProgram
    do {
      var parser = PyParser(tokens: tokens, text: text)
      program = PyProgram(statements: try parser.parseFile())
    } catch {
      let endsWithEmptyLine = Self.endsWithEmptyLine(text)
      // A block not yet followed by its next line: one more indented line, or a `try`'s
      // `except` or `finally`.
      if !endsWithEmptyLine,
        error.message.hasPrefix("expected an indented block")
          || error.message == "expected 'except' or 'finally' block"
      {
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
    var i = 0
    while i < tokens.count, case .newline = tokens[i].kind { i += 1 }
    guard i < tokens.count else { return false }
    // A name that is no keyword (most statements' first token) starts no compound statement.
    if tokens[i].isIdentifier { return false }
    switch tokens[i].kind {
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

extension PyLexer {
  /// Why the text the lexer stopped on is incomplete, when that is an `OpenEnd` (read after
  /// `run` threw).
  var openEnd: PyParser.OpenEnd? {
    if endedInBrackets { return .brackets(brackets.map(\.char)) }
    if let quote = endedInString { return .string(quote) }
    if endedInContinuation, brackets.isEmpty { return .continuation }
    return nil
  }

  /// `openEnd` of `text` lexed alone.
  static func openEnd(_ text: String) -> PyParser.OpenEnd? {
    var lexer = PyLexer(text.pyCharacters)
    do {
      try lexer.run()
      return nil
    } catch {
      return lexer.openEnd
    }
  }
}

extension PyParser {
  /// Whether `text`, lexed alone, ends with a backslash outside brackets and has no other
  /// error: then a text that ends so (`OpenEnd.continuation`) and this line after it still does.
  public static func endsInContinuation(_ text: String) -> Bool {
    PyLexer.openEnd(text) == .continuation
  }

  /// The brackets `text` leaves open, outermost first, when the lexer reads all of it without an
  /// error but those brackets left open (the text is then `.incomplete`); nil otherwise (an
  /// error, or no bracket open).
  ///
  /// Inside brackets a line's tokens do not depend on the lines before it but through the
  /// brackets they left open (no indentation, no NEWLINE; a string that spans lines, or a
  /// backslash at the text's end, is an error here): so a caller adding a line to a text known
  /// to end inside brackets `open` asks `openBrackets(String(open) + line)` instead of lexing
  /// the whole text again, and a statement open for many lines costs each line its own length.
  public static func openBrackets(_ text: String) -> [Character]? {
    if case .brackets(let open)? = PyLexer.openEnd(text) { return open }
    return nil
  }
}
