import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `summary | less`: long output through the user's pager, as a shell would run it. `less` gets
/// `-R` (colour) and `-S` (long lines scroll sideways instead of wrapping a table).
public enum Pager {
  /// Writes `text` to `command`'s standard input and waits for it; false when it cannot start.
  /// A pager quit before it read everything (`q` on the first page of a long summary) ends the
  /// write, not kshape: SIGPIPE is ignored while it writes (it ended the process, session and
  /// all).
  public static func show(_ text: String, through command: String) -> Bool {
    let words = command.split(separator: " ").map(String.init)
    guard let program = words.first, ["less", "more"].contains(program) else { return false }
    let line = program == "less" && words.count == 1 ? "less -R -S" : command
    fflush(nil)
    guard let pipe = popen(line, "w") else { return false }
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    fputs(text + "\n", pipe)
    return pclose(pipe) != -1
  }
}
