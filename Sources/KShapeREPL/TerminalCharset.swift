import Foundation

/// Whether the terminal shows UTF-8: its locale (LC_ALL, then LC_CTYPE, then LANG, as the C
/// library reads them). Drawings fall back to ASCII where it does not.
enum TerminalCharset {
  static func isUTF8(
    _ environment: [String: String] = ProcessEnvironment.values(["LC_ALL", "LC_CTYPE", "LANG"])
  )
    -> Bool
  {
    let locale =
      ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
      ?? ""
    let name = locale.uppercased().filter { $0 != "-" && $0 != "_" }
    return name.contains("UTF8")
  }
}
