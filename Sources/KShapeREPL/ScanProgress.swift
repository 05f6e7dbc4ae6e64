#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How far a long scan is, on a terminal: `scanning sizes 1-4096: 812/4096` on stderr, redrawn in
/// place at most ten times a second, shown only once the scan has taken half a second, and erased
/// when it ends, so that a quick scan, a pipe or a file never sees it.
final class ScanProgress {
  private let label: String
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastDrawn: ContinuousClock.Instant?

  /// Nil when stderr is not a terminal.
  init?(label: String) {
    guard isatty(STDERR_FILENO) != 0 else { return nil }
    self.label = label
    start = clock.now
  }

  func update(done: Int, total: Int) {
    let now = clock.now
    guard now - start >= .milliseconds(500) else { return }
    if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
    lastDrawn = now
    draw("\r\u{1B}[K\(label): \(done)/\(total)")
  }

  /// Erases the line, if one was drawn.
  func finish() {
    if lastDrawn != nil { draw("\r\u{1B}[K") }
  }

  private func draw(_ text: String) {
    var bytes = Array(text.utf8)
    // Best effort: a terminal that cannot be written shows no progress.
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
