/// The line parser's reading of bytes: spaces, names (their bytes packed once, for the name
/// table and the keyword test), the end of a line, and the text of a call `PyCallTable` keeps.
extension PyLineParser {
  func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

  mutating func skipSpaces() {
    while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 {
      position += 1
    }
  }

  static func startsName(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b == 0x5F }
  static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
  static func continuesName(_ b: UInt8) -> Bool { startsName(b) || isDigit(b) }
  static func isQuote(_ b: UInt8) -> Bool { b == 0x27 || b == 0x22 }
  /// A byte the byte scanner takes as it is in a string or a comment (`PyByteScanner.isPlain`,
  /// but a newline: none is read there).
  static func isPlain(_ b: UInt8) -> Bool { b &- 0x20 < 0x5F || b == 0x09 }

  /// The end of the name starting at `position` (its first byte starts a name).
  func nameEnd() -> Int {
    var end = position + 1
    while end < bytes.count, Self.continuesName(bytes[end]) { end += 1 }
    return end
  }

  /// A name's bytes, `start..<end`: packed (at most eight: a keyword's length) when a keyword
  /// may be among them, and whether they are one.
  struct NameBytes {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var isKeyword = false
  }

  /// `start..<end`'s `NameBytes`, packed when the table or the keyword test reads them.
  @inline(__always)
  func nameBytes(_ start: Int, _ end: Int) -> NameBytes {
    let n = end - start
    guard n <= 15 else { return NameBytes() }
    let (low, high) = PyNameTable.pack(bytes, start, n)
    return NameBytes(low: low, high: high, isKeyword: n <= 8 && isPyKeyword(packed: low))
  }

  /// The string of the name `start..<end` (`packed`: its bytes packed, when at most 15).
  @inline(__always)
  func word(_ start: Int, _ end: Int, _ packed: NameBytes) -> String {
    if let names, end - start <= 15 {
      return names.name(low: packed.low, high: packed.high, bytes, start)
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// The atom of the name `start..<end`: `True`, `False`, `None` or a name; nil for another
  /// keyword.
  func nameAtom(_ start: Int, _ end: Int) -> PyExpr? {
    let packed = nameBytes(start, end)
    let range = SourceRange(start, end)
    guard packed.isKeyword else { return PyExpr(.name(word(start, end, packed)), range) }
    switch packed.low {
    case 0x6575_7254: return PyExpr(.bool(true), range)  // True
    case 0x65_736C_6146: return PyExpr(.bool(false), range)  // False
    case 0x656E_6F4E: return PyExpr(.none, range)  // None
    default: return nil
    }
  }

  /// Whether the rest of the line is spaces and perhaps a comment.
  /// (A comment ending with a backslash is left to the parser: the REPL's rule waits for another
  /// line after it.)
  mutating func atEnd() -> Bool {
    skipSpaces()
    if byte(position) == 0x23 {
      while position < bytes.count, bytes[position] != 0x0A {
        if !Self.isPlain(bytes[position]) { return false }
        position += 1
      }
      if bytes[position - 1] == 0x5C { return false }
    }
    return position == bytes.count
  }

  /// The end of the text of a call `PyCallTable` may keep, the primary starting at `start` with
  /// a name ending at `end`: past the first `)` after it, when the text up to there is at most
  /// `maxBytes` and holds one `(` and no other bracket, brace, comment or backslash.
  func callEnd(_ start: Int, from end: Int) -> Int? {
    let limit = min(bytes.count, start + PyCallTable.maxBytes)
    var opened = false
    var i = end
    while i < limit {
      switch bytes[i] {
      case 0x29: return opened ? i + 1 : nil
      case 0x28:
        if opened { return nil }
        opened = true
      case 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x5C: return nil
      default: break
      }
      i += 1
    }
    return nil
  }
}
