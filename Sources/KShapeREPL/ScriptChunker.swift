import StatementLanguage

/// Groups a script's lines, as they arrive, into the units that run: each command line on its
/// own (`apply 224x224`), and the Python around them as programs.
///
/// A Python statement is released as soon as it is complete by the REPL rule (a simple statement:
/// at its last line), or, for a block, when the next line shows it is over: a line that starts a
/// new top-level statement (not indented, not `else`/`elif`/`except`/`finally`, not after a
/// decorator) while the code before it is complete. So a script runs as it is read (`producer | kshape` answers as it goes, `yes x | kshape` stops at its first
/// line), and completeness is checked on one statement at a time, not on the whole script.
/// A block ends, as in a Python file, at the first line back at the left margin (the REPL rule
/// would wait for a blank line), so a command may follow a `for` block directly.
/// One unit of a script: its text, its first line, and its program when the chunker parsed it
/// already (so the session does not parse it again).
struct ScriptChunk {
  var text: String
  var line: Int
  var program: PyProgram? = nil
  /// True when the chunker found the text is no command line (`REPL.isCommandLine`), so the run
  /// need not ask again.
  var python = false
}

struct ScriptChunker {
  private var code: [String] = []
  private var start = 1
  /// The last line of `code` that is not blank.
  private var lastCodeLine = ""
  /// The parser's room, kept from line to line.
  private var scratch = PyScratch()
  /// Why `code` is incomplete, when a new line can be judged alone (a statement open over many
  /// lines: a list of layers, a parenthesis never closed early in a long script, a long
  /// triple-quoted string, a chain of backslashes). Inside brackets each new line is lexed
  /// alone after them (`PyParser.openBrackets`); inside a string only a line with its closing
  /// quotes is looked at further; after a backslash the line is lexed alone. Not the whole code again: a statement open for n lines costs O(n), not O(n^2).
  private var openEnd: PyParser.OpenEnd? = nil

  /// Takes line `number` (1-based); returns the units it completes, in order.
  mutating func add(_ line: String, number: Int) -> [ScriptChunk] {
    var out: [ScriptChunk] = []
    add(line, number: number) { out.append($0) }
    return out
  }

