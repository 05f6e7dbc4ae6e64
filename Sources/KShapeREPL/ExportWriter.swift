import Foundation
import ShapeEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// Nil when written; otherwise why not. A regular file (or a new one) is replaced by a
  /// temporary file renamed into place; a symbolic link's target is written, the link kept; a
  /// terminal, `/dev/null` or a pipe is written as it is, never replaced by a file.
  static func write(_ text: String, to path: String) -> String? {
    var info = stat()
    if lstat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG, S_IFDIR: break
      case S_IFLNK:
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        // A link to a link that leads nowhere new (a loop) is not followed further.
        guard target != path else { return "it is a symbolic link that leads nowhere" }
        return write(text, to: target)
      case S_IFCHR, S_IFIFO: return writeInPlace(text, to: path)
      default: return "it is not a file (a device or a socket)"
      }
    }
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

  /// Writes into a terminal, a device such as `/dev/null` or a pipe that a reader holds open,
  /// without creating or truncating anything; a pipe nobody reads is refused, not waited on.
  private static func writeInPlace(_ text: String, to path: String) -> String? {
    let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      return errno == ENXIO
        ? "it is a pipe (FIFO) that no process is reading" : String(cString: strerror(errno))
    }
    defer { close(fd) }
    // Blocking again, so a reader that is slower than the writer is waited for.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    if let code = StandardStreams.write(fd, Array(text.utf8)) {
      return String(cString: strerror(code))
    }
    return nil
  }
}
