import LayerCatalog
import LineEditor
import ShapeEngine
import StatementLanguage

/// Where the REPL writes: normal output and errors (a test passes closures that collect).
public struct Output {
  public var out: (String) -> Void
  public var err: (String) -> Void
  /// True once normal output can no longer be written (stdout closed or full): the loops stop.
  public var stopped: () -> Bool
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
  public private(set) var session = Session()
  let output: Output

  public init(output: Output) { self.output = output }

  public static let banner = "kshape: Keras shapes without Python. Type help, or Ctrl-D to leave."

  /// Interactive: prompt, history, completion; Ctrl-C cancels the line, Ctrl-D or `quit` leaves.
  public func runInteractive(_ reader: any LineReader) {
    output.out(Self.banner)
    while true {
      switch reader.readLine(prompt: "kshape> ") {
      case .endOfInput: return
      case .interrupted: continue
      case .line(let line):
        reader.addHistory(line)
        for (piece, _) in Parser.splitStatements(line) {
          let outcome = submit(piece)
          if case .quit = outcome { return }
          if let text = Render.outcome(outcome, source: piece) {
            if case .failure = outcome { output.err(text) } else { output.out(text) }
          }
          if output.stopped() { return }
        }
      }
    }
  }

  /// Non-interactive: runs lines in order, stops at the first failure; returns the exit status.
  public func runScript(_ lines: [String], json: Bool) -> Int32 {
    runScript(ScriptedReader(lines: lines), json: json)
  }

  /// Most statements a script runs: each keeps ~2 KB in the session, so this bounds a script's
  /// memory to ~500 MB (the reader's byte limit alone would allow millions of `Dense(8)`).
  public static let maxScriptStatements = 250_000
  /// This REPL's limit (tests lower it).
  public var scriptStatementLimit = REPL.maxScriptStatements

  /// Non-interactive over a reader (a pipe or file, read as it arrives): each line runs as soon
  /// as it is read; stops at the first failure (1) or when the input cannot be read (2: a line
  /// too long, not UTF-8, past `maxScriptStatements`) or the output written.
  public func runScript(_ reader: any LineReader, json: Bool) -> Int32 {
    var number = -1
    var statements = 0
    while case .line(let line) = reader.readLine(prompt: "") {
      number += 1
      if output.stopped() { return 2 }
      for (piece, _) in Parser.splitStatements(line) {
        statements += 1
        if statements > scriptStatementLimit {
          output.err(
            "kshape: line \(number + 1): the script has more than \(scriptStatementLimit)"
              + " statements, the limit that bounds its memory")
          return 2
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
    if let failure = reader.inputFailure {
      output.err("kshape: " + failure)
      return 2
    }
    return 0
  }

  /// One statement or command; `import` reads its file here, the rest is the session's.
  public func submit(_ piece: String) -> Outcome {
    switch ImportCommand.parse(piece) {
    case .success(let command)?: return command.run(&session, source: piece)
    case .failure(let error)?: return .failure(error)
    case nil: return ExportWriter.perform(session.submit(piece))
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
    for command in ["import ", "export keras ", "export python "] where trimmed.hasPrefix(command) {
      let partial = String(trimmed.dropFirst(command.count).split(separator: " ").last ?? "")
      return trimmed.hasSuffix(" ") && !partial.isEmpty ? [] : PathCompletion.candidates(partial)
    }
    let word = String(
      before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
    guard !word.isEmpty else { return [] }
    let atStart = before.dropLast(word.count).allSatisfy { $0 == " " }
    var pool = Catalog.allNames + ["Input"] + Array(session.graph.bindings.keys)
    if atStart { pool += Session.commands.sorted() }
    return Array(Set(pool.filter { $0.lowercased().hasPrefix(word.lowercased()) })).sorted()
  }
}
