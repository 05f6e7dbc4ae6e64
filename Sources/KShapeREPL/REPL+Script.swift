import LayerCatalog
import LineEditor
import PythonRuntime
import SessionStore
import ShapeEngine
import StatementLanguage

/// Scripts: a file, a pipe or `-c`, read as they arrive and run statement by statement.
extension REPL {
  /// Most statements a script runs: each keeps ~2 KB in the session, so this bounds a script's
  /// memory to ~500 MB (the reader's byte limit alone would allow millions of `Dense(8)`).
  public static let maxScriptStatements = 250_000

  /// Non-interactive: runs a script (Python with kshape's commands between its statements),
  /// stops at the first failure; returns the exit status. A `.py` file prints what Python
  /// would (its `print`s and summaries, and commands' output); other scripts also show each
  /// statement's tensors, as the REPL does.
  public func runScript(_ lines: [String], json: Bool, name: String = "<stdin>") -> Int32 {
    runScript(ScriptedReader(lines: lines), json: json, name: name)
  }

  /// A script read as it arrives (a pipe, a file), in the units `ScriptChunker` makes: a simple
  /// statement runs at its last line, a block when a dedented line ends it, so `producer | kshape`
  /// answers as it goes and `yes x | kshape` stops at its first line. Status 1 at the first failure; 2 when the input
  /// cannot be read (`inputFailure`: a line too long, not UTF-8), when there are more than
  /// `scriptStatementLimit` statements, or when the output cannot be written.
  public func runScript(_ reader: any LineReader, json: Bool, name: String = "<stdin>") -> Int32 {
    // The terminal's width is measured once for the script, not at every statement.
    let measure = measureWidth
    let width = measure()
    measureWidth = { width }
    defer { measureWidth = measure }
    var run = ScriptRun(repl: self, json: json, python: name.hasSuffix(".py"), name: name)
    if run.python { return runProgram(reader, &run) }
    var chunker = ScriptChunker()
    var number = 0
    while run.status == 0, !run.quit, case .line(let line) = reader.readLine(prompt: "") {
      number += 1
      if output.stopped() { return 2 }
      chunker.add(line, number: number) { chunk in
        if run.status == 0, !run.quit { run.run(chunk) }
      }
    }
    if run.status == 0, !run.quit, let chunk = chunker.finish() { run.run(chunk) }
    if run.status == 0, !run.quit, let failure = reader.inputFailure {
      output.err("kshape: " + failure)
      return 2
    }
    return run.status
  }

  /// A `.py` file is a Python program: read whole and its statements parsed before the first
  /// runs, as Python compiles a file before running it, so that a syntax error on its last line
  /// runs nothing (a line that cannot be read, as Python's refusal of a file that is not
  /// UTF-8, runs nothing either). Commands between the statements (`apply 224x224`) are
  /// kshape's and are not parsed. Its units are held until then: at most
  /// `scriptStatementLimit` and one, the limit the run stops at.
  private func runProgram(_ reader: any LineReader, _ run: inout ScriptRun) -> Int32 {
    var chunker = ScriptChunker()
    var chunks: [ScriptChunk] = []
    var number = 0
    while chunks.count <= scriptStatementLimit, case .line(let line) = reader.readLine(prompt: "") {
      number += 1
      chunker.add(line, number: number) { chunks.append($0) }
    }
    if chunks.count <= scriptStatementLimit, let chunk = chunker.finish() { chunks.append(chunk) }
    if let failure = reader.inputFailure {
      output.err("kshape: " + failure)
      return 2
    }
    // The chunker parsed most units (a line of a simple statement); the others are parsed here
    // and again when they run. The first that does not parse is run alone: it reports its error
    // as it would have at its turn.
    if let bad = chunks.first(where: { chunk in
      guard chunk.program == nil, !REPL.isCommandLine(chunk.text) else { return false }
      return (try? PyParser.parse(chunk.text, firstLine: chunk.line)) == nil
    }) {
      run.run(bad)
      return run.status == 0 ? 1 : run.status
    }
    for chunk in chunks {
      if output.stopped() { return 2 }
      run.run(chunk)
      if run.status != 0 || run.quit { break }
    }
    return run.status
  }

  /// One script's run: its chunks, each to the session, what they show, and how it ended.
  struct ScriptRun {
    let repl: REPL
    let json: Bool
    let python: Bool
    let name: String
    var status: Int32 = 0
    var quit = false
    var statements = 0
    /// The bytes of the statement being shown (`Render.appendOutcome`), kept between statements.
    var scratch: [UInt8] = []

