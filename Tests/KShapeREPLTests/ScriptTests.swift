import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// Non-interactive runs: JSON Lines, stop at the first failure, exit status.
@Suite struct ScriptTests {
  func run(_ lines: [String], json: Bool = true) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    let status = repl.runScript(lines, json: json)
    return (status, out, err)
  }

  func records(_ lines: [String]) throws -> [JSONOutput.Record] {
    try lines.map { try JSONDecoder().decode(JSONOutput.Record.self, from: Data($0.utf8)) }
  }

  @Test func jsonLinesForEachStatement() throws {
    let r = run([
      "ip = Input((None, None, 3))", "# a comment", "Conv2D(3, (5, 5), padding='valid')",
      "apply 100x100",
    ])
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    let recs = try records(r.out)
    #expect(recs.map(\.kind) == ["input", "layer", "apply"])
    #expect(recs.map(\.line) == [1, 3, 4])
    #expect(recs[1].outputs?.first?.shape == [nil, nil, nil, 3])
    #expect(recs[1].outputs?.first?.formula == ["None", "H-4", "W-4", "3"])
    #expect(recs[2].layers?.map(\.outputShapes) == [[[nil, 100, 100, 3]], [[nil, 96, 96, 3]]])
    #expect(recs[2].params?.total == 228)
  }

  @Test func stopsAtTheFirstFailureWithStatusOne() throws {
    let r = run(["x = Input((8, 8, 3))", "Conv2D(4, 3, paddin='same')", "Dense(2)"])
    #expect(r.status == 1)
    let recs = try records(r.out)
    #expect(recs.count == 2)
    #expect(recs[1].ok == false)
    #expect(recs[1].error?.message.contains("paddin") == true)
    #expect(r.err.count == 1 && r.err[0].contains("did you mean 'padding'?"))
  }

  @Test func applyFailureNamesTheLayer() throws {
    let r = run(["x = Input((None, None, 3))", "Conv2D(3, 5)", "apply 2x2"])
    #expect(r.status == 1)
    let apply = try #require(try records(r.out).last)
    #expect(apply.ok == false)
    #expect(apply.error?.layer == "conv2d")
    #expect(apply.error?.className == "Conv2D")
    #expect(apply.error?.statement == 2)
  }

  @Test func semicolonsSplitStatements() throws {
    let r = run(["x = Input((None, 16)); Conv1D(4, 3, padding='causal'); apply 100"])
    #expect(r.status == 0)
    #expect(try records(r.out).last?.layers?.last?.outputShapes == [[nil, 100, 4]])
  }

  @Test func plainTextGoesToStdoutAndErrorsToStderr() {
    let r = run(["x = Input((None, None, 3))", "Conv2D(3, 5)", "apply 2x2"], json: false)
    #expect(r.status == 1)
    #expect(r.out.last?.contains("Applied at 2x2:") == true)
    #expect(r.err.first?.contains("the smallest height that works is 5") == true)
  }

  @Test func aScriptPastTheStatementLimitStopsWithStatusTwo() {
    var err: [String] = []
    let repl = REPL(output: Output(out: { _ in }, err: { err.append($0) }))
    repl.scriptStatementLimit = 3
    let status = repl.runScript(["x = Input((4,))", "Dense(2); Dense(3)", "Dense(4)"], json: false)
    #expect(status == 2)
    #expect(
      err == [
        "kshape: line 3: the script has more than 3 statements, the limit that bounds its memory"
      ])
    // The limit is checked as each statement's outcome arrives: the fourth ran, no more.
    #expect(repl.session.graph.layers.count == 4)
  }
}
