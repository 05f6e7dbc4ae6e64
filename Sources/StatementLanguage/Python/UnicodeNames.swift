/// The characters `\N{NAME}` names, as CPython's `unicodedata` finds them: case-insensitive
/// (its name is upper-cased), Hangul syllables and CJK unified ideographs by rule, any other by
/// the name or the corrected name (`nameAlias`) the Swift standard library knows.
///
/// Not CPython's: the other aliases of NameAliases.txt (`LINE FEED`, `BEL`, `BYTE ORDER MARK`)
/// are unknown here, and the library's Unicode version is newer than CPython 3.11's 14.0, so a
/// character named since then is known here and not there.
enum UnicodeNames {
  static func scalar(named given: String) -> Unicode.Scalar? {
    // CPython upper-cases ASCII letters only; the names are ASCII.
    let name = String(
      decoding: given.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    if let s = byRule(name) { return s }
    return table[name].flatMap(Unicode.Scalar.init)
  }

  /// `HANGUL SYLLABLE GA` and `CJK UNIFIED IDEOGRAPH-4E00`: names made by a rule, which the
  /// table leaves out (they are most of the code points).
  private static func byRule(_ name: String) -> Unicode.Scalar? {
    let ideograph = "CJK UNIFIED IDEOGRAPH-"
    if name.hasPrefix(ideograph) {
      let hex = name.dropFirst(ideograph.count)
      guard hex.count == 4 || hex.count == 5, let v = UInt32(hex, radix: 16),
        hex.allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isLowercase }),
        let s = Unicode.Scalar(v), s.properties.name == name
      else { return nil }
      return s
    }
    let syllable = "HANGUL SYLLABLE "
    if name.hasPrefix(syllable) {
      for v in UInt32(0xAC00)...0xD7A3 {
        if let s = Unicode.Scalar(v), s.properties.name == name { return s }
      }
    }
    return nil
  }

  /// Name -> code point, made at the first `\N{...}` (about 10 ms): the code points below
  /// U+20000 and the tags and variation selectors of plane 14, less the ideographs and
  /// syllables named by rule.
  private static let table: [String: UInt32] = {
    var table: [String: UInt32] = [:]
    func add(_ range: ClosedRange<UInt32>) {
      for v in range {
        if (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
          || (0xAC00...0xD7A3).contains(v)
        {
          continue
        }
        guard let s = Unicode.Scalar(v) else { continue }
        if let name = s.properties.name { table[name] = v }
        if let alias = s.properties.nameAlias { table[alias] = v }
      }
    }
    add(0...0x1FFFF)
    add(0xE0000...0xE01EF)
    return table
  }()
}
