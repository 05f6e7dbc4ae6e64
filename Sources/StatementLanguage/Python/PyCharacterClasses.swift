/// The scanner's character classes, ASCII first: a program is mostly ASCII, and Unicode's
/// property tables (`isLetter`, `isNumber`) are asked only about the other characters, which
/// Python also allows in names (`größe = 3`).
extension Character {
  /// Starts a name: a letter or `_`.
  var startsPyName: Bool {
    if let a = asciiValue { return Self.isASCIILetter(a) || a == 0x5F }
    return isLetter
  }

  /// Continues a name: a letter, a digit or `_`.
  var continuesPyName: Bool {
    if let a = asciiValue { return Self.isASCIILetter(a) || a &- 0x30 < 10 || a == 0x5F }
    return isLetter || isNumber
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
