import LayerCatalog
import LineEditor
import ShapeEngine
import StatementLanguage

/// Where the REPL writes: normal output and errors (a test passes closures that collect).
public struct Output {
  public var out: (String) -> Void
  public var err: (String) -> Void
  public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.out = out
    self.err = err
  }
}

/// The read-eval-print loop over any line reader: an error is a value, and the loop never dies.
public final class REPL {
  public private(set) var session = Session()
  let output: Output

  public init(output: Output) { self.output = output }

  public static let banner = "kshape: Keras shapes without Python. Type help, or Ctrl-D to leave."
  static let prompt = "kshape> "
  static let continuation = "    ... "

  /// Interactive: prompt, history, completion; a block (`def`, `for`, an open bracket) reads on
  /// with a continuation prompt until it is complete, as Python's REPL does; Ctrl-C cancels the
  /// block, Ctrl-D or `quit` leaves. When a statement fails, the rest of a paste is skipped.
  public func runInteractive(_ reader: any LineReader) {
    output.out(Self.banner)
    var block: [String] = []
    while true {
      switch reader.readLine(prompt: block.isEmpty ? Self.prompt : Self.continuation) {
      case .endOfInput:
        if block.isEmpty { return }
        block = []
        continue
      case .interrupted:
        block = []
        continue
      case .line(let line):
        if block.isEmpty, Self.isCommandLine(line) {
          reader.addHistory(line)
          if !runInteractiveText(line, reader) { return }
          continue
        }
        block.append(line)
        let text = block.joined(separator: "\n")
        if Self.needsMore(text, lastLine: line) { continue }
        block = []
        reader.addHistory(text)
        if !runInteractiveText(text, reader) { return }
      }
    }
  }

  /// Runs one complete text typed or pasted; false when it asked to quit.
  private func runInteractiveText(_ text: String, _ reader: any LineReader) -> Bool {
    var quit = false
    var failed = false
    run(text, name: "<stdin>", firstLine: 1) { piece, _, outcome in
      if case .quit = outcome {
        quit = true
        return false
      }
      if let rendered = Render.outcome(outcome, source: piece) {
        if Self.failed(outcome) { output.err(rendered) } else { output.out(rendered) }
      }
      if Self.failed(outcome) { failed = true }
      return true
    }
    if failed {
      // The rest of a paste is not run: its lines are already waiting.
      var skipped = 0
      while reader.hasPendingInput, case .line = reader.readLine(prompt: "") { skipped += 1 }
      if skipped > 0 {
        output.err(
          "skipped the rest of the paste (\(skipped) line\(skipped == 1 ? "" : "s")): the "
            + "statement above failed")
      }
    }
    return !quit
  }

  /// Whether a typed block needs more lines: an open bracket or string, a trailing backslash,
  /// or a block (`def`, `for`, `if`) not yet closed by an empty line.
  static func needsMore(_ text: String, lastLine: String) -> Bool {
    switch PyParser.completeness(of: text) {
    case .incomplete: return true
    default: return false
    }
  }

  /// A line that is one of kshape's own commands (`apply 224x224`, `summary`, `load m.keras`,
  /// `Conv2D?`), not Python.
  static func isCommandLine(_ line: String) -> Bool {
    ImportCommand.parse(line) != nil || HelpShortcut.topic(line) != nil
      || Parser.parseCommand(line, commands: Session.commands) != nil
  }

  /// Non-interactive: runs a script (Python with kshape's commands between its statements),
  /// stops at the first failure; returns the exit status. A `.py` file prints what Python
  /// would (its `print`s and summaries, and commands' output); other scripts also show each
  /// statement's tensors, as the REPL does.
  public func runScript(_ lines: [String], json: Bool, name: String = "<stdin>") -> Int32 {
    let python = name.hasSuffix(".py")
    var status: Int32 = 0
    var quit = false
    for chunk in Self.chunks(lines) where status == 0 && !quit {
      run(chunk.text, name: name, firstLine: chunk.line) { piece, line, outcome in
        if case .quit = outcome {
          quit = true
          return false
        }
        let failed = Self.failed(outcome)
        if json {
          if let record = JSONOutput.record(outcome, line: line, source: piece) {
            output.out(JSONOutput.encode(record))
          }
        } else if let text = Render.outcome(outcome, source: piece), !failed,
          !python || Self.isProgramOutput(outcome)
        {
          output.out(text)
        }
        if failed {
          // A failed apply still shows what evaluated; the failure itself goes to stderr.
          if case .applied(let ev, let size) = outcome {
            if !json { output.out(Render.evaluationTable(ev, size: size)) }
            output.err("line \(line): " + (Render.failure(ev) ?? "error"))
          } else {
            output.err("line \(line): " + (Render.outcome(outcome, source: piece) ?? "error"))
          }
          status = 1
          return false
        }
        return true
      }
    }
    return status
  }

