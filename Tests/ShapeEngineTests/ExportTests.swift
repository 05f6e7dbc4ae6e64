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

/// Layers read from a model file are written back as they were read, with only their
/// inbound nodes taken from the graph; raw operations keep their scalars.
@Suite struct SavedConfigExportTests {
  func graph() -> Graph {
    var s = Session()
    for line in ["x = Input((None, 4))", "Dense(3)", "Dense(2)"] { _ = s.submit(line) }
    return s.graph
  }

  func tensor(_ layer: String, _ node: Int) -> JSONValue {
    .object([
      JSONMember("class_name", .string("__keras_tensor__")),
      JSONMember(
        "config",
        .object([
          JSONMember("shape", .array([.null, .int(99)])), JSONMember("dtype", .string("float32")),
          JSONMember("keras_history", .array([.string(layer), .int(node), .int(0)])),
        ])),
    ])
  }

  @Test func savedEntryIsKeptAndItsTensorsReplaced() throws {
    var g = graph()
    // As an importer would keep it: a raw operation's scalar stays inline.
    g.layers[2].module = "keras.src.ops.numpy"
    g.layers[2].savedConfig = .object([
      JSONMember("module", .string("keras.src.ops.numpy")),
      JSONMember("class_name", .string("Add")),
      JSONMember("config", .object([JSONMember("name", .string("dense_1"))])),
      JSONMember("registered_name", .string("Add")),
      JSONMember("name", .string("dense_1")),
      JSONMember(
        "inbound_nodes",
        .array([
          .object([
            JSONMember("args", .array([tensor("stale", 7), .double(3.0)])),
            JSONMember("kwargs", .object([])),
          ])
        ])),
    ])
    let text = try KerasExport.export(g).text
    #expect(text.contains("\"registered_name\": \"Add\""))
    #expect(text.contains("\"keras_history\": [\n") && text.contains("\"dense\""))
    #expect(!text.contains("stale") && !text.contains("99"))
    #expect(text.contains("3.0"))
    let code = try PythonExport.export(g).text
    #expect(code.contains("dense_1 = keras.src.ops.numpy.Add(name=\"dense_1\")(dense, 3.0)"))
  }
}
