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
  public static func show(_ text: String, through command: String) -> Bool {
    let words = command.split(separator: " ").map(String.init)
    guard let program = words.first, ["less", "more"].contains(program) else { return false }
    let line = program == "less" && words.count == 1 ? "less -R -S" : command
    fflush(nil)
    guard let pipe = popen(line, "w") else { return false }
    fputs(text + "\n", pipe)
    return pclose(pipe) != -1
  }
}
