import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file opened for reading by descriptor. A regular file is read with positioned reads, so an
/// archive of hundreds of MB is never loaded whole; a pipe, FIFO or device is read whole when
/// opened (within a limit) and then served from memory, so both kinds read the same way.
/// Closes itself.
final class OpenFile {
  let fd: Int32
  /// The size of a regular file, or the number of bytes a pipe or device gave.
  let size: UInt64
  /// A pipe's or device's bytes; nil for a regular file.
  private let streamed: [UInt8]?

  /// Whether the bytes came through a pipe or from a device rather than a regular file.
  var isStream: Bool { streamed != nil }

  /// Opens `path`; the message says why not ("no such file", "is a directory", "a FIFO with no
  /// writer"). A pipe or device is read here, up to `streamLimit` bytes.
  init(path: String, streamLimit: Int) throws(ModelFileError) {
    func failure(_ message: String, kind: ModelFileError.Kind = .cannotOpen) -> ModelFileError {
      ModelFileError(path: path, kind: kind, message: message)
    }
    // Non-blocking, so that opening a FIFO nobody writes to returns at once instead of waiting.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw failure(Self.reason(errno)) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = Self.reason(errno)
      close(fd)
      throw failure(reason)
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR {
      close(fd)
      throw failure("it is a directory, not a model file")
    }
    if type == S_IFREG {
      self.fd = fd
      self.size = UInt64(max(0, info.st_size))
      self.streamed = nil
      return
    }
    var first: [UInt8] = []
    if type == S_IFIFO {
      // Linux: an empty FIFO read without blocking gives end-of-file when no process has it
      // open for writing, EAGAIN when a writer exists (it will block until data or close).
      var probe = [UInt8](repeating: 0, count: 1 << 16)
      let n = probe.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n == 0 {
        close(fd)
        throw failure(
          "it is a pipe (FIFO) with nothing in it and no process writing to it; start the writer"
            + " first, or save the model to a file")
      }
      if n > 0 { first = Array(probe[0..<n]) }
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    self.fd = fd
    guard var bytes = Self.readStream(fd, limit: streamLimit - first.count) else {
      let reason = Self.reason(errno)
      close(fd)
      throw failure(reason)
    }
    bytes.insert(contentsOf: first, at: 0)
    if bytes.count > streamLimit {
      close(fd)
      let what = type == S_IFIFO ? "a pipe" : "a device"
      throw failure(
        "it is \(what) giving more than \(byteCount(streamLimit)); model files are read up to"
          + " that size from a pipe or device", kind: .tooLarge)
    }
    self.streamed = bytes
    self.size = UInt64(bytes.count)
  }

  deinit { close(fd) }

  /// `strerror`, lowercased: "no such file or directory".
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }

  /// Up to `count` bytes at `offset` (fewer at the end of the file); nil on a read error.
  func read(at offset: UInt64, count: Int) -> [UInt8]? {
    guard count > 0 else { return [] }
    guard offset <= UInt64(Int64.max) - UInt64(count) else { return nil }
    if let streamed {
      guard offset < UInt64(streamed.count) else { return [] }
      let start = Int(offset)
      return Array(streamed[start..<min(streamed.count, start + count)])
    }
    var buffer = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return pread(fd, base + done, count - done, off_t(offset) + off_t(done))
      }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return nil }
      if n == 0 { break }
      done += n
    }
    buffer.removeLast(count - done)
    return buffer
  }

  /// The whole file, stopping once it passes `limit` bytes (the result then has `limit + 1`
  /// bytes); nil on a read error. For JSON files.
  func readAll(limit: Int) -> [UInt8]? {
    if let streamed { return Array(streamed.prefix(limit + 1)) }
    return Self.readStream(fd, limit: limit, expected: size)
  }

  /// Reads `fd` from its current position to its end or past `limit` bytes (`limit + 1` then).
  /// With the `expected` size (a regular file's), the bytes are read straight into the array
  /// returned, which is grown in chunks only if the file has grown since.
  static func readStream(_ fd: Int32, limit: Int, expected: UInt64? = nil) -> [UInt8]? {
    guard limit >= 0 else { return [] }
    let want = expected.map { Int(min($0, UInt64(limit))) + 1 } ?? min(1 << 16, limit) + 1
    var failed = false
    var atEnd = false
    var out = [UInt8](unsafeUninitializedCapacity: want) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      while initialized < want {
        let n = posixRead(fd, base + initialized, want - initialized)
        if n < 0 && errno == EINTR { continue }
        if n < 0 {
          failed = true
          return
        }
        if n == 0 {
          atEnd = true
          return
        }
        initialized += n
      }
    }
    if failed { return nil }
    if atEnd { return out }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while out.count <= limit {
      let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return nil }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<min(n, limit + 1 - out.count)])
    }
    return out
  }
}

/// `read(2)`, out of reach of the method of the same name; -1 for a missing buffer.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  guard let buffer else { return -1 }
  return read(fd, buffer, count)
}

extension OpenFile {
  /// Why the last system call failed, for messages.
  static var lastReason: String { reason(errno) }
}
