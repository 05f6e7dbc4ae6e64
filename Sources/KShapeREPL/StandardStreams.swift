#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's stdout and stderr, written with `write(2)`: a failed write never traps (as
/// `FileHandle.write` does), and a failed stdout write is remembered so the run can stop and
/// exit non-zero instead of losing its output silently.
///
/// Output to a terminal is written at once; to a pipe or file it is buffered and written when
/// 64 KiB have gathered, before anything goes to stderr (so `2>&1` keeps the order), before
/// input is awaited (`flush()`), and at the end (`finish(_:)`).
public final class StandardStreams {
  /// Why writing to stdout failed ("no space left on device", "broken pipe"), once it has.
  public private(set) var outputFailure: String?
  /// The bytes waiting to be written: `used` of `capacity`, in memory of their own (a line is
  /// copied in and its newline set, without an array's growth checks per line).
  private let pending = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  private var used = 0
  private let buffered: Bool
  /// What is gathered before it is written.
  static let capacity = 1 << 16

  public init() {
    buffered = isatty(1) == 0
  }

  deinit { pending.deallocate() }

  /// The REPL's output over these streams.
  public var output: Output {
    var output = Output(
      out: { [self] in out($0) }, err: { [self] in err($0) },
      stopped: { [self] in outputFailure != nil })
    output.outBytes = { [self] in out(bytes: $0) }
    output.outBuffer = { [self] in out(buffer: $0) }
    return output
  }

  /// Writes `line` and a newline to stdout; nothing once stdout has failed.
  public func out(_ line: String) {
    var line = line
    line.withUTF8 { out(buffer: $0) }
  }

  /// Writes UTF-8 `text` and a newline to stdout, as `out(_:)` does; text larger than the buffer
  /// is written as it is, not copied into the buffer first.
  public func out(bytes text: [UInt8]) {
    text.withUnsafeBufferPointer { out(buffer: $0) }
  }

  /// `out(bytes:)` for bytes the caller holds where they are (a statement's tensor written on
  /// the stack): copied into the buffer, or written as they are when larger than it.
  public func out(buffer text: UnsafeBufferPointer<UInt8>) {
    guard outputFailure == nil else { return }
    // Room for the text and its newline; else what is gathered goes first.
    if text.count >= Self.capacity &- used { flush() }
    if text.count < Self.capacity {
      if let source = text.baseAddress { (pending + used).update(from: source, count: text.count) }
      used &+= text.count
    } else if outputFailure == nil, let code = Self.write(1, UnsafeRawBufferPointer(text)) {
      outputFailure = String(cString: strerror(code)).lowercased()
    }
    pending[used] = 0x0A
    used &+= 1
    if !buffered { flush() }
  }

  /// Writes `line` and a newline to stderr. A failure is ignored: there is nowhere left to
  /// report it, and the exit status already says the run failed.
  public func err(_ line: String) {
    flush()
    _ = Self.write(2, Array((line + "\n").utf8))
  }

  /// Writes what stdout has buffered.
  public func flush() {
    guard used > 0 else { return }
    if outputFailure == nil,
      let code = Self.write(1, UnsafeRawBufferPointer(start: pending, count: used))
    {
      outputFailure = String(cString: strerror(code)).lowercased()
    }
    used = 0
  }

  /// The exit status once the run is over: `status`, or 2 with the reason on stderr when stdout
  /// could not be written.
  public func finish(_ status: Int32) -> Int32 {
    flush()
    guard let outputFailure else { return status }
    err("kshape: cannot write the output to stdout: \(outputFailure)")
    return 2
  }

  /// Writes all of `bytes` to `fd`; the errno of a failed write, nil when all was written.
  static func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { write(fd, $0) }
  }

  /// `write(_:_:)` for bytes where they are.
  static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var done = 0
    while done < bytes.count {
      let n = posixWrite(fd, base + done, bytes.count - done)
      if n < 0 && errno == EINTR { continue }
      if n < 0 && errno == EAGAIN {
        // A descriptor left non-blocking by whoever started kshape: wait until it takes more.
        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, -1)
        continue
      }
      if n < 0 { return errno }
      if n == 0 { return EIO }
      done += n
    }
    return nil
  }
}

/// `write(2)`, out of reach of the method of the same name.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
