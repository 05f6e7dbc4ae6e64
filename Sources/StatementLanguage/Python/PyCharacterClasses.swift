import Foundation

/// The scanner's character classes, ASCII first: a program is mostly ASCII, and Unicode's
/// property tables (`isLetter`, `isNumber`) are asked only about the other characters, which
/// Python also allows in names (`größe = 3`).
extension Character {
  /// Starts a name: `_` or a code point of Unicode's XID_Start, as in Python (a letter).
  var startsPyName: Bool {
    if let a = asciiValue { return Self.isASCIILetter(a) || a == 0x5F }
    return unicodeScalars.first?.properties.isXIDStart == true
  }

  /// Continues a name: `_` or a code point of XID_Continue, as in Python (a letter, a digit, a
  /// combining accent: `e\u{301}` is one of Python's names, read code point by code point).
  var continuesPyName: Bool {
    if let a = asciiValue { return Self.isASCIILetter(a) || a &- 0x30 < 10 || a == 0x5F }
    return unicodeScalars.first?.properties.isXIDContinue == true
  }

  /// `0`-`9`.
  var isASCIIDigit: Bool {
    guard let a = asciiValue else { return false }
    // "\r\n" is one Character whose asciiValue is that of "\n": not a digit either way.
    return a &- 0x30 < 10
  }

  private static func isASCIILetter(_ a: UInt8) -> Bool { (a | 0x20) &- 0x61 < 26 }
}

extension PyLexer {
  /// The operators by their first character's ASCII code, each list in `operators`' order
  /// (longest first), with the spelling the token carries.
  static let operatorsByFirst: [[(chars: [Character], text: String)]] = {
    var table = [[(chars: [Character], text: String)]](repeating: [], count: 128)
    for op in operators {
      guard let first = op.first?.asciiValue else { continue }
      table[Int(first)].append((Array(op), op))
    }
    return table
  }()
}

extension String {
  /// A name as Python keeps it: its text in Unicode's NFKC form, so that `e\u{301}` (a letter
  /// and its combining accent) and `\u{e9}` are one name, as are `ﬁle` and `file`.
  init(pyName chars: ArraySlice<Character>) {
    let text = String(scanned: chars)
    self =
      text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
  }

  /// The text of scanned characters (a name, a number's digits), made from their bytes when they
  /// are all ASCII, as they nearly always are (`String(chars)` appends `Character`s one by one).
  init(scanned chars: ArraySlice<Character>) {
    var ascii = true
    let made = String(unsafeUninitializedCapacity: chars.count) { buffer in
      var i = 0
      for c in chars {
        // "\r\n" reports the asciiValue of "\n" but is two bytes: the general path takes it.
        guard let a = c.asciiValue, a != 0x0A || c == "\n" else {
          ascii = false
          return 0
        }
        buffer[i] = a
        i += 1
      }
      return i
    }
    self = ascii ? made : String(chars)
  }
}

extension PyLexer {
  /// Python's message for a character no token starts with: `invalid character '€' (U+20AC)`,
  /// or `invalid non-printable character U+00A0` for one Python does not print (a control, a
  /// format character, a separator other than the space).
  static func invalidCharacter(_ char: Character) -> String {
    guard let scalar = char.unicodeScalars.first else { return "invalid syntax" }
    var hex = String(scalar.value, radix: 16, uppercase: true)
    if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
    return scalar.isPyPrintable
      ? "invalid character '\(char)' (U+\(hex))" : "invalid non-printable character U+\(hex)"
  }
}

extension Unicode.Scalar {
  /// Whether Python prints it as it is (`str.isprintable`, for a code point past ASCII; nearly:
  /// not a control, a format character, a surrogate, a private or unassigned code point, or a
  /// separator other than the space).
  public var isPyPrintable: Bool {
    switch properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default: return true
    }
  }
}
