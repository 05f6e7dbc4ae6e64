import KerasJSON

// The JSON parser as it was before it was rewritten for speed (commit 88484ae): one byte at a
// time, an Array per open container, a Dictionary per object. Kept as the oracle of
// JSONParserDifferentialTests: the fast parser must give the same values, and the same
// messages at the same positions, for every input.

/// Parses like `JSONParser.parse` did.
enum ReferenceJSONParser {
  static func parse(_ bytes: [UInt8], maxDepth: Int, maxValues: Int) throws(JSONError) -> JSONValue
  {
    var reader = ReferenceJSONReader(bytes: bytes, maxDepth: maxDepth, maxValues: maxValues)
    return try reader.document()
  }
}

/// `JSONError.at` as it was: the line and column of byte `offset`.
func referenceError(at offset: Int, in bytes: [UInt8], _ message: String) -> JSONError {
  var line = 1
  var column = 1
  var i = 0
  while i < min(offset, bytes.count) {
    if bytes[i] == 0x0A {
      line += 1
      column = 1
    } else if bytes[i] & 0xC0 != 0x80 {
      column += 1
    }
    i += 1
  }
  return JSONError(message: message, line: line, column: column, offset: offset)
}

extension UInt8 {
  /// `jsonDisplay` as it was.
  var referenceDisplay: String {
    switch self {
    case 0x21...0x7E: return "'\(Character(Unicode.Scalar(self)))'"
    case 0x20: return "a space"
    case 0x09: return "a tab"
    case 0x0A: return "a line break"
    case 0x0D: return "a carriage return"
    default:
      let hex = String(self, radix: 16, uppercase: true)
      return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
  }
}

/// An open object while its members are read: the members so far, where each key is, and the
/// key whose value is being read.
private struct ReferenceOpenObject {
  var members: [JSONMember] = []
  var index: [String: Int] = [:]
  var key: String

  mutating func add(_ value: JSONValue) {
    if let i = index[key] {
      members[i].value = value
    } else {
      index[key] = members.count
      members.append(JSONMember(key, value))
    }
  }
}

/// The cursor and the explicit stack of open containers.
struct ReferenceJSONReader {
  let bytes: [UInt8]
  let maxDepth: Int
  let maxValues: Int
  var pos = 0
  var values = 0

  init(bytes: [UInt8], maxDepth: Int, maxValues: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
    self.maxValues = maxValues
  }

  var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

  func error(_ message: String, at offset: Int? = nil) -> JSONError {
    referenceError(at: offset ?? pos, in: bytes, message)
  }

  /// What stands at the cursor, for messages: "'x'" or "end of input".
  var found: String { peek.map { $0.referenceDisplay } ?? "end of input" }

  mutating func skipWhitespace() {
    while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 }
  }

  /// document = ws value ws
  mutating func document() throws(JSONError) -> JSONValue {
    skipWhitespace()
    if peek == nil { throw error("empty document: expected a JSON value") }
    let value = try value()
    skipWhitespace()
    if peek != nil { throw error("unexpected \(found) after the JSON value") }
    return value
  }

  /// value = object / array / string / number / true / false / null, read without recursion:
  /// open containers live on explicit stacks (mutated in place, so appending stays O(1)).
  mutating func value() throws(JSONError) -> JSONValue {
    var isArray: [Bool] = []
    var arrays: [[JSONValue]] = []
    var objects: [ReferenceOpenObject] = []
    var current: JSONValue
    while true {
      // Read one value; an opening bracket pushes a container and reads its first element.
      skipWhitespace()
      values += 1
      if values > maxValues {
        var e = error(
          "more than \(maxValues) values (numbers, strings, lists, objects); the limit bounds the"
            + " memory a document takes")
        e.exceedsLimit = true
        throw e
      }
      switch peek {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        let opensArray = peek == UInt8(ascii: "[")
        if isArray.count >= maxDepth {
          throw error("nesting deeper than \(maxDepth) levels of lists and objects")
        }
        pos += 1
        skipWhitespace()
        if opensArray {
          if peek == UInt8(ascii: "]") {
            pos += 1
            current = .array([])
          } else {
            isArray.append(true)
            arrays.append([])
            continue
          }
        } else if peek == UInt8(ascii: "}") {
          pos += 1
          current = .object([])
        } else {
          let key = try memberKey(after: "'{'")
          isArray.append(false)
          objects.append(ReferenceOpenObject(key: key))
          continue
        }
      default:
        current = try scalar()
      }
      // Hand the finished value to the open containers, closing those that end here.
      closing: while let inArray = isArray.last {
        skipWhitespace()
        if inArray {
          arrays[arrays.count - 1].append(current)
          if peek == UInt8(ascii: ",") {
            pos += 1
            break closing
          } else if peek == UInt8(ascii: "]") {
            pos += 1
            isArray.removeLast()
            current = .array(arrays.removeLast())
          } else {
            throw error("expected ',' or ']' after a list element, found \(found)")
          }
        } else {
          objects[objects.count - 1].add(current)
          if peek == UInt8(ascii: ",") {
            pos += 1
            objects[objects.count - 1].key = try memberKey(after: "','")
            break closing
          } else if peek == UInt8(ascii: "}") {
            pos += 1
            isArray.removeLast()
            current = .object(objects.removeLast().members)
          } else {
            throw error("expected ',' or '}' after an object member, found \(found)")
          }
        }
      }
      if isArray.isEmpty { return current }
    }
  }

  /// member-key = ws string ws ':'
  mutating func memberKey(after what: String) throws(JSONError) -> String {
    skipWhitespace()
    guard peek == UInt8(ascii: "\"") else {
      throw error("expected a string key after \(what) in an object, found \(found)")
    }
    let key = try string()
    skipWhitespace()
    guard peek == UInt8(ascii: ":") else {
      throw error("expected ':' after the object key \"\(key)\", found \(found)")
    }
    pos += 1
    return key
  }

  /// A string, number or literal name.
  mutating func scalar() throws(JSONError) -> JSONValue {
    guard let b = peek else { throw error("expected a JSON value, found end of input") }
    switch b {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "N"): return try literal("NaN", .double(.nan))
    case UInt8(ascii: "I"): return try literal("Infinity", .double(.infinity))
    default: throw error("expected a JSON value, found \(found)")
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONError) -> JSONValue {
    let start = pos
    for expected in word.utf8 {
      guard peek == expected else {
        throw error("invalid literal: expected '\(word)'", at: start)
      }
      pos += 1
    }
    return value
  }
}

/// Strings and numbers.
extension ReferenceJSONReader {
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
        throw error("control character \(b.referenceDisplay) in a string (write it as an escape)")
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
    default: throw error("invalid UTF-8 byte \(lead.referenceDisplay) in a string")
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
    default: throw error("invalid escape '\\' followed by \(c.referenceDisplay)", at: start)
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
