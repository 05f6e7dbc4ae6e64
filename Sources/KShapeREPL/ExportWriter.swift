import Foundation
import ShapeEngine

/// The one place the REPL touches the disk: an `export` outcome's text is written here.
enum ExportWriter {
  /// Writes an export's file (a temporary file renamed into place, so a reader never sees half
  /// a file; an existing file is replaced, as re-exporting in a REPL expects). Any other
  /// outcome passes through; a write that fails becomes a failure naming the path.
  static func perform(_ outcome: Outcome) -> Outcome {
    guard case .export(let request) = outcome else { return outcome }
    if request.format == .svg {
      return GraphvizRunner.draw(request.result.text, to: HomePath.expand(request.path))
        .map { .failure($0) } ?? outcome
    }
    if let problem = write(request.result.text, to: HomePath.expand(request.path)) {
      return .failure(
        EngineError(
          "cannot write '\(request.path)': \(problem)",
          hint: "choose a path in a folder that exists and that you can write to"))
    }
    return outcome
  }

  /// Nil when written; otherwise why not.
  static func write(_ text: String, to path: String) -> String? {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue
    {
      return "it is a folder"
    }
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      return "the folder \(folder.path) does not exist"
    }
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
      return nil
    } catch {
      guard FileManager.default.isWritableFile(atPath: folder.path) else {
        return "the folder \(folder.path) is not writable"
      }
      return (error as NSError).localizedDescription
    }
  }
}
