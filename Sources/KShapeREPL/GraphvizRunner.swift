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
    guard let ran = run(executable, ["-Tsvg", "-o", path], input: Array(dot.utf8)) else {
      return EngineError("cannot run \(executable): \(String(cString: strerror(errno)))")
    }
    guard ran.status == 0 else {
      let text = String(decoding: ran.errors.prefix(500), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      return EngineError(
        "dot could not draw '\(path)' (\(ran.status < 0 ? "signal \(-ran.status)" : "exit \(ran.status)")):"
          + " \(text)",
        hint: "export dot model.dot writes the text it was given")
    }
    return nil
  }

  /// Runs `executable` with `arguments`, `input` written to its stdin and its stdout discarded:
  /// its exit status (minus the signal that ended it) and what it wrote to stderr; nil when it
  /// could not be started (`errno` says why). Without a thread: a release build counts
  /// references without atomic instructions, so kshape runs no thread beside its own
  /// (Foundation's `Process` watches its child from one). Its stdin is a socket, so that a child
  /// that ends before reading it all is an error to write (EPIPE), not a SIGPIPE that ends kshape.
  static func run(_ executable: String, _ arguments: [String], input: [UInt8]) -> (
    status: Int32, errors: [UInt8]
  )? {
    var stdinPair: [Int32] = [-1, -1]
    var stderrPipe: [Int32] = [-1, -1]
    #if canImport(Glibc)
      let stream = Int32(SOCK_STREAM.rawValue)
    #else
      let stream = SOCK_STREAM
    #endif
    guard socketpair(AF_UNIX, stream, 0, &stdinPair) == 0 else { return nil }
    guard pipe(&stderrPipe) == 0 else {
      for fd in stdinPair { close(fd) }
      return nil
    }
    // Every end at 3 or above and closed across exec: the child gets its ends as 0 and 2 by
    // dup2 alone, even when kshape runs with a standard stream closed.
    var ends = (stdinPair + stderrPipe).map { fd -> Int32 in
      let high = fcntl(fd, F_DUPFD_CLOEXEC, 3)
      close(fd)
      return high
    }
    defer {
      for fd in ends where fd >= 0 { close(fd) }
    }
    guard !ends.contains(where: { $0 < 0 }) else { return nil }
    let (write, childIn, read, childErr) = (ends[0], ends[1], ends[2], ends[3])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, childIn, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, childErr, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer {
      for a in argv { free(a) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
      errno = spawned
      return nil
    }
    // The child's ends are its own now; a child that ends early makes the write stop.
    close(childIn)
    close(childErr)
    (ends[1], ends[3]) = (-1, -1)
    #if canImport(Glibc)
      let noSignal = Int32(MSG_NOSIGNAL)
    #else
      var on: Int32 = 1
      setsockopt(write, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
      let noSignal: Int32 = 0
    #endif
    var sent = 0
    input.withUnsafeBytes { bytes in
      while sent < bytes.count, let base = bytes.baseAddress {
        let n = send(write, base + sent, bytes.count - sent, noSignal)
        if n > 0 {
          sent += n
        } else if n < 0, errno == EINTR {
          continue
        } else {
          break
        }
      }
    }
    shutdown(write, Int32(SHUT_WR))
    var errors: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { Foundation.read(read, $0.baseAddress, $0.count) }
      if n > 0 {
        if errors.count < 64 << 10 { errors += chunk[0..<n] }
      } else if n < 0, errno == EINTR {
        continue
      } else {
        break
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let signal = status & 0x7f
    return (signal == 0 ? (status >> 8) & 0xff : -signal, errors)
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
