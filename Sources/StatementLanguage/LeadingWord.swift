extension Parser {
  /// The ASCII letters a line starts with, after its leading whitespace: a cheap first test for
  /// the command parsers, which most lines (Python statements) fail. A command word is made of
  /// lowercase ASCII letters, so a line whose command parser finds the word `apply` starts with
  /// exactly these letters (after whitespace, which this skips at least as widely as they do);
  /// a word not among the commands' rules the line out without lexing it.
  public static func leadingLetters(_ line: String) -> Substring {
    let utf8 = line.utf8
    var i = utf8.startIndex
    while i != utf8.endIndex, isASCIISpace(utf8[i]) { i = utf8.index(after: i) }
    if i != utf8.endIndex, utf8[i] >= 0x80 {
      // Unicode whitespace (or a space with a combining mark): skipped as `Character`s.
      let rest = line.drop { $0.isWhitespace }
      return rest.prefix { $0.isASCII && $0.isLetter }
    }
    var j = i
    while j != utf8.endIndex, isASCIILetter(utf8[j]) { j = utf8.index(after: j) }
    return line[i..<j]
  }

  private static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }
}
