/// The characters `\N{NAME}` names, as CPython 3.11's `unicodedata` finds them: a name or a
/// corrected name (`nameAlias`) the Swift standard library knows, in any case (CPython
/// upper-cases it); a Hangul syllable (`HANGUL SYLLABLE GA`) or CJK unified ideograph
/// (`CJK UNIFIED IDEOGRAPH-4E00`, four or five hex digits), names made by a rule, in capitals
/// only, as CPython reads them.
///
/// Not CPython's: the other aliases of NameAliases.txt (`LINE FEED`, `BEL`, `BYTE ORDER MARK`)
/// are unknown here, and the library's Unicode version is newer than CPython 3.11's 14.0, so a
/// character named since then is known here and not there.
enum UnicodeNames {
  static func scalar(named name: String) -> Unicode.Scalar? {
    if let s = ideograph(name) { return s }
    if let v = hangul[name] { return Unicode.Scalar(v) }
    // The names are ASCII: CPython upper-cases ASCII letters only.
    let upper = String(
      decoding: name.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    return table[upper].flatMap(Unicode.Scalar.init)
  }

  /// `CJK UNIFIED IDEOGRAPH-4E00`: the code point in four or five capital hex digits.
  private static func ideograph(_ name: String) -> Unicode.Scalar? {
    let prefix = "CJK UNIFIED IDEOGRAPH-"
    guard name.hasPrefix(prefix) else { return nil }
    let hex = name.utf8.dropFirst(prefix.utf8.count)
    guard hex.count == 4 || hex.count == 5,
      hex.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }),
      let v = UInt32(String(decoding: hex, as: UTF8.self), radix: 16),
      let s = Unicode.Scalar(v), s.properties.name?.hasPrefix(prefix) == true
    else { return nil }
    return s
  }

  /// The Hangul syllables by name, made at the first `\N{...}`: 11,172 names.
  private static let hangul: [String: UInt32] = {
    var table: [String: UInt32] = [:]
    for v in UInt32(0xAC00)...0xD7A3 {
      if let name = Unicode.Scalar(v)?.properties.name { table[name] = v }
    }
    return table
  }()

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
