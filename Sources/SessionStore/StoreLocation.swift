import Foundation

/// Where the store lives: `--store PATH`, else `$KSHAPE_HOME/store.sqlite`, else
/// `$XDG_DATA_HOME/kshape/store.sqlite`, else `~/.local/share/kshape/store.sqlite`.
public enum StoreLocation {
  public static let fileName = "store.sqlite"

  /// The store's file path from an explicit option and the environment.
  public static func path(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let home = environment["KSHAPE_HOME"], !home.isEmpty {
      return (home as NSString).appendingPathComponent(fileName)
    }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
      return ((xdg as NSString).appendingPathComponent("kshape") as NSString)
        .appendingPathComponent(fileName)
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return (home as NSString).appendingPathComponent(".local/share/kshape/" + fileName)
  }
}
