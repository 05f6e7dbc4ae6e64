import Foundation

/// `~` in a typed path, as a shell expands it: `$HOME` (the account's home only when HOME is
/// unset), so that import, export and path completion agree on where `~` is.
enum HomePath {
  static func expand(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else {
      // `~user/...`: that account's home, as the shell finds it.
      return path.hasPrefix("~") ? NSString(string: path).expandingTildeInPath : path
    }
    let env = ProcessEnvironment.value("HOME").flatMap { $0.isEmpty ? nil : $0 }
    let home = env ?? NSHomeDirectory()
    return home + path.dropFirst()
  }
}
