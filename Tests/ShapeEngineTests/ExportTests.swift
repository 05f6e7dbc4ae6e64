import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// Exports of sessions compared with committed files that tools/roundtrip/roundtrip.py verified
/// in real Keras (model_from_json loads the .json, the .py runs, both equal kshape's summary).
/// Re-record with `KSHAPE_RECORD=1 swift test --filter ExportTests`, then re-run the script.
@Suite struct ExportTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("ExportSnapshots")

  static let sessions: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".ks") }.map { String($0.dropLast(3)) }.sorted()

  static func session(_ name: String) throws -> Session {
    let source = try String(
      contentsOf: folder.appendingPathComponent(name + ".ks"), encoding: .utf8)
    var session = Session()
    for line in source.split(separator: "\n") where !line.hasPrefix("#") {
      if case .failure(let e) = session.submit(String(line)) {
        Issue.record("\(name): \(line): \(e.message)")
      }
    }
    return session
  }

  static func compare(_ actual: String, _ file: String) throws {
    let url = folder.appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["KSHAPE_RECORD"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "\(file) differs; re-record and re-run tools/roundtrip")
  }

  @Test func thereAreSessions() { #expect(Self.sessions.count >= 7) }

  @Test(arguments: sessions)
  func kerasJSON(_ name: String) throws {
    let graph = try Self.session(name).graph
    try Self.compare(try KerasExport.export(graph).text, name + ".json")
  }

  @Test(arguments: sessions)
  func python(_ name: String) throws {
    let graph = try Self.session(name).graph
    try Self.compare(try PythonExport.export(graph).text, name + ".py")
  }
}
