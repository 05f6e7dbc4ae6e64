import PythonRuntime
import StatementLanguage
import Testing

/// What running a program printed, and the error that stopped it.
struct RunResult {
  var output: String
  var error: PyError?
  /// The last expression statement's value, as the REPL would show it.
  var lastValue: PyValue?
}

/// Runs `source` statement by statement, as the host does, collecting what `print` writes.
func run(_ source: String, configure: (Interpreter) -> Void = { _ in }) -> RunResult {
  let interpreter = Interpreter()
  configure(interpreter)
  var output = ""
  interpreter.write = { output += $0 }
  let text = SourceText(name: "<test>", text: source)
  var result = RunResult(output: "", error: nil)
  do {
    let program = try Interpreter.parse(text)
    for statement in program.statements {
      result.lastValue = try interpreter.execute(statement, in: text)
    }
  } catch {
    result.error = error
  }
  result.output = output
  return result
}

/// The output of `source`, or the error as Python prints its last line (`Kind: message`).
func outcome(_ source: String) -> String {
  let result = run(source)
  guard let error = result.error else { return result.output }
  return result.output + "\(error.kind): \(error.message)"
}

/// The 1-based line of a range's start in `text`.
func line(of offset: Int, in text: String) -> Int {
  1 + text.prefix(offset).filter(\.isNewline).count
}
