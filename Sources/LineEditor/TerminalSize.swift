import CLibEdit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal on a file descriptor: its width now (asked each time, as it can be resized).
public enum TerminalSize {
  /// Columns of the terminal on `fd` (TIOCGWINSZ); nil when `fd` is not a terminal.
  public static func columns(_ fd: Int32 = STDOUT_FILENO) -> Int? {
    guard isatty(fd) != 0 else { return nil }
    let columns = Int(kshape_terminal_columns(fd))
    return columns > 0 ? columns : nil
  }

  /// Whether `fd` is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }
}
