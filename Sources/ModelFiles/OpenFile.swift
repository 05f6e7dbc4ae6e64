import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file opened for reading by descriptor: positioned reads, so an archive of hundreds of MB is
/// never loaded whole. Closes itself.
final class OpenFile {
  let fd: Int32
  /// The size for a regular file; nil for pipes and devices.
  let size: UInt64?

  /// Opens `path`; the message says why not ("no such file", "is a directory").
  init(path: String) throws(ModelFileError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      let reason = String(cString: strerror(errno)).lowercased()
      throw ModelFileError(path: path, kind: .cannotOpen, message: reason)
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = String(cString: strerror(errno)).lowercased()
      close(fd)
      throw ModelFileError(path: path, kind: .cannotOpen, message: reason)
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR {
      close(fd)
      throw ModelFileError(
        path: path, kind: .cannotOpen, message: "it is a directory, not a model file")
    }
    self.fd = fd
    self.size = type == S_IFREG ? UInt64(max(0, info.st_size)) : nil
  }

  deinit { close(fd) }

  /// Up to `count` bytes at `offset` (fewer at the end of the file); nil on a read error.
  func read(at offset: UInt64, count: Int) -> [UInt8]? {
    guard count > 0 else { return [] }
    guard offset <= UInt64(Int64.max) - UInt64(count) else { return nil }
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

  /// The whole stream from the current position, stopping once it passes `limit` bytes (the
  /// result then has `limit + 1` bytes); nil on a read error. For JSON files, pipes included.
  func readAll(limit: Int) -> [UInt8]? {
    var out: [UInt8] = []
    if let size { out.reserveCapacity(Int(min(size, UInt64(limit) + 1))) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while out.count <= limit {
      let n = chunk.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return posixRead(fd, base, raw.count)
      }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return nil }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<min(n, limit + 1 - out.count)])
    }
    return out
  }
}

/// `read(2)`, out of reach of the method of the same name.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
