import LayerCatalog
import LineEditor
import PythonRuntime
import SessionStore
import ShapeEngine
import StatementLanguage

/// Where the REPL writes: normal output and errors (a test passes closures that collect).
public struct Output {
  public var out: (String) -> Void
  public var err: (String) -> Void
  /// True once normal output can no longer be written (stdout closed or full): the loops stop.
  public var stopped: () -> Bool
  /// Shows text through a pager command (`summary | less`); false when it could not, and the
  /// text is then written to `out`.
  public var page: ((_ text: String, _ pager: String) -> Bool)?
  /// Writes UTF-8 text and a newline as `out` does, without making a `String` of it (a report
  /// written piece by piece); nil: through `out`.
  public var outBytes: (([UInt8]) -> Void)?
  /// `outBytes` for bytes the writer holds where they are (on the stack); nil: through
  /// `outBytes`.
  public var outBuffer: ((UnsafeBufferPointer<UInt8>) -> Void)?
  public init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void,
    stopped: @escaping () -> Bool = { false }
  ) {
    self.out = out
    self.err = err
    self.stopped = stopped
  }
}

/// The read-eval-print loop over any line reader: an error is a value, and the loop never dies.
public final class REPL {
  public internal(set) var session = Session()
  let output: Output
  /// The session in the store (SessionLink.swift); a store in memory until one is attached.
  var link: SessionLink?
  /// Asks a yes/no question on a terminal (`delete`); nil answers yes without asking.
  public var confirm: ((String) -> Bool)?
  /// Said after the banner: which session this is and how to resume the last one.
  public var startupNotice: String?

  /// How results are laid out (`summary --keras` and the like change it for one line).
  public var style = RenderStyle.plain
  /// The most statements a script may run here (`maxScriptStatements`; tests lower it).
  public var scriptStatementLimit = REPL.maxScriptStatements
  /// The terminal's width now (it can change between lines); nil for pipes and tests.
  public var measureWidth: () -> Int? = { nil }

  public init(output: Output, kerasStrict: Bool = false) {
    self.output = output
    if kerasStrict { session = Session(kerasStrict: true) }
  }

  public static let banner = "kshape: Keras shapes without Python. Type help, or Ctrl-D to leave."
  static let prompt = "kshape> "
  static let continuation = "    ... "

  /// Interactive: prompt, history, completion; a block (`def`, `for`, an open bracket) reads on
  /// with a continuation prompt until it is complete, as Python's REPL does; Ctrl-C cancels the
  /// block, Ctrl-D or `quit` leaves. When a statement fails, the rest of a paste is skipped.
  public func runInteractive(_ reader: any LineReader) {
    output.out(Prose.wrap(Self.banner, width: measureWidth()))
    if let startupNotice { output.out(Prose.wrap(startupNotice, width: measureWidth())) }
    var block = TypedBlock()
    while true {
      switch reader.readLine(prompt: block.isEmpty ? Self.prompt : Self.continuation) {
      case .endOfInput:
        if block.isEmpty { return }
        block.reset()
        continue
      case .interrupted:
        block.reset()
        continue
      case .line(let line):
        if block.isEmpty, let command = sessionCommand(line) {
          remember(line, in: reader)
          if !runInteractively(command, reader: reader) { return }
          continue
        }
        if block.isEmpty, Self.isCommandLine(line) {
          remember(line, in: reader)
          if !runInteractiveText(line, reader) || output.stopped() { return }
          continue
        }
        if block.add(line) { continue }
        let text = block.text
        block.reset()
        remember(text, in: reader)
        if !runInteractiveText(text, reader) || output.stopped() { return }
      }
    }
  }

