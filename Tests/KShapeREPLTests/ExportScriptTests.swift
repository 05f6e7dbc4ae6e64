import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// `export` in a script: the file is written, the JSON record says where and what.
@Suite struct ExportScriptTests {
  func run(_ lines: [String]) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    return (repl.runScript(lines, json: true), out, err)
  }

  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesBothFormatsAndRecordsThem() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("m.json").path
    let py = folder.appendingPathComponent("m").path
    let r = run([
      "x = Input((None, 16))", "Conv1D(4, 3)", "export keras \(json)", "export python \(py)",
    ])
    #expect(r.status == 0)
    let records = try r.out.map {
      try JSONDecoder().decode(JSONOutput.Record.self, from: Data($0.utf8))
    }
    let exports = records.filter { $0.kind == "export" }
    #expect(exports.map(\.format) == ["keras", "python"])
    #expect(exports.map(\.path) == [json, py + ".py"])
    #expect(exports.first?.layers?.map(\.name) == ["input_layer", "conv1d"])
    let written = try String(contentsOfFile: json, encoding: .utf8)
    #expect(written.contains("\"class_name\": \"Conv1D\""))
    let code = try String(contentsOfFile: py + ".py", encoding: .utf8)
    #expect(code.contains("keras.layers.Conv1D(4, 3, name=\"conv1d\")(x)"))
  }

  @Test func overwritesAnExistingFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.py").path
    try "old".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(run(["x = Input((3,))", "Dense(2)", "export python \(path)"]).status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("import keras"))
  }

  @Test func anUnwritablePathFailsWithStatusOne() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let taken = folder.appendingPathComponent("m.json")
    try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
    let r = run(["x = Input((3,))", "Dense(2)", "export keras \(taken.path)"])
    #expect(r.status == 1)
    #expect(r.err.first?.contains("it is a folder") == true)
  }
}
