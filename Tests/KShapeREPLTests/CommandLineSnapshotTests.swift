import Foundation
import Testing

/// What the real binary answers to each command line of `CommandLineSnapshots/cases.txt` (help,
/// version, completion scripts, usage errors and their exit statuses, and lines that run): the
/// status, stdout and stderr, compared whole with `expected.txt`. The executable parses the
/// command it is given alone and leaves everything else to swift-argument-parser's full parse
/// (Sources/kshape/DirectParse.swift); this keeps the two answering alike.
/// Re-record with `KSHAPE_RECORD=1 swift test --filter CommandLineSnapshot` and review the diff.
@Suite struct CommandLineSnapshotTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("CommandLineSnapshots")
  /// The command lines run in the folder of small valid models, so that paths stay relative.
  static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ModelFilesTests/Hostile/valid").path

  /// Every case as `=== kshape LINE`, then its status, stdout and stderr.
  static func answers(binary: String, cases: [String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-cli-snapshot-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = ""
    for line in cases {
      let out = dir.appendingPathComponent("out").path
      let err = dir.appendingPathComponent("err").path
      let command =
        "cd '\(models)' && KSHAPE_HOME='\(dir.path)/home' COLUMNS=80 timeout -s KILL 20"
        + " '\(binary)' \(line) </dev/null >'\(out)' 2>'\(err)'"
      var pid: pid_t = 0
      let words = ["/bin/sh", "-c", command]
      let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
      defer { for a in argv { free(a) } }
      guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else {
        throw CocoaError(.executableLoad)
      }
      var status: Int32 = 0
      waitpid(pid, &status, 0)
      text += "=== kshape \(line)\n--- status \((status >> 8) & 0xff)\n--- stdout\n"
      text += (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      text += "--- stderr\n" + ((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
    return text
  }

  @Test func everyLineIsAnsweredAsRecorded() throws {
    let binary = TerminalTests.binary.path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "kshape is built")
    let cases = try String(
      contentsOf: Self.folder.appendingPathComponent("cases.txt"), encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let lines = cases.last == "" ? Array(cases.dropLast()) : cases
    #expect(lines.count >= 50)
    let got = try Self.answers(binary: binary, cases: lines)
    let file = Self.folder.appendingPathComponent("expected.txt")
    if ProcessInfo.processInfo.environment["KSHAPE_RECORD"] == "1" {
      try got.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    let gotCases = got.components(separatedBy: "=== kshape ")
    let expectedCases = expected.components(separatedBy: "=== kshape ")
    #expect(gotCases.count == expectedCases.count)
    for (g, e) in zip(gotCases, expectedCases) where g != e {
      Issue.record("answered differently:\n--- expected\n\(e)\n--- got\n\(g)")
    }
  }
}