  /// `kshape -c TEXT`: its lines, each split on the `;` outside strings and brackets, so that
  /// `x = Input((None, 16)); Conv1D(8, 3); apply 100` mixes code and commands.
  public static func commandLineStatements(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
      let pieces = Parser.splitStatements(String(line)).map(\.text)
      return pieces.isEmpty ? [""] : pieces
    }
  }

  /// A script's lines as the units that run: each command line on its own, and the Python
  /// between commands as one program (so a `def` spans its lines), with its first line number.
  static func chunks(_ lines: [String]) -> [(text: String, line: Int)] {
    var out: [(text: String, line: Int)] = []
    var code: [String] = []
    var start = 1
    for (i, line) in lines.enumerated() {
      let atTop = code.isEmpty || PyParser.completeness(of: code.joined(separator: "\n")) != .incomplete
      let indented = line.first == " " || line.first == "\t"
      if atTop, !indented, isCommandLine(line) {
        if !code.isEmpty { out.append((code.joined(separator: "\n"), start)) }
        code = []
        out.append((line, i + 1))
        continue
      }
      if code.isEmpty { start = i + 1 }
      code.append(line)
    }
    if !code.isEmpty { out.append((code.joined(separator: "\n"), start)) }
    return out
  }

  /// Runs a text: a command, or Python statements, calling `each` with every statement's
  /// source, its line number and its outcome; `each` returns false to stop.
  func run(
    _ text: String, name: String, firstLine: Int, _ each: (String, Int, Outcome) -> Bool
  ) {
    if let topic = HelpShortcut.topic(text) {
      _ = each(text, firstLine, .help(topic))
      return
    }
    switch ImportCommand.parse(text) {
    case .success(let command)?:
      _ = each(text, firstLine, ExportWriter.perform(command.run(&session, source: text)))
      return
    case .failure(let error)?:
      _ = each(text, firstLine, .failure(error))
      return
    case nil: break
    }
    let chars = Array(text)
    session.submitProgram(text, name: name, firstLine: firstLine) { piece, outcome in
      // The statement's line: count the newlines before it in the text.
      var line = firstLine
      if let start = Self.offset(of: piece, in: chars) {
        line += chars[..<start].filter { $0 == "\n" }.count
      }
      return each(piece, line, ExportWriter.perform(outcome))
    }
  }

  private static func offset(of piece: String, in chars: [Character]) -> Int? {
    let p = Array(piece)
    guard !p.isEmpty, p.count <= chars.count else { return nil }
    var i = 0
    while i + p.count <= chars.count {
      if chars[i] == p[0], Array(chars[i..<(i + p.count)]) == p { return i }
      i += 1
    }
    return nil
  }

  /// One statement or command (tests and `-c` pieces): the outcome of its last statement.
  public func submit(_ piece: String) -> Outcome {
    var last = Outcome.nothing
    run(piece, name: "<stdin>", firstLine: 1) { _, _, outcome in
      last = outcome
      return true
    }
    return last
  }

  /// What a Python program itself shows: what it printed, and kshape's commands.
  static func isProgramOutput(_ o: Outcome) -> Bool {
    switch o {
    case .effect, .shown, .imported: return false
    default: return true
    }
  }

  static func failed(_ o: Outcome) -> Bool {
    switch o {
    case .failure: return true
    case .applied(let ev, _): return ev.failure != nil
    default: return false
    }
  }

  /// Tab completion: commands, layer names and the session's names that start with the word;
  /// file paths after `load`, `import` and `export FORMAT`.
  public func completions(_ before: String) -> [String] {
    let trimmed = before.drop { $0 == " " }
    for command in ["load ", "import ", "export keras ", "export python "]
    where trimmed.hasPrefix(command) {
      let partial = String(trimmed.dropFirst(command.count).split(separator: " ").last ?? "")
      if command == "import ", !partial.contains("/"), !partial.contains(".") { break }
      return trimmed.hasSuffix(" ") && !partial.isEmpty ? [] : PathCompletion.candidates(partial)
    }
    let word = String(
      before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
    guard !word.isEmpty else { return [] }
    let atStart = before.dropLast(word.count).allSatisfy { $0 == " " }
    var pool = Catalog.allNames + ["Input", "Model", "Sequential"] + session.names
    if atStart { pool += Session.commands.sorted() + ["load"] }
    return Array(Set(pool.filter { $0.lowercased().hasPrefix(word.lowercased()) })).sorted()
  }
}

/// IPython's `Conv2D?` and `keras.layers.Dense?`: help on a name.
enum HelpShortcut {
  static func topic(_ line: String) -> String? {
    let t = line.trimmingCharacters(in: " \t")
    guard t.count > 1, t.last == "?" else { return nil }
    let name = t.dropLast()
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }),
      name.first?.isLetter == true
    else { return nil }
    return String(name.split(separator: ".").last ?? name)
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