  /// Takes line `number` (1-based); gives `emit` the units it completes, in order (no array is
  /// made for them: a script's line completes one unit, or none).
  mutating func add(_ line: String, number: Int, _ emit: (ScriptChunk) -> Void) {
    // Most lines start with a byte that is no space, tab or carriage return: neither blank nor
    // indented, told by that byte alone.
    let first = line.utf8.first
    let spaced = first == nil || first == 0x20 || first == 0x09 || first == 0x0D
    if spaced, Self.isBlank(line) {
      // Blank lines only matter inside code (they close blocks); no check is needed for them.
      if !code.isEmpty { code.append(line) }
      // A blank line ends a backslash's logical line (brackets and strings it leaves open).
      if openEnd == .continuation { openEnd = nil }
      return
    }
    let indented = spaced && Self.startsIndented(line)
    var atTop = code.isEmpty
    // Whether the code so far is over matters only to a line at the left margin (an indented
    // line joins the code whatever it is: a long block costs a check per line at its margin,
    // not per line). Inside brackets the code is incomplete, with a blank line after it or
    // not: not at the top.
    if !atTop, !indented, openEnd == nil {
      let text = code.joined(separator: "\n")
      let starts = !Self.continues(line) && !lastCodeLine.hasPrefix("@")
      // In a file a dedented line ends a block (the REPL rule waits for a blank line): the
      // block is over when a blank line would complete it.
      let (completeness, open) = PyParser.completenessAndOpenEnd(of: text)
      atTop =
        completeness != .incomplete
        || (starts && PyParser.completeness(of: text + "\n") == .complete)
      if atTop, starts { emit(release()) }
      if !atTop { openEnd = open }
    }
    if atTop, !indented, REPL.isCommandLine(line) {
      if !code.isEmpty { emit(release()) }
      emit(ScriptChunk(text: line, line: number))
      return
    }
    // A statement of this line alone that the line parser reads (most lines of a script):
    // released without being kept, and without looking for a `;` (it has none outside its
    // strings and comments, so no command after one). It was found no command above.
    if !indented, code.isEmpty, let program = PyParser.lineProgram(line, scratch: &scratch) {
      emit(ScriptChunk(text: line, line: number, program: program, python: true))
      return
    }
    // `x = Input((None, 16)); Conv1D(4, 3); apply 100`: code and commands on one line.
    // (Without a `;` there is one piece at most.)
    let pieces =
      atTop && !indented && line.containsByte(0x3B)
      ? Parser.splitStatements(line).map(\.text) : []
    if pieces.count > 1, pieces.contains(where: REPL.isCommandLine) {
      if !code.isEmpty { emit(release()) }
      for piece in pieces { emit(ScriptChunk(text: piece, line: number)) }
      return
    }
    // Complete by the REPL rule means no block is open (a block waits for a blank line), so no
    // later line can continue it: run it now rather than when the next line arrives.
    if !indented, code.isEmpty {
      // A statement of this line alone: released without being kept. It was found no command
      // above (it started at the top). The line parser did not read it (above).
      let (completeness, program) = PyParser.check(line, scratch: &scratch, lineParser: false)
      if completeness == .complete {
        emit(ScriptChunk(text: line, line: number, program: program, python: true))
        return
      }
    }
    if code.isEmpty { start = number }
    code.append(line)
    lastCodeLine = line
    // Still inside brackets or a string: still incomplete. Else (closed, or an error) the whole
    // code is checked, below or at the next line.
    switch openEnd {
    case .brackets(let open):
      openEnd = PyParser.openBrackets(String(open) + line).map { .brackets($0) }
      if openEnd != nil { return }
    case .string(let quote):
      if !line.contains(String(repeating: quote, count: 3)) { return }
      openEnd = nil
    case .continuation:
      if PyParser.endsInContinuation(line) { return }
      openEnd = nil
    case nil: break
    }
    if !indented, code.count > 1 {
      let (completeness, program) = PyParser.check(code.joined(separator: "\n"), scratch: &scratch)
      if completeness == .complete {
        // The released text is the one checked (its last line is not blank): its parse goes
        // with it.
        var chunk = release()
        chunk.program = program
        emit(chunk)
      }
    }
  }

  /// Whether the line is blank: spaces, tabs and carriage returns only (their bytes alone: no
  /// other character starts with one of these bytes but "\r\n", which a line does not hold).
  static func isBlank(_ line: String) -> Bool {
    // Most lines are ruled out by their first byte.
    let utf8 = line.utf8
    if let first = utf8.first, first != 0x20, first != 0x09, first != 0x0D { return false }
    return utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  /// Whether the line's first character is a space or a tab (looked at as a `Character` only
  /// when its first byte is one: a combining mark after it makes another character).
  static func startsIndented(_ line: String) -> Bool {
    guard let byte = line.utf8.first, byte == 0x20 || byte == 0x09 else { return false }
    return line.first == " " || line.first == "\t"
  }

  /// The code still open at the end of the input.
  mutating func finish() -> ScriptChunk? {
    code.isEmpty ? nil : release()
  }

  private mutating func release() -> ScriptChunk {
    // Trailing blank lines close the block; the program does not need them.
    while code.count > 1, let last = code.last, Self.isBlank(last) {
      code.removeLast()
    }
    defer {
      // The array is kept for the next statement (most scripts are a statement a line).
      code.removeAll(keepingCapacity: true)
      lastCodeLine = ""
      openEnd = nil
    }
    return ScriptChunk(text: code.count == 1 ? code[0] : code.joined(separator: "\n"), line: start)
  }

  /// A line that continues the statement before it at the same indentation.
  static func continues(_ line: String) -> Bool {
    for word in ["else", "elif", "except", "finally"] where line.hasPrefix(word) {
      let rest = line.dropFirst(word.count)
      if rest.first == ":" || rest.first == " " || rest.first == "(" { return true }
    }
    return false
  }
}
