import LayerCatalog
import LineEditor
import SessionStore
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
  public internal(set) var session = Session()
  let output: Output
  /// The session in the store (SessionLink.swift); a store in memory until one is attached.
  var link: SessionLink?
  /// Asks a yes/no question on a terminal (`delete`); nil answers yes without asking.
  public var confirm: ((String) -> Bool)?
  /// Said after the banner: which session this is and how to resume the last one.
  public var startupNotice: String?

  public init(output: Output) { self.output = output }

  public static let banner = "kshape: Keras shapes without Python. Type help, or Ctrl-D to leave."

  /// Interactive: prompt, history, completion; Ctrl-C cancels the line, Ctrl-D or `quit` leaves.
  public func runInteractive(_ reader: any LineReader) {
    output.out(Self.banner)
    if let startupNotice { output.out(startupNotice) }
    while true {
      switch reader.readLine(prompt: "kshape> ") {
      case .endOfInput: return
      case .interrupted: continue
      case .line(let line):
        remember(line, in: reader)
        for (piece, _) in Parser.splitStatements(line) {
          if let command = sessionCommand(piece) {
            if !runInteractively(command, reader: reader) { return }
            continue
          }
          let outcome = submit(piece)
          if case .quit = outcome { return }
          if let text = Render.outcome(outcome, source: piece) {
            if case .failure = outcome { output.err(text) } else { output.out(text) }
          }
        }
      }
    }
  }

  /// Non-interactive: runs lines in order, stops at the first failure; returns the exit status.
  public func runScript(_ lines: some Sequence<String>, json: Bool) -> Int32 {
    for (number, line) in lines.enumerated() {
      for (piece, _) in Parser.splitStatements(line) {
        if let command = sessionCommand(piece) {
          if !runInScript(command, line: number + 1, json: json) { return 1 }
          continue
        }
        let outcome = submit(piece)
        if case .quit = outcome { return 0 }
        let failed = Self.failed(outcome)
        if json {
          if let record = JSONOutput.record(outcome, line: number + 1, source: piece) {
            output.out(JSONOutput.encode(record))
          }
        } else if let text = Render.outcome(outcome, source: piece), !failed {
          output.out(text)
        }
        if failed {
          // A failed apply still shows what evaluated; the failure itself goes to stderr.
          if case .applied(let ev, let size) = outcome {
            if !json { output.out(Render.evaluationTable(ev, size: size)) }
            output.err("line \(number + 1): " + (Render.failure(ev) ?? "error"))
          } else {
            output.err("line \(number + 1): " + (Render.outcome(outcome, source: piece) ?? "error"))
          }
          return 1
        }
      }
    }
    return 0
  }

  /// One statement or command, committed to the store (when it changes the session) before it
  /// returns, so before its result is shown.
  public func submit(_ piece: String) -> Outcome {
    guard let link = link ?? attachMemoryStore() else { return evaluate(piece).outcome }
    return link.submit(piece, in: self)
  }

  /// Evaluates on the session; `import` reads its file here, the rest is the session's. With the
  /// outcome comes the event to store when the session accepted one.
  func evaluate(_ piece: String) -> (outcome: Outcome, event: StoredEvent?) {
    switch ImportCommand.parse(piece) {
    case .success(let command)?: return command.run(&session, source: piece)
    case .failure(let error)?: return (.failure(error), nil)
    case nil:
      let before = session.statements.count
      let outcome = ExportWriter.perform(session.submit(piece))
      guard session.statements.count > before, let source = session.statements.last else {
        return (outcome, nil)
      }
      return (outcome, .statement(source))
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
  /// file paths after `import` and `export FORMAT`.
  public func completions(_ before: String) -> [String] {
    let trimmed = before.drop { $0 == " " }
    let fileCommands = [
      "import ", "export keras ", "export python ", "export script ", "export markdown ", "run ",
    ]
    for command in fileCommands where trimmed.hasPrefix(command) {
      let partial = String(trimmed.dropFirst(command.count).split(separator: " ").last ?? "")
      return trimmed.hasSuffix(" ") && !partial.isEmpty ? [] : PathCompletion.candidates(partial)
    }
    let word = String(
      before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
    guard !word.isEmpty else { return [] }
    let atStart = before.dropLast(word.count).allSatisfy { $0 == " " }
    var pool = Catalog.allNames + ["Input"] + Array(session.graph.bindings.keys)
    if atStart { pool += Session.commands.sorted() + SessionCommand.words.sorted() }
    return Array(Set(pool.filter { $0.lowercased().hasPrefix(word.lowercased()) })).sorted()
  }
}
