import Foundation
import KShapeREPL
import Testing

/// `kshape run prog.py` parses the whole program before its first statement runs, as Python
/// compiles a file before running it: a syntax error on a later line runs nothing. The programs
/// and what CPython did with them are golden cases (tools/pygolden/python_table.py,
/// `programs/*`), here run the way `kshape run` runs a file.
@Suite struct WholeProgramTests {
  struct Case: Decodable {
    struct Failure: Decodable {
      var type: String
      var message: String
      var line: Int?
    }
    var id: String
    var source: String
    var stdout: String
    var error: Failure?
  }

  static let cases: [String: Case] = {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "PythonRuntimeTests/Golden/python_cases.jsonl")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
    var cases: [String: Case] = [:]
    for line in text.split(separator: "\n") {
      if let c = try? JSONDecoder().decode(Case.self, from: Data(line.utf8)),
        c.id.hasPrefix("programs/")
      {
        cases[c.id] = c
      }
    }
    return cases
  }()

  static func run(_ source: String, name: String) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let status = repl.runScript(
      lines.last == "" ? Array(lines.dropLast()) : lines, json: false, name: name)
    return (status, out, err)
  }

  @Test(arguments: [
    "programs/syntax_error_after_statements_that_print",
    "programs/bad_escape_after_statements_that_print",
  ])
  func aSyntaxErrorOnALaterLineRunsNothing(id: String) throws {
    let c = try #require(Self.cases[id], "the golden case is there")
    let error = try #require(c.error)
    let r = Self.run(c.source, name: "prog.py")
    #expect(r.status == 1)
    #expect(r.out.joined(separator: "\n") + (r.out.isEmpty ? "" : "\n") == c.stdout)
    // CPython's message for a SyntaxError ends with where it is: kshape says the line first.
    let message = error.message.replacingOccurrences(
      of: " (<program>, line \(error.line ?? 0))", with: "")
    // The first line of the report (the source line and a caret follow).
    let reported = r.err.first?.split(separator: "\n").first.map(String.init)
    #expect(reported == "line \(error.line ?? 0): error: \(error.type): \(message)")
  }

  /// A session script (not `.py`) runs as it arrives, as typed lines do: the statements before
  /// the failing line ran and showed their output.
  @Test func aSessionScriptRunsUpToTheFailingLine() throws {
    let c = try #require(Self.cases["programs/syntax_error_after_statements_that_print"])
    let r = Self.run(c.source, name: "<stdin>")
    #expect(r.status == 1)
    #expect(r.out.contains("before"))
  }

  /// kshape's commands between a program's statements are not Python and are not parsed as
  /// such; the program runs.
  @Test func commandsBetweenStatementsRun() {
    let r = Self.run(
      """
      import keras
      inputs = keras.Input((None, None, 3))
      outputs = keras.layers.Conv2D(
          4, 3)(inputs)
      apply 8x8
      print("done")
      """, name: "prog.py")
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.last == "done")
    #expect(r.out.contains { $0.contains("(None, 6, 6, 4)") })
  }
}
