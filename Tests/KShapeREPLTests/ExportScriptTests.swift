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

  /// A link is followed: its target gets the export, the link stays a link.
  @Test func writesThroughASymbolicLink() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("target.json").path
    let link = folder.appendingPathComponent("link.json").path
    try "old".write(toFile: target, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(run(["x = Input((3,))", "Dense(2)", "export keras \(link)"]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"Dense\""))
  }

  /// A pipe (as a device such as /dev/null) is written into, never replaced by a file; a pipe
  /// nobody reads is an error at once, not a wait.
  @Test func aPipeIsWrittenIntoNotReplaced() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("pipe").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let unread = run(["x = Input((3,))", "Dense(2)", "export script \(fifo)"])
    #expect(unread.status == 1)
    #expect(unread.err.first?.contains("a pipe (FIFO) that no process is reading") == true)

    let received = Received()
    let reader = Thread {
      let fd = open(fifo, O_RDONLY)
      guard fd >= 0 else { return }
      defer { close(fd) }
      var bytes: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        bytes += chunk[..<n]
      }
      received.text = String(decoding: bytes, as: UTF8.self)
    }
    reader.start()
    // The reader opens its end first (an export to a pipe without one is refused, above).
    var waited = 0
    var r = run(["x = Input((3,))", "Dense(2)", "export script \(fifo)"])
    while r.status != 0, waited < 100 {
      usleep(20_000)
      waited += 1
      r = run(["x = Input((3,))", "Dense(2)", "export script \(fifo)"])
    }
    #expect(r.status == 0)
    while received.text == nil, waited < 200 {
      usleep(20_000)
      waited += 1
    }
    #expect(received.text?.contains("Dense(2)") == true)
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }
}

/// What a reader thread got from a pipe.
private final class Received: @unchecked Sendable {
  var text: String?
}
