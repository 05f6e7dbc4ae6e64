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
  private var pending: [UInt8] = []
  private let buffered: Bool

  public init() {
    buffered = isatty(1) == 0
  }

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
    guard outputFailure == nil else { return }
    pending.append(contentsOf: line.utf8)
    pending.append(0x0A)
    if !buffered || pending.count >= 1 << 16 { flush() }
  }

  /// Writes UTF-8 `text` and a newline to stdout, as `out(_:)` does; text larger than the buffer
  /// is written as it is, not copied into the buffer first.
  public func out(bytes text: [UInt8]) {
    guard outputFailure == nil else { return }
    // The buffer taken once (each access to a class's stored property is checked at run time).
    if Self.appendLine(text, to: &pending) {
      if !buffered { flush() }
      return
    }
    flush()
    if outputFailure == nil, let code = Self.write(1, text) {
      outputFailure = String(cString: strerror(code)).lowercased()
    }
    pending.append(0x0A)
    if !buffered { flush() }
  }

  /// `out(bytes:)` for bytes the caller holds where they are (a statement's tensor written on
  /// the stack): copied into the buffer only.
  public func out(buffer text: UnsafeBufferPointer<UInt8>) {
    guard outputFailure == nil else { return }
    if pending.count + text.count < 1 << 16 {
      pending.append(contentsOf: text)
      pending.append(0x0A)
      if !buffered { flush() }
      return
    }
    out(bytes: Array(text))
  }

  /// Appends `text` and a newline to `pending` when the text leaves it under the buffer's
  /// size; false, with `pending` unchanged, when the text is to be written as it is.
  private static func appendLine(_ text: [UInt8], to pending: inout [UInt8]) -> Bool {
    guard pending.count + text.count < 1 << 16 else { return false }
    pending.append(contentsOf: text)
    pending.append(0x0A)
    return true
  }

  /// Writes `line` and a newline to stderr. A failure is ignored: there is nowhere left to
  /// report it, and the exit status already says the run failed.
  public func err(_ line: String) {
    flush()
    _ = Self.write(2, Array((line + "\n").utf8))
  }

  /// Writes what stdout has buffered.
  public func flush() {
    guard !pending.isEmpty else { return }
    if outputFailure == nil, let code = Self.write(1, pending) {
      outputFailure = String(cString: strerror(code)).lowercased()
    }
    pending.removeAll(keepingCapacity: true)
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
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return posixWrite(fd, base + done, raw.count - done)
      }
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
