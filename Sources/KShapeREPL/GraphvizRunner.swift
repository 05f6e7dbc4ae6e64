import Foundation
import ShapeEngine

/// `export svg PATH`: Graphviz's `dot` draws the DOT kshape writes. kshape does not ship a
/// renderer; where `dot` is missing it says how to get the picture another way.
enum GraphvizRunner {
  /// Nil when the SVG was written; otherwise the error to show.
  static func draw(_ dot: String, to path: String) -> EngineError? {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      return EngineError(
        "cannot write '\(path)': the folder \(folder) does not exist",
        hint: "choose a path in a folder that exists and that you can write to")
    }
    guard let executable = find("dot") else {
      return EngineError(
        "export svg needs Graphviz's dot, which is not installed",
        hint: "install it (apt install graphviz), or write DOT and draw it yourself: "
          + "export dot model.dot, then dot -Tsvg model.dot -o model.svg")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-Tsvg", "-o", path]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return EngineError("cannot run \(executable): \(error.localizedDescription)")
    }
    input.fileHandleForWriting.write(Data(dot.utf8))
    try? input.fileHandleForWriting.close()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let text = String(decoding: message.prefix(500), as: UTF8.self)
      return EngineError(
        "dot could not draw '\(path)' (exit \(process.terminationStatus)): \(text)",
        hint: "export dot model.dot writes the text it was given")
    }
    return nil
  }

  /// An executable named `name` on PATH.
  static func find(_ name: String) -> String? {
    let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = String(folder) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
