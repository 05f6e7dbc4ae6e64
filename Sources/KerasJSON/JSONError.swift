/// Why a document is not JSON, and where: 1-based line and column (columns count characters,
/// not bytes), plus the byte offset for tools.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, without the position: "expected ',' or '}' after an object member".
  public var message: String
  /// 1-based line of the offending character.
  public var line: Int
  /// 1-based column of the offending character, counted in Unicode scalars.
  public var column: Int
  /// 0-based byte offset of the offending character.
  public var offset: Int
  /// The document may be valid JSON but passes a limit (the number of values).
  public var exceedsLimit: Bool

  public init(message: String, line: Int, column: Int, offset: Int, exceedsLimit: Bool = false) {
    self.message = message
    self.line = line
    self.column = column
    self.offset = offset
    self.exceedsLimit = exceedsLimit
  }

  /// "expected ',' or '}' after an object member at line 3, column 14"
  public var description: String { "\(message) at line \(line), column \(column)" }

  /// The error for `message` at byte `offset` of `bytes`, with its line and column counted.
  static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ message: String)
    -> JSONError
  {
    var line = 1
    var column = 1
    let end = min(offset, bytes.count)
    var i = 0
    while i < end {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1  // UTF-8 continuation bytes do not start a character
      }
      i += 1
    }
    return JSONError(message: message, line: line, column: column, offset: offset)
  }
}

extension UInt8 {
  /// How a byte reads in a message: `'x'`, `end of input` is handled by the caller, others in hex.
  var jsonDisplay: String {
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
