/// Python reads a program as code points; Swift's `Character` is a grapheme cluster, which joins
/// a quote, a backslash, a `#` or a brace with the combining mark after it (`"\u{301}"` typed
/// as its character is one `Character`, neither a quote nor an accent), so that a program
/// read by `Character` lost its strings' quotes. These are the characters kshape reads a
/// program by: one for each code point, except `"\r\n"`, one line break as in Python's
/// universal newlines. Every `SourceRange` counts them: the lexers, a statement's pieces, the
/// carets under an error.
extension StringProtocol {
  /// The text's characters as Python reads them (see above); an ASCII text's are its
  /// `Character`s.
  public var pyCharacters: [Character] {
    if utf8.allSatisfy({ $0 < 0x80 }) { return Array(self) }
    var out: [Character] = []
    out.reserveCapacity(utf8.count)
    var afterCR = false
    for scalar in unicodeScalars {
      if scalar == "\n", afterCR, let last = out.indices.last {
        out[last] = "\r\n"
        afterCR = false
        continue
      }
      out.append(Character(scalar))
      afterCR = scalar == "\r"
    }
    return out
  }
}

extension StringProtocol {
  /// How many line breaks (`isPyNewline`) come before `offset` (in `pyCharacters`), counted
  /// over the code points without making them: a traceback asks it of every frame.
  public func pyLineBreaks(before offset: Int) -> Int {
    var breaks = 0
    var units = 0
    var afterCR = false
    for scalar in unicodeScalars {
      // The "\n" of "\r\n": the same character, and the same line break.
      if scalar == "\n" && afterCR {
        afterCR = false
        continue
      }
      guard units < offset else { break }
      units += 1
      afterCR = scalar == "\r"
      if scalar == "\n" || scalar == "\r" { breaks += 1 }
    }
    return breaks
  }
}

extension Character {
  /// Ends a line of a program: `\n`, `\r` or `\r\n`, as in Python (not the other line
  /// separators Unicode has, U+2028 among them, which Python refuses outside a string and keeps
  /// inside one).
  public var isPyNewline: Bool { self == "\n" || self == "\r\n" || self == "\r" }
}

extension Collection<Character> {
  /// How many columns the characters take on a terminal, as the text they make is shown
  /// (`String.displayWidth`: a letter and its combining accent are one column, a wide one two).
  public var shownWidth: Int { String(self).displayWidth }
}
