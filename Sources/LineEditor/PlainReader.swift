#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a pipe or file, a chunk at a time, so statements run as their lines arrive:
/// no prompt, no editing, no history.
///
/// Used when stdin or stdout is not a terminal (`printf '...' | kshape`) and for `kshape run`.
/// Memory is bounded: a line longer than `maxLineBytes`, input past `maxTotalBytes`, bytes that
/// are not UTF-8, or a read error end the input, and `inputFailure` says which and on what line.
public final class PlainReader: LineReader {
  /// What is being read, for messages: "stdin" or the script's path.
  public let name: String
  /// The longest line accepted (default 64 KiB: a statement is rarely 200 bytes, and the
  /// statement lexer keeps 16 bytes a character and takes ~20 us a token in a debug build).
  public let maxLineBytes: Int
  /// The most input read in all (default 16 MiB).
  public let maxTotalBytes: Int
  /// Called before each read that may block (the caller flushes its buffered output there, so
  /// a program driving kshape through pipes sees each answer before kshape waits for more).
  public var willRead: () -> Void = {}
  /// Why the input ended early, or nil.
  public private(set) var inputFailure: String?

  private let fd: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8] = []
  /// Where the next line starts in `buffer`.
  private var start = 0
  private var totalRead = 0
  private var lineNumber = 0
  private var atEnd = false

  public static let defaultMaxLineBytes = 64 << 10
  public static let defaultMaxTotalBytes = 16 << 20

  /// A reader over the process's standard input.
  public convenience init() {
    self.init(descriptor: 0, name: "stdin")
  }

  /// A reader over an open descriptor; `closing` closes it when the reader goes.
  public init(
    descriptor: Int32, name: String, closing: Bool = false,
    maxLineBytes: Int = defaultMaxLineBytes, maxTotalBytes: Int = defaultMaxTotalBytes
  ) {
    self.fd = descriptor
    self.name = name
    self.ownsDescriptor = closing
    self.maxLineBytes = maxLineBytes
    self.maxTotalBytes = maxTotalBytes
  }

  /// Opens the script at `path` (a file, a pipe such as `<(...)` or /dev/stdin); a FIFO nobody
  /// writes to is refused at once rather than waited on. Throws the reason as text.
  public static func open(
    path: String, maxLineBytes: Int = defaultMaxLineBytes,
    maxTotalBytes: Int = defaultMaxTotalBytes
  ) throws(InputError) -> PlainReader {
    let fd = posixOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(message: "cannot read '\(path)': \(errnoText())") }
    var info = stat()
    var mode: UInt32 = 0
    if fstat(fd, &info) == 0 { mode = UInt32(info.st_mode) & UInt32(S_IFMT) }
    if mode == UInt32(S_IFDIR) {
      close(fd)
      throw InputError(message: "cannot read '\(path)': it is a directory")
    }
    let reader = PlainReader(
      descriptor: fd, name: path, closing: true, maxLineBytes: maxLineBytes,
      maxTotalBytes: maxTotalBytes)
    if mode == UInt32(S_IFIFO) {
      // Linux: an empty FIFO read without blocking gives end-of-file when no process has it
      // open for writing, EAGAIN when a writer exists.
      switch reader.fill() {
      case 0 where reader.buffer.isEmpty:
        throw InputError(
          message: "cannot read '\(path)': it is a pipe (FIFO) with nothing in it and no process"
            + " writing to it; start the writer first")
      case let n where n < 0 && errno != EAGAIN:
        throw InputError(message: "cannot read '\(path)': \(errnoText())")
      default: break
      }
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return reader
  }

  deinit {
    if ownsDescriptor { close(fd) }
  }

  /// Returns the next line (the prompt is not shown); `.endOfInput` at the end of the input or
  /// when it cannot go on (`inputFailure` then says why).
  public func readLine(prompt: String) -> LineResult {
    guard inputFailure == nil else { return .endOfInput }
    var scanned = start
    while true {
      if let newline = Self.newline(in: buffer, from: scanned) {
        return take(upTo: newline, skipping: 1)
      }
      scanned = buffer.count
      if buffer.count - start > maxLineBytes {
        return fail(
          "line \(lineNumber + 1) is longer than \(bytes(maxLineBytes)), the limit for one line")
      }
      if atEnd {
        return start < buffer.count ? take(upTo: buffer.count, skipping: 0) : .endOfInput
      }
      if totalRead >= maxTotalBytes {
        return fail(
          "the input is longer than \(bytes(maxTotalBytes)), the limit for a script"
            + " (stopped at line \(lineNumber + 1))")
      }
      if start > 0 {
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
      }
      willRead()
      let n = fill()
      if n < 0 && errno == EINTR { continue }
      if n < 0 && errno == EAGAIN {
        // A descriptor left non-blocking by whoever started kshape: wait for input.
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, -1)
        continue
      }
      if n < 0 {
        return fail("reading line \(lineNumber + 1) failed: \(errnoText())")
      }
      if n == 0 { atEnd = true }
    }
  }

  /// Does nothing: piped input has no one to recall it.
  public func addHistory(_ line: String) {}

  /// Appends one chunk from the descriptor; the count read, 0 at the end, -1 on an error.
  private func fill() -> Int {
    let chunk = 1 << 16
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    let n = buffer.withUnsafeMutableBytes { raw -> Int in
      guard let base = raw.baseAddress else { return -1 }
      return read(fd, base + old, chunk)
    }
    buffer.removeLast(chunk - max(0, n))
    totalRead += max(0, n)
    return n
  }

  private func take(upTo end: Int, skipping: Int) -> LineResult {
    lineNumber += 1
    let first = start
    start = end + skipping
    // ASCII (nearly every script) is valid UTF-8 as it is: decoded without the generic
    // validating initialiser, which looks up its generic metadata at every call. The bytes are
    // read in place (no slice of the buffer), and checked eight at a time.
    let ascii = buffer.withUnsafeBufferPointer { whole -> String? in
      guard let base = whole.baseAddress else { return "" }
      var count = end - first
      if count > 0, base[first + count - 1] == 0x0D { count -= 1 }
      let raw = UnsafeBufferPointer(start: base + first, count: count)
      guard Self.isASCII(raw) else { return nil }
      return String(decoding: raw, as: UTF8.self)
    }
    if let ascii { return .line(ascii) }
    var bytes = buffer[first..<end]
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    guard let line = String(validating: bytes, as: UTF8.self) else {
      let bad = Self.firstInvalidUTF8(bytes)
      return fail("line \(lineNumber) is not UTF-8 text (byte \(bad.hex) at column \(bad.column))")
    }
    return .line(line)
  }

  /// Whether every byte is below 0x80 (eight bytes at a time, then one at a time).
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    var high: UInt64 = 0
    var i = 0
    while i + 8 <= n {
      high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i += 8
    }
    while i < n {
      high |= UInt64(base[i])
      i += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// The index of the first newline in `buffer` at or after `from`.
  private static func newline(in buffer: [UInt8], from: Int) -> Int? {
    buffer.withUnsafeBufferPointer { raw -> Int? in
      guard let base = raw.baseAddress, from < raw.count,
        let found = memchr(base + from, 0x0A, raw.count - from)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  private func fail(_ message: String) -> LineResult {
    inputFailure = name + ": " + message
    return .endOfInput
  }

  /// The first byte that breaks UTF-8, in hex, and its 1-based column in bytes.
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (hex: String, column: Int) {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var valid = 0
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): valid += UTF8.width(scalar)
      case .emptyInput, .error: break decoding
      }
    }
    let byte = valid < bytes.count ? bytes[bytes.startIndex + valid] : 0
    let text = String(byte, radix: 16, uppercase: true)
    return ((text.count == 1 ? "0" : "") + text, valid + 1)
  }
}

