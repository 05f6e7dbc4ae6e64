/// Recognising what a file is from its first bytes, to refuse non-JSON with a useful message.
enum Sniff {
  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Why `head` (the first bytes) cannot be JSON text, or nil to go on and parse it. An empty or
  /// all-whitespace file goes on (the parser's caller names it).
  static func refusal(head: [UInt8], size: UInt64?) -> String? {
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      return "the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8"
    }
    if head.count >= 2, head[0] == 0 || head[1] == 0, head.prefix(4).contains(where: isJSONStart) {
      return "the file looks like UTF-16 or UTF-32 text (it has zero bytes); save it as UTF-8"
    }
    if head.starts(with: [0x89, 0x48, 0x44, 0x46]) {
      return "it is an HDF5 file (a legacy .h5 Keras model or a weights file), not a .keras"
        + " archive or a JSON config; re-save the model with model.save(\"model.keras\")"
    }
    let text = head.starts(with: utf8BOM) ? Array(head.dropFirst(3)) : head
    guard let first = text.first(where: { !isWhitespace($0) }) else { return nil }
    if isJSONStart(first) { return nil }
    if looksLikePython(text) {
      return "it looks like Python code, not a .keras archive or a JSON config: a script runs"
        + " with `kshape run FILE` (`run FILE` in the REPL)"
    }
    return "not a .keras archive or a JSON config: it starts with \(describe(head))"
  }

  /// Whether `text` starts as a Keras script usually does (`import`, `from`, a `#!` line, a
  /// docstring, a `def`).
  static func looksLikePython(_ text: [UInt8]) -> Bool {
    let starts: [String] = ["import ", "from ", "#!", "\"\"\"", "def "]
    return starts.contains { text.starts(with: Array($0.utf8)) }
  }

  static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

  /// Bytes a JSON value (as Python writes it) can start with.
  static func isJSONStart(_ b: UInt8) -> Bool {
    "{[\"-0123456789tfnNI".utf8.contains(b)
  }

  /// `"hello wo" (68 65 6C 6C 6F 20 77 6F)`: the printable text and the hex of the first bytes.
  static func describe(_ head: [UInt8]) -> String {
    let shown = head.prefix(8)
    let hex = shown.map { b -> String in
      let s = String(b, radix: 16, uppercase: true)
      return s.count == 1 ? "0" + s : s
    }.joined(separator: " ")
    let printable = shown.allSatisfy { (0x20...0x7E).contains($0) }
    if printable { return "\"\(String(decoding: shown, as: UTF8.self))\" (\(hex))" }
    return "the bytes \(hex) (binary data)"
  }
}
