import Foundation
import ShapeEngine

/// A script file's lines (`kshape run FILE`, `kshape -i FILE`, `run FILE` in the REPL).
public enum ScriptFile {
  /// The file's lines as UTF-8 text (a trailing `\r` removed); an error names the file.
  public static func lines(_ path: String) -> Result<[String], EngineError> {
    if let notice = modelNotice(path) {
      return .failure(EngineError(notice.message, hint: notice.hint))
    }
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

  /// Why `path`, given as a script, is a saved model or its config instead (by its name's
  /// extension, or by its first bytes: a zip archive, an HDF5 file), with what to type to see
  /// it; nil for anything else. Run as statements, such a file fails on its first line with a
  /// message about bytes or about `null`, not about what was given.
  /// A path that is not a regular file (missing, a directory, a pipe) gets nil: the reader
  /// names what is wrong with it.
  public static func modelNotice(_ path: String) -> (message: String, hint: String)? {
    var info = stat()
    guard stat(path, &info) == 0, UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFREG) else {
      return nil
    }
    let name = path.lowercased()
    let see =
      "`kshape inspect \(path)` shows its layers (add --size 224x224 to apply a size), "
      + "or `load \(path)` in the REPL"
    if name.hasSuffix(".json") {
      return (
        "'\(path)' is JSON, not a script of statements", "if it is a saved model's config, " + see
      )
    }
    let head = firstBytes(path, count: 4)
    if name.hasSuffix(".h5") || name.hasSuffix(".hdf5") || head == [0x89, 0x48, 0x44, 0x46] {
      return (
        "'\(path)' is an HDF5 file (a legacy .h5 Keras model or weights), not a script of "
          + "statements",
        "kshape reads .keras archives and JSON configs: re-save the model with "
          + "model.save(\"model.keras\"), then `kshape inspect model.keras`"
      )
    }
    if name.hasSuffix(".keras") || head == [0x50, 0x4B, 0x03, 0x04] {
      return ("'\(path)' is a saved Keras model (a zip archive), not a script of statements", see)
    }
    return nil
  }

  /// Up to `count` bytes from the start of the regular file at `path` (none when it cannot
  /// be read).
  private static func firstBytes(_ path: String, count: Int) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: count)
    let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
    return n > 0 ? Array(bytes.prefix(n)) : []
  }
}
