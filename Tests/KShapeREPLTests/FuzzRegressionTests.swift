import Foundation
import Testing

/// Every input the fuzzer found a crash or hang with (FuzzRegressions/README.md), run through the
/// real binary: an answer or an error, never a signal, within 10 s.
@Suite struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("FuzzRegressions")

  static var inputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { !$0.hasSuffix(".md") }.sorted()
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
}
