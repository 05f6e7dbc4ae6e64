/// Strings and numbers.
extension JSONReader {
  /// number = [ '-' ] int [ frac ] [ exp ], or `-Infinity`
  mutating func number() throws(JSONError) -> JSONValue {
    let start = pos
    var isInteger = true
    let negative = byte == UInt8(ascii: "-")
    if negative {
      pos += 1
      if byte == UInt8(ascii: "I") {
        try literal("Infinity")
        return .double(-.infinity)
      }
    }
    let first = byte
    guard isDigit(first) else {
      throw error("expected a digit in a number, found \(found)")
    }
    // An integer of up to 18 digits is read as its digits go by (it cannot overflow); longer
    // ones and the rest go through the standard library's conversions.
    let digitsStart = pos
    var magnitude = Int(first &- UInt8(ascii: "0"))
    pos += 1
    if first != UInt8(ascii: "0") {
      while pos < bytes.count {
        let d = bytes[pos] &- UInt8(ascii: "0")
        guard d < 10 else { break }
        if pos - digitsStart < 18 { magnitude = magnitude * 10 + Int(d) }
        pos += 1
      }
    }
    let integerDigits = digitsStart..<pos
    var fractionDigits = pos..<pos
    var exponentDigits = pos..<pos
    var exponentIsNegative = false
    if byte == UInt8(ascii: ".") {
      isInteger = false
      pos += 1
      guard isDigit(byte) else {
        throw error("expected a digit after the decimal point, found \(found)")
      }
      let fractionStart = pos
      skipDigits()
      fractionDigits = fractionStart..<pos
    }
    if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      isInteger = false
      pos += 1
      exponentIsNegative = byte == UInt8(ascii: "-")
      if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { pos += 1 }
      guard isDigit(byte) else {
        throw error("expected a digit in the exponent, found \(found)")
      }
      let exponentStart = pos
      skipDigits()
      exponentDigits = exponentStart..<pos
    }
    let length = pos - start
    if length > JSONParser.maxNumberLength {
      throw error(
        "number literal is \(length) characters long (the limit is \(JSONParser.maxNumberLength))",
        at: start)
    }
    if isInteger && integerDigits.count <= 18 { return .int(negative ? -magnitude : magnitude) }
    if !isInteger,
      let d = exactDouble(integerDigits, fractionDigits, exponentDigits, exponentIsNegative)
    {
      return .double(negative ? -d : d)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    if isInteger, let i = Int(text) { return .int(i) }
    guard let d = Double(text), d.isFinite else {
      let shown = length > 40 ? String(text.prefix(40)) + "..." : text
      throw error("number \(shown) is out of the range of a double", at: start)
    }
    return .double(d)
  }

  /// A decimal's value by Clinger's fast path, nil when it does not apply: the digits as an
  /// integer up to 2^53 and a power of ten up to 10^22 are both exact doubles, so one
  /// multiplication or division rounds correctly, as `strtod` (`Double(text)`) does.
  func exactDouble(
    _ integer: Range<Int>, _ fraction: Range<Int>, _ exponent: Range<Int>,
    _ exponentIsNegative: Bool
  ) -> Double? {
    var digits: UInt64 = 0
    for i in integer {
      digits = digits * 10 + UInt64(bytes[i] &- UInt8(ascii: "0"))
      if digits > 1 << 53 { return nil }
    }
    for i in fraction {
      digits = digits * 10 + UInt64(bytes[i] &- UInt8(ascii: "0"))
      if digits > 1 << 53 { return nil }
    }
    guard exponent.count <= 3 else { return nil }
    var power = 0
    for i in exponent { power = power * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
    power = (exponentIsNegative ? -power : power) - fraction.count
    guard power >= -22 && power <= 22 else { return nil }
    let scale = Self.exactPowersOfTen[abs(power)]
    return power < 0 ? Double(digits) / scale : Double(digits) * scale
  }

  /// 10^0 ... 10^22, the powers of ten that doubles hold exactly.
  static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  mutating func skipDigits() {
    while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
  }

  /// string = '"' *char '"', with escapes; the bytes must be UTF-8. Also a hash of its UTF-8
  /// (`JSONStringTable.hash`), for finding repeated keys.
  ///
  /// Most strings are ASCII without escapes: their bytes are the string, scanned and hashed
  /// eight at a time. Any other string is read again from its start by `generalString`.
  mutating func string() throws(JSONError) -> (text: String, hash: UInt64) {
    let start = pos + 1
    var k = start
    var h = JSONStringTable.seed
    while k + 8 <= bytes.count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
      let special = Self.specialBytes(word)
      if special == 0 {
        h = JSONStringTable.mix(h ^ word)
        k += 8
        continue
      }
      let n = special.trailingZeroBitCount >> 3
      guard bytes[k + n] == UInt8(ascii: "\"") else { break }
      if n > 0 { h = JSONStringTable.mix(h ^ (word & ((1 << UInt64(8 * n)) &- 1))) }
      let end = k + n
      let hash = JSONStringTable.finish(h, count: end - start)
      pos = end + 1
      return (strings.string(start, end, hash: hash), hash)
    }
    return try generalString()
  }

  /// A string with non-ASCII bytes, escapes or an error, or near the end of the document.
  mutating func generalString() throws(JSONError) -> (text: String, hash: UInt64) {
    let open = pos
    pos += 1
    let start = pos
    while true {
      while pos + 8 <= bytes.count {
        let special = Self.specialBytes(
          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self)))
        if special == 0 {
          pos += 8
        } else {
          pos += special.trailingZeroBitCount >> 3
          break
        }
      }
      guard pos < bytes.count else { break }
      let b = bytes[pos]
      if b == UInt8(ascii: "\"") {
        let hash = JSONStringTable.hash(raw, from: start, count: pos - start)
        let text = strings.string(start, pos, hash: hash)
        pos += 1
        return (text, hash)
      } else if b == UInt8(ascii: "\\") || b < 0x20 {
        break
      } else if b < 0x80 {
        pos += 1
      } else {
        try skipUTF8Scalar()
      }
    }
    return try escapedString(open: open, start: start)
  }

  /// The high bit of each byte of `word` (first byte lowest) that may end an escape-free run:
  /// '"', '\\', a control character or a non-ASCII byte. Above the lowest one the bits may be
  /// wrong (borrows), so only the lowest counts.
  static func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let isQuote = (quote &- ones) & ~quote
    let isBackslash = (backslash &- ones) & ~backslash
    let isControl = (word &- ones &* 0x20) & ~word
    return (isQuote | isBackslash | isControl | word) & (ones &* 0x80)
  }

  /// The rest of a string from the first escape or error at the cursor: the bytes from `start`
  /// are copied with the escapes decoded.
  mutating func escapedString(open: Int, start: Int) throws(JSONError) -> (
    text: String, hash: UInt64
  ) {
    var out = Array(bytes[start..<pos])
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
    let hash = out.withUnsafeBytes { JSONStringTable.hash($0, from: 0, count: $0.count) }
    return (String(decoding: out, as: UTF8.self), hash)
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
