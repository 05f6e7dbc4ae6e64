import LayerCatalog
import LineEditor
import ShapeEngine
import StatementLanguage

/// Where the REPL writes: normal output and errors (a test passes closures that collect).
public struct Output {
  public var out: (String) -> Void
  public var err: (String) -> Void
  /// Shows text through a pager command (`summary | less`); false when it could not, and the
  /// text is then written to `out`.
  public var page: ((_ text: String, _ pager: String) -> Bool)?
  public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.out = out
    self.err = err
  }
}

/// The read-eval-print loop over any line reader: an error is a value, and the loop never dies.
public final class REPL {
  public private(set) var session = Session()
  let output: Output
  /// How results are laid out (`summary --keras` and the like change it for one line).
  public var style = RenderStyle.plain
  /// The terminal's width now (it can change between lines); nil for pipes and tests.
  public var measureWidth: () -> Int? = { nil }

  public init(output: Output) { self.output = output }

  public static let banner = "kshape: Keras shapes without Python. Type help, or Ctrl-D to leave."

  /// Interactive: prompt, history, completion; Ctrl-C cancels the line, Ctrl-D or `quit` leaves.
  public func runInteractive(_ reader: any LineReader) {
    output.out(Prose.wrap(Self.banner, width: measureWidth()))
    while true {
      switch reader.readLine(prompt: "kshape> ") {
      case .endOfInput: return
      case .interrupted: continue
      case .line(let line):
        reader.addHistory(line)
        for (piece, _) in Parser.splitStatements(line) {
          for (outcome, style) in run(piece) {
            if case .quit = outcome { return }
            if let text = Render.outcome(outcome, source: piece, style: style) {
              if Self.failed(outcome) {
                output.err(text)
              } else if let pager = style.pager, let page = output.page, page(text, pager) {
              } else {
                output.out(text)
              }
            }
          }
        }
      }
    }
  }

  /// Non-interactive: runs lines in order, stops at the first failure; returns the exit status.
  public func runScript(_ lines: [String], json: Bool) -> Int32 {
    for (number, line) in lines.enumerated() {
      for (piece, _) in Parser.splitStatements(line) {
        for (outcome, style) in run(piece) {
          if case .quit = outcome { return 0 }
          let failed = Self.failed(outcome)
          if json {
            if let record = JSONOutput.record(outcome, line: number + 1, source: piece) {
              output.out(JSONOutput.encode(record))
            }
          } else if let text = Render.outcome(outcome, source: piece, style: style), !failed {
            output.out(text)
          }
          if failed {
            // A failed apply still shows what evaluated; the failure itself goes to stderr.
            if case .applied(let ev, let size) = outcome {
              if !json { output.out(Render.evaluationTable(ev, size: size, style: style)) }
              output.err("line \(number + 1): " + (Render.failure(ev, style: style) ?? "error"))
            } else {
              output.err(
                "line \(number + 1): "
                  + (Render.outcome(outcome, source: piece, style: style) ?? "error"))
            }
            return 1
          }
        }
      }
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

  /// Tab completion (`Completion`): commands, layers, a call's argument names and values, the
  /// session's names; file paths after `import` and `export FORMAT`.
  public func completions(_ before: String) -> [String] {
    Completion(session: session).candidates(before)
  }
}
