import StatementLanguage

/// The source of each statement of a program's text, cut by its range (`Character` offsets).
/// A text of one byte per character (ASCII without "\r\n", nearly every program) is cut by its
/// UTF-8 offsets, and a statement that is the whole text is the text itself; any other text is
/// cut from its `Character`s, made once.
struct StatementPieces {
  let text: String
  private let oneBytePerCharacter: Bool
  private var characters: [Character]?

  init(_ text: String) {
    self.text = text
    // "\r" alone is one byte too, but "\r\n" is one Character of two bytes.
    // Read in place where the bytes are contiguous (nearly always): the generic walk of a
    // string's UTF-8 view costs tens of instructions a byte.
    oneBytePerCharacter =
      text.utf8.withContiguousStorageIfAvailable(Self.oneBytePerCharacter)
      ?? text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  /// Whether `bytes` are ASCII without "\r": eight bytes at a time (`ByteWord`), then the rest
  /// one by one.
  static func oneBytePerCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      while i + 8 <= bytes.count {
        let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if ByteWord.nonASCII(word) | ByteWord.equal(word, 0x0D) != 0 { return false }
        i += 8
      }
    }
    while i < bytes.count {
      if bytes[i] >= 0x80 || bytes[i] == 0x0D { return false }
      i += 1
    }
    return true
  }

  mutating func piece(_ r: SourceRange) -> String {
    if oneBytePerCharacter {
      let utf8 = text.utf8
      let (lower, upper) = (max(0, r.start), min(utf8.count, r.end))
      if lower == 0 && upper == utf8.count { return text }
      guard lower < upper else { return "" }
      let start = utf8.index(utf8.startIndex, offsetBy: lower)
      return String(Substring(utf8[start..<utf8.index(start, offsetBy: upper - lower)]))
    }
    let characters = self.characters ?? text.pyCharacters
    self.characters = characters
    let (lower, upper) = (max(0, r.start), min(characters.count, r.end))
    guard lower < upper else { return "" }
    return String(characters[lower..<upper])
  }
}
