import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// A script's repeated lines are checked once (`ScriptChunker`): each run still has its own
/// line, its own names, and its own error with its own line number.
@Suite struct RepeatedLinesTests {
  func run(_ lines: [String]) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    let status = repl.runScript(lines, json: false)
    return (status, out, err)
  }

  @Test func aRepeatedLineRunsEachTime() {
    let r = run(["x = Input((16,))", "Dense(8)", "Dense(8)", "Dense(4)", "Dense(8)"])
    #expect(r.status == 0)
    #expect(r.out.filter { $0.contains("\n  = (None, ") }.count == 5)
    #expect(r.out.contains { $0.contains("dense_3 (Dense)") })
  }

  @Test func aRepeatedFailingLineFailsAtItsOwnLine() {
    let r = run(["x = Input((16,))", "y = (", "Dense(8)", "Dense(8)"])
    #expect(r.status == 1)
    #expect(r.err.first?.hasPrefix("line 2: ") == true)
    let again = run(["x = Input((16,))", "Dense(8)", "Dense(8)", "q", "Dense(8)", "q"])
    #expect(again.status == 1)
    #expect(again.err.first?.hasPrefix("line 4: error: NameError") == true)
  }
}
