import Foundation

/// File names for Tab after `import` and `export`: the entries of the typed folder that start
/// with the typed name, folders with a trailing `/`; hidden files only when asked for.
enum PathCompletion {
  static func candidates(_ partial: String, limit: Int = 200) -> [String] {
    let slash = partial.lastIndex(of: "/")
    let folderPart = slash.map { String(partial[...$0]) } ?? ""
    let namePart = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    let folder =
      folderPart.isEmpty
      ? "."
      : HomePath.expand(folderPart)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    var out: [String] = []
    for e in entries.sorted()
    where e.hasPrefix(namePart) && (namePart.hasPrefix(".") || !e.hasPrefix(".")) {
      var isDir: ObjCBool = false
      let full = (folder as NSString).appendingPathComponent(e)
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
      out.append(folderPart + e + (isDir.boolValue ? "/" : ""))
      if out.count >= limit { break }
    }
    return out
  }
}