    mutating func run(_ chunk: ScriptChunk) {
      // A line the chunker found no command line is no session command either (whatever names
      // are bound: a bound name only makes a word Python).
      if !chunk.python, let command = repl.sessionCommand(chunk.text) {
        if !repl.runInScript(command, line: chunk.line, json: json) { status = 1 }
        return
      }
      let output = repl.output
      let limit = repl.scriptStatementLimit
      var status = status
      var quit = quit
      var statements = statements
      // Moved out and back, so that it is never shared (a shared buffer is copied to write).
      var scratch: [UInt8] = []
      swap(&scratch, &self.scratch)
      defer { swap(&scratch, &self.scratch) }
      let (json, python) = (self.json, self.python)
      repl.run(
        chunk.text, name: name, firstLine: chunk.line, parsed: chunk.program,
        knownPython: chunk.python
      ) {
        piece, line, outcome, style in
        statements += 1
        if statements > limit {
          output.err(
            "kshape: line \(line): the script has more than \(limit) statements, the limit that"
              + " bounds its memory")
          status = 2
          return false
        }
        // The outcome's case asked once (each match of a large enum copies it).
        let failed: Bool
        switch outcome {
        case .quit:
          quit = true
          return false
        case .effect: failed = false
        default: failed = REPL.failed(outcome)
        }
        if json, let outBuffer = output.outBuffer,
          JSONOutput.withLineBytes(outcome, line: line, source: piece, style: style, outBuffer)
        {
          // A statement's record, handed over from where it was written (no `Record`, no `String`).
        } else if json {
          for record in JSONOutput.records(outcome, line: line, source: piece, style: style) {
            output.out(JSONOutput.encode(record))
          }
        } else if python, case .executed(let x) = outcome {
          // A program shows what it printed; an expression's value is the REPL's to show.
          if x.printed { output.out(x.text) }
        } else if !python, let outBuffer = output.outBuffer,
          Render.withOutcomeBytes(outcome, style: style, outBuffer)
        {
          // A statement's tensor, handed over from where it was written (no array, no `String`).
        } else if !python, output.outBuffer == nil, let outBytes = output.outBytes,
          Render.appendOutcome(outcome, style: style, to: &scratch)
        {
          // A statement's tensor, written from a buffer kept for the script (no `String`).
          outBytes(scratch)
          scratch.removeAll(keepingCapacity: true)
        } else if !python, !failed, case .applied(let ev, let size) = outcome,
          let outBytes = output.outBytes
        {
          // An `apply` table, written as the bytes it was drawn in.
          outBytes(Render.evaluationBytes(ev, size: size, style: style))
        } else if let text = Render.outcome(outcome, source: piece, style: style), !failed,
          !python || REPL.isProgramOutput(outcome)
        {
          output.out(text)
        }
        if python, !json {
          // kshape accepts what Keras would raise at: a program's reader is told where.
          for note in Render.deferredNotes(outcome) { output.err("line \(line): " + note) }
        }
        if failed, !json, case .failure(let e) = outcome, !e.printed.isEmpty {
          output.out(String(e.printed.dropLast(e.printed.hasSuffix("\n") ? 1 : 0)))
        }
        if failed {
          // A failed apply still shows what evaluated; the failure itself goes to stderr.
          if case .applied(let ev, let size) = outcome {
            if !json { output.out(Render.evaluationTable(ev, size: size, style: style)) }
            output.err("line \(line): " + (Render.failure(ev, style: style) ?? "error"))
          } else if case .appliedSizes(let results) = outcome {
            if !json { output.out(Render.sideBySide(results, style: style, failures: false)) }
            let failing = results.filter { $0.evaluation.failure != nil }
            output.err(
              "line \(line): "
                + failing.map {
                  "\($0.size): " + (Render.failure($0.evaluation, style: style) ?? "error")
                }.joined(separator: "\n"))
          } else {
            output.err(
              "line \(line): " + (Render.outcome(outcome, source: piece, style: style) ?? "error"))
          }
          status = 1
          return false
        }
        return true
      }
      (self.status, self.quit, self.statements) = (status, quit, statements)
    }
  }

  /// A script's lines as the units that run (`ScriptChunker`): each command line on its own, each
  /// top-level Python statement with its block (so a `def` spans its lines), with its first line.
  static func chunks(_ lines: [String]) -> [(text: String, line: Int)] {
    var chunker = ScriptChunker()
    var out: [(text: String, line: Int)] = []
    for (i, line) in lines.enumerated() {
      out += chunker.add(line, number: i + 1).map { ($0.text, $0.line) }
    }
    if let last = chunker.finish() { out.append((last.text, last.line)) }
    return out
  }

}