  /// Runs one complete text typed or pasted; false when it asked to quit.
  private func runInteractiveText(_ text: String, _ reader: any LineReader) -> Bool {
    var quit = false
    var failed = false
    run(text, name: "<stdin>", firstLine: 1) { piece, _, outcome, style in
      if case .quit = outcome {
        quit = true
        return false
      }
      if case .failure(let e) = outcome, !e.printed.isEmpty {
        output.out(String(e.printed.dropLast(e.printed.hasSuffix("\n") ? 1 : 0)))
      }
      if let rendered = Render.outcome(outcome, source: piece, style: style) {
        if Self.failed(outcome) {
          output.err(rendered)
        } else if let pager = style.pager, let page = output.page, page(rendered, pager) {
        } else {
          output.out(rendered)
        }
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

  /// A line that is one of kshape's own commands (`apply 224x224`, `summary`, `load m.keras`,
  /// `Conv2D?`), not Python.
  static func isCommandLine(_ line: String) -> Bool {
    // Most lines are Python: ruled out by their first word (or a `?`, 0x3F, for `Conv2D?`),
    // without the parsers below.
    guard commandStarts.containsLeadingWord(of: line) || line.containsByte(0x3F)
    else { return false }
    return ImportCommand.parse(line) != nil || HelpShortcut.topic(line) != nil
      || Session.command(in: line) != nil
      || SessionCommand.parse(line, isBound: { _ in false }) != nil
  }

  /// Every word a command line can start with (`Conv2D?` aside: that ends with `?`).
  static let commandWords: Set<String> = Session.commands.union(SessionCommand.words)
    .union(["load", "import"])

  /// `commandWords`, matched against a line's first word without making a string of it.
  static let commandStarts = LeadingWords(commandWords)

  /// Runs a text: a command, or Python statements, calling `each` with every statement's
  /// source, its line number, its outcome and the style to show it in; `each` returns false to
  /// stop. Every statement the session accepts is committed to the store before `each` shows it.
  /// `parsed` is the text's program when the caller parsed it already; `knownPython` when the
  /// caller found it is no command line (`isCommandLine`).
  func run(
    _ text: String, name: String, firstLine: Int, parsed: PyProgram? = nil,
    knownPython: Bool = false, _ each: (String, Int, Outcome, RenderStyle) -> Bool
  ) {
    let original = text
    // A text without the bytes a curly quote or a pipe starts with (nearly every statement) is
    // neither straightened nor a pipe: one scan asks both.
    let plain = !Self.mayHaveQuotesOrPipe(text)
    let text = plain ? text : Self.straightQuotes(text)
    // Straightened quotes make another text: it is asked again.
    let command = knownPython && text == original ? false : Self.isCommandLine(text)
    if command || (!plain && Self.pagerPipe(text) != nil) {
      for (outcome, style) in runCommand(text) where !each(text, firstLine, outcome, style) {
        return
      }
      return
    }
    // A run without a store (a script, -c) records nothing; a session command attaches one.
    let link = self.link
    // Another kshape may have changed the session since the last statement: reload first.
    link?.refresh(self)
    defer { link?.finish(self) }
    // A constant for the closure below to read in place (a variable it captures is copied at
    // each statement).
    let style = {
      var style = self.style
      style.width = measureWidth()
      return style
    }()
    if session.displayWidth != style.width { session.displayWidth = style.width }
    // The text as `Character`s, made only for a statement that is not the whole text (a value
    // the closure below mutates, not a local function that captures it: that took a box a run).
    var characters = LazyCharacters(text: text)
    // A parse of the text before its quotes were straightened is not this text's.
    let parsed = text == original ? parsed : nil
    // What the typo check asks of the names before the text ran: only the text's own words can
    // be a piece's first word, so only they are looked up (not the whole, growing session).
    // A text of one statement is looked up only if it fails, once the session is done with it:
    // a failed statement leaves the session's names as they were before it (it is undone).
    let single = parsed?.statements.count == 1
    let names = single ? [] : Self.words(of: text, where: { session.hasName($0) })
    // The failure of a text of one statement, shown once the session is done with it (kept in
    // three variables: asking an optional tuple holding an outcome copies the outcome).
    var failedPiece: String?
    var failedLine = 0
    var failedOutcome = Outcome.nothing
    // The text is no command line, found above (`isCommandLine` asks `Session.command(in:)`).
    session.submitProgram(
      text, name: name, firstLine: firstLine, parsed: parsed, notCommand: true
    ) {
      piece, outcome, accepted in
      if accepted { link?.record(.statement(piece)) }
      // The statement's line: count the newlines before it in the text. The outcome's case is
      // asked once (each match of a large enum copies it).
      var line = firstLine
      switch outcome {
      case .failure(let e):
        if let r = e.statementRange ?? (e.source == nil ? e.diagnostic.range : nil),
          r.start <= characters.get().count
        {
          // Where the error stands in the text: the program's own line of a traceback (a
          // syntax error's piece is the whole text). Clamped: a range that starts before the
          // text (an INDENT's range was once so for a tab-indented line) must not trap.
          let chars = characters.get()
          let at = min(max(r.start, 0), chars.count)
          line += chars[..<at].filter { $0 == "\n" }.count
        } else {
          line += Self.newlines(before: piece, in: text, &characters)
        }
        if single {
          // Shown below, once the session is done (the last statement of the text).
          (failedPiece, failedLine, failedOutcome) = (piece, line, outcome)
          return false
        }
        return each(
          piece, line,
          Self.withCommandTypo(ExportWriter.perform(outcome), piece, names: names), style)
      case .export:
        line += Self.newlines(before: piece, in: text, &characters)
        return each(
          piece, line,
          Self.withCommandTypo(ExportWriter.perform(outcome), piece, names: names), style)
      default:
        // Passed on as it is, not copied (it carries the graph).
        line += Self.newlines(before: piece, in: text, &characters)
        return each(piece, line, outcome, style)
      }
    }
    if let piece = failedPiece {
      let names = Self.words(of: text, where: { session.hasName($0) })
      _ = each(piece, failedLine, Self.withCommandTypo(failedOutcome, piece, names: names), style)
    }
  }

  /// How many lines of `text` come before `piece` (0 when the piece is the whole text, or is
  /// not found in it).
  private static func newlines(
    before piece: String, in text: String, _ characters: inout LazyCharacters
  ) -> Int {
    guard piece != text, let start = Self.offset(of: piece, in: characters.get()) else {
      return 0
    }
    return characters.get()[..<start].filter { $0 == "\n" }.count
  }

  /// One command line (`apply`, `summary`, `load`, `Conv2D?`...): its outcome, to the session
  /// or read here (a model file).
  func submitCommand(_ text: String) -> Outcome {
    if let topic = HelpShortcut.topic(text) { return .help(topic) }
    switch ImportCommand.parse(text) {
    case .success(let command)?:
      // A run without a store (a script, -c) records nothing; a session command attaches one.
      let link = self.link
      link?.refresh(self)
      defer { link?.finish(self) }
      let (outcome, event) = command.run(&session, source: text)
      if let event { link?.record(event) }
      return ExportWriter.perform(outcome)
    case .failure(let error)?: return .failure(error)
    case nil:
      // A long scan on a terminal shows how far it is (on stderr, erased when it ends).
      if let (word, argument) = Session.command(in: text), word == "scan",
        let progress = ScanProgress(
          label: "scanning sizes "
            + (argument.split(separator: " ").first.map(String.init) ?? "1-256"))
      {
        defer { progress.finish() }
        return session.scan(argument) { progress.update(done: $0, total: $1) }
      }
      return ExportWriter.perform(session.submit(text))
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
    run(piece, name: "<stdin>", firstLine: 1) { _, _, outcome, _ in
      last = outcome
      return true
    }
    return last
  }

  /// What a Python program itself shows: what it printed, and kshape's commands.
  static func isProgramOutput(_ o: Outcome) -> Bool {
    switch o {
    case .effect, .shown, .imported: return false
    // What the program printed, not the tensors its calls made.
    case .executed(let x): return x.printed
    default: return true
    }
  }

  static func failed(_ o: Outcome) -> Bool {
    switch o {
    case .failure: return true
    case .applied(let ev, _): return ev.failure != nil
    case .appliedSizes(let results): return results.contains { $0.evaluation.failure != nil }
    default: return false
    }
  }

  /// Tab completion (`Completion`): commands, layers, a call's argument names and values, the
  /// session's names; file paths after `load`, `import PATH` and `export FORMAT`.
  public func completions(_ before: String) -> [String] {
    Completion(session: session).candidates(before)
  }
}

/// A text's `Character`s, made the first time they are asked for.
struct LazyCharacters {
  let text: String
  private var made: [Character]?

  init(text: String) { self.text = text }

  mutating func get() -> [Character] {
    if let made { return made }
    let chars = text.pyCharacters
    made = chars
    return chars
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
