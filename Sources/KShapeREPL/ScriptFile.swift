import Foundation
import ShapeEngine

/// A script file's lines (`kshape run FILE`, `kshape -i FILE`, `run FILE` in the REPL).
public enum ScriptFile {
  /// The file's lines as UTF-8 text (a trailing `\r` removed); an error names the file.
  public static func lines(_ path: String) -> Result<[String], EngineError> {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      return .failure(
        EngineError(
          exists ? "cannot read '\(path)'" : "there is no file '\(path)'",
          hint: exists ? "check its permissions" : nil))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return .failure(EngineError("'\(path)' is not UTF-8 text"))
    }
    return .success(
      text.split(separator: "\n", omittingEmptySubsequences: false).map {
        String($0.hasSuffix("\r") ? $0.dropLast() : $0)
      })
  }
}