/// Why input could not be read, as a sentence.
public struct InputError: Error, Sendable {
  public var message: String
}

/// "1 MiB", "16 MiB", "100 bytes".
func bytes(_ n: Int) -> String {
  if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
  if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
  return "\(n) bytes"
}

/// `strerror(errno)`, lowercased.
func errnoText() -> String {
  String(cString: strerror(errno)).lowercased()
}

/// Replays a fixed list of results, for testing code that drives a `LineReader` without a
/// terminal.
public final class ScriptedReader: LineReader {
  /// Every prompt passed to `readLine(prompt:)`, in order.
  public private(set) var prompts: [String] = []
  /// Every non-blank line passed to `addHistory(_:)`, in order.
  public private(set) var history: [String] = []
  private var pending: ArraySlice<LineResult>

  /// Creates a reader that returns `results` in order, then `.endOfInput` forever.
  public init(_ results: [LineResult]) {
    pending = results[...]
  }

  /// Creates a reader that returns each of `lines` as `.line`, then `.endOfInput`.
  public convenience init(lines: [String]) {
    self.init(lines.map(LineResult.line))
  }

  /// Records the prompt and returns the next scripted result.
  public func readLine(prompt: String) -> LineResult {
    prompts.append(prompt)
    return pending.popFirst() ?? .endOfInput
  }

  /// Records `line` unless it is blank.
  public func addHistory(_ line: String) {
    if !line.isBlank {
      history.append(line)
    }
  }
}

/// `open(2)`, out of reach of `PlainReader.open`.
private func posixOpen(_ path: String, _ flags: Int32) -> Int32 {
  open(path, flags)
}
