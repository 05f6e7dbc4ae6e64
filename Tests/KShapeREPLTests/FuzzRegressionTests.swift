import Foundation
import KShapeREPL
import LineEditor
import Testing

/// Every input the fuzzer found a crash or hang with (FuzzRegressions/README.md), run through the
/// real binary: an answer or an error, never a signal, within 10 s.
@Suite struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("FuzzRegressions")

  static var inputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".typed") }.sorted()
  }

  /// Findings made typing at the prompt, where every line runs (`kshape-fuzz`'s typed mode).
  static var typedInputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".typed") }.sorted()
  }

  @Test func thereAreRegressions() {
    #expect(Self.inputs.count >= 2)
  }

  @Test(arguments: FuzzRegressionTests.inputs)
  func findingStaysFixed(name: String) throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "kshape is built")
    let path = Self.folder.appendingPathComponent(name).path
    let runs: [String]
    if name.hasSuffix(".kshape") {
      runs = ["$K <'\(path)'", "$K --json <'\(path)'"]
    } else {
      runs = [
        "$K inspect '\(path)' --size 224x224 --size 1 --size 7x7",
        "printf 'import %s\\napply 32x32\\nsummary\\n' '\(path)' | $K",
      ]
    }
    for run in runs {
      let r = CommandLineTests().sh(run + "; echo \"status $?\" >&2")
      let status = r.err.split(separator: "\n").last.map(String.init) ?? ""
      #expect(["status 0", "status 1", "status 2"].contains(status), "\(name): \(run): \(r.err)")
      #expect(r.seconds < 10, "\(name): \(run) took \(r.seconds) s")
    }
  }

  /// A `.typed` finding, typed line by line into the REPL in-process (a script would stop at
  /// the first failure): every failing line is reported, and the whole takes under 10 s (a
  /// failing line replayed the session before it was undone: 50,000 layers, 20 failures ~100 s).
  @Test(arguments: FuzzRegressionTests.typedInputs)
  func typedFindingStaysFixed(name: String) throws {
    let text = try String(
      contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The first line says how many statements fail: `# errors: N`.
    let expected = Int(lines.first?.split(separator: " ").last ?? "") ?? -1
    var errors = 0
    let repl = REPL(
      output: Output(
        out: { _ in },
        err: { errors += $0.components(separatedBy: "error: ").count - 1 }))
    let start = ContinuousClock.now
    repl.runInteractive(ScriptedReader(lines: lines))
    let elapsed = ContinuousClock.now - start
    #expect(errors == expected, "\(name): \(errors) errors, \(expected) expected")
    #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
  }
}
