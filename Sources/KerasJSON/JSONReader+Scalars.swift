/// Strings and numbers.
extension JSONReader {
  /// number = [ '-' ] int [ frac ] [ exp ], or `-Infinity`
  mutating func number() throws(JSONError) -> JSONValue {
    let start = pos
    var isInteger = true
    if peek == UInt8(ascii: "-") {
      pos += 1
      if peek == UInt8(ascii: "I") {
        _ = try literal("Infinity", .null)
        return .double(-.infinity)
      }
    }
    guard let first = peek, isDigit(first) else {
      throw error("expected a digit in a number, found \(found)")
    }
    pos += 1
    if first != UInt8(ascii: "0") { skipDigits() }
    if peek == UInt8(ascii: ".") {
      isInteger = false
      pos += 1
      guard let d = peek, isDigit(d) else {
        throw error("expected a digit after the decimal point, found \(found)")
      }
      skipDigits()
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      isInteger = false
      pos += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { pos += 1 }
      guard let d = peek, isDigit(d) else {
        throw error("expected a digit in the exponent, found \(found)")
      }
      skipDigits()
    }
    let length = pos - start
    if length > JSONParser.maxNumberLength {
      throw error(
        "number literal is \(length) characters long (the limit is \(JSONParser.maxNumberLength))",
        at: start)
    }
    let text = String(decoding: bytes[start..<pos], as: UTF8.self)
    if isInteger, let i = Int(text) { return .int(i) }
    guard let d = Double(text), d.isFinite else {
      let shown = length > 40 ? String(text.prefix(40)) + "..." : text
      throw error("number \(shown) is out of the range of a double", at: start)
    }
    return .double(d)
  }

  func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  mutating func skipDigits() {
    while let b = peek, isDigit(b) { pos += 1 }
  }

  /// string = '"' *char '"', with escapes; the bytes must be UTF-8.
  mutating func string() throws(JSONError) -> String {
    let open = pos
    pos += 1
    var out: [UInt8] = []
    var runStart = pos
    while true {
      guard let b = peek else {
        throw error("unterminated string (it opens here)", at: open)
      }
      if b == UInt8(ascii: "\"") {
        out.append(contentsOf: bytes[runStart..<pos])
        pos += 1
        break
      } else if b == UInt8(ascii: "\\") {
        out.append(contentsOf: bytes[runStart..<pos])
        try escape(into: &out)
        runStart = pos
      } else if b == 0x0A || b == 0x0D {
        throw error("unterminated string (the line ends before its closing quote)", at: open)
      } else if b < 0x20 {
        throw error("control character \(b.jsonDisplay) in a string (write it as an escape)")
      } else if b < 0x80 {
        pos += 1
      } else {
        try skipUTF8Scalar()
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// One well-formed UTF-8 sequence (no overlongs, no surrogates, at most U+10FFFF).
  mutating func skipUTF8Scalar() throws(JSONError) {
    let lead = bytes[pos]
    let count: Int
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 1
    case 0xE0:
      count = 2
      lo = 0xA0
    case 0xED:
      count = 2
      hi = 0x9F
    case 0xE1...0xEF: count = 2
    case 0xF0:
      count = 3
      lo = 0x90
    case 0xF4:
      count = 3
      hi = 0x8F
    case 0xF1...0xF3: count = 3
    default: throw error("invalid UTF-8 byte \(lead.jsonDisplay) in a string")
    }
    for k in 1...count {
      let i = pos + k
      guard i < bytes.count, bytes[i] >= (k == 1 ? lo : 0x80), bytes[i] <= (k == 1 ? hi : 0xBF)
      else { throw error("invalid UTF-8 sequence in a string") }
    }
    pos += count + 1
  }

  /// escape = '\' ( '"' / '\' / '/' / 'b' / 'f' / 'n' / 'r' / 't' / 'u' 4hex [ '\u' 4hex ] )
  mutating func escape(into out: inout [UInt8]) throws(JSONError) {
    let start = pos
    pos += 1
    guard let c = peek else { throw error("unterminated escape in a string", at: start) }
    pos += 1
    let simple: UInt8?
    switch c {
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"): simple = nil
    default: throw error("invalid escape '\\' followed by \(c.jsonDisplay)", at: start)
    }
    if let simple {
      out.append(simple)
      return
    }
    var code = try hex4(escapeAt: start)
    if (0xDC00...0xDFFF).contains(code) {
      throw error("lone low surrogate in a \\u escape", at: start)
    }
    if (0xD800...0xDBFF).contains(code) {
      guard peek == UInt8(ascii: "\\"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "u")
      else { throw error("high surrogate not followed by a low surrogate", at: start) }
      let second = pos
      pos += 2
      let low = try hex4(escapeAt: second)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw error("high surrogate not followed by a low surrogate", at: start)
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(code) else {
      throw error("invalid \\u escape", at: start)
    }
    out.append(contentsOf: String(Character(scalar)).utf8)
  }

  /// Four hex digits after `\u`.
  mutating func hex4(escapeAt start: Int) throws(JSONError) -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard let b = peek else { throw error("unterminated \\u escape", at: start) }
      let digit: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
      default: throw error("expected 4 hex digits after \\u, found \(found)")
      }
      code = code << 4 | UInt32(digit)
      pos += 1
    }
    return code
  }
}
