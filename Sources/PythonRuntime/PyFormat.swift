import Foundation
import StatementLanguage

/// Python's format mini-language (`f"{x:.2f}"`, `format(x, "02d")`, `"{:>5}".format(s)`) and
/// `%`-formatting, following CPython's Python/formatter_unicode.c: the same parse, the same
/// checks in the same order, the same zero padding through digit groups (`'0,000,042'`).
enum PyFormat {
  /// A parsed spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
  struct Spec {
    var fill: Character = " "
    var fillSpecified = false
    var align: Character?
    var sign: Character?
    /// `z`: a negative zero (after rounding) is shown as zero.
    var noNegativeZero = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
  }

  static func invalid(_ message: String, _ range: SourceRange?) -> PyError {
    PyError("ValueError", message, at: range)
  }

  /// Parses `text` for a value of `typeName` whose default alignment is `defaultAlign`.
  static func parse(
    _ text: String, typeName: String, defaultAlign: Character, defaultType: Character? = nil,
    _ range: SourceRange?
  ) throws(PyError) -> Spec {
    var spec = Spec()
    let cs = text.pyCharacters
    var i = 0
    func at(_ chars: String) -> Bool { i < cs.count && chars.contains(cs[i]) }
    if cs.count >= 2, "<>=^".contains(cs[1]) {
      spec.fill = cs[0]
      spec.fillSpecified = true
      spec.align = cs[1]
      i = 2
    } else if let first = cs.first, "<>=^".contains(first) {
      spec.align = first
      i = 1
    }
    if at("+- ") {
      spec.sign = cs[i]
      i += 1
    }
    if at("z") {
      spec.noNegativeZero = true
      i += 1
    }
    if at("#") {
      spec.alternate = true
      i += 1
    }
    if !spec.fillSpecified && at("0") {
      spec.fill = "0"
      if spec.align == nil && defaultAlign == ">" { spec.align = "=" }
      i += 1
    }
    var width = ""
    while i < cs.count, cs[i].isASCII, cs[i].isWholeNumber {
      width.append(cs[i])
      i += 1
    }
    if !width.isEmpty {
      guard let w = Int(width), w <= 100_000 else {
        throw invalid("Too many decimal digits in format string", range)
      }
      spec.width = w
    }
    if at(",_") {
      spec.grouping = cs[i]
      i += 1
      if at(",_") { throw invalid("Cannot specify both ',' and '_'.", range) }
    }
    if at(".") {
      i += 1
      var digits = ""
      while i < cs.count, cs[i].isASCII, cs[i].isWholeNumber {
        digits.append(cs[i])
        i += 1
      }
      guard !digits.isEmpty else { throw invalid("Format specifier missing precision", range) }
      guard let p = Int(digits), p <= 1000 else { throw invalid("precision too big", range) }
      spec.precision = p
    }
    if cs.count - i > 1 {
      throw invalid("Invalid format specifier '\(text)' for object of type '\(typeName)'", range)
    }
    if i < cs.count { spec.type = cs[i] }
    if let grouping = spec.grouping {
      let allowed = grouping == "_" ? "defgEFG%boxX" : "defgEFG%"
      if let type = spec.type ?? defaultType, !allowed.contains(type) {
        throw invalid("Cannot specify '\(grouping)' with '\(type)'.", range)
      }
    }
    return spec
  }

  /// `format(value, spec)`.
  static func format(
    _ value: PyValue, _ specText: String, _ interpreter: Interpreter, _ range: SourceRange?
  ) throws(PyError) -> String {
    if specText.isEmpty { return interpreter.str(value) }
    let typeName = interpreter.typeName(of: value)
    switch value {
    case .str(let s):
      let spec = try parse(
        specText, typeName: typeName, defaultAlign: "<", defaultType: "s", range)
      guard spec.type == nil || spec.type == "s" else { throw unknown(spec.type, typeName, range) }
      if let sign = spec.sign {
        throw invalid(
          sign == " "
            ? "Space not allowed in string format specifier"
            : "Sign not allowed in string format specifier", range)
      }
      if spec.noNegativeZero {
        throw invalid("Negative zero coercion (z) not allowed in string format specifier", range)
      }
      if spec.alternate {
        throw invalid("Alternate form (#) not allowed in string format specifier", range)
      }
      if spec.align == "=" {
        throw invalid("'=' alignment not allowed in string format specifier", range)
      }
      var text = s
      if let p = spec.precision {
        text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p)))
      }
      return pad(text, spec, defaultAlign: "<")
    case .int, .bool:
      let spec = try parse(specText, typeName: typeName, defaultAlign: ">", range)
      let n = value.asIndex ?? 0
      switch spec.type {
      case nil, "d", "n", "b", "o", "x", "X", "c": return try integer(n, spec, range)
      case "e", "E", "f", "F", "g", "G", "%": return floating(Double(n), spec)
      default: throw unknown(spec.type, typeName, range)
      }
    case .float(let f):
      let spec = try parse(specText, typeName: typeName, defaultAlign: ">", range)
      switch spec.type {
      case nil, "e", "E", "f", "F", "g", "G", "%", "n": return floating(f, spec)
      default: throw unknown(spec.type, typeName, range)
      }
    default:
      throw PyError(
        "TypeError", "unsupported format string passed to \(typeName).__format__", at: range)
    }
  }

  static func unknown(_ type: Character?, _ typeName: String, _ range: SourceRange?) -> PyError {
    invalid(
      "Unknown format code '\(type.map(String.init) ?? "")' for object of type '\(typeName)'",
      range)
  }

  static func integer(_ n: Int, _ spec: Spec, _ range: SourceRange?) throws(PyError) -> String {
    if spec.precision != nil {
      throw invalid("Precision not allowed in integer format specifier", range)
    }
    if spec.noNegativeZero {
      throw invalid("Negative zero coercion (z) not allowed in integer format specifier", range)
    }
    if spec.type == "c" {
      if spec.sign != nil {
        throw invalid("Sign not allowed with integer format specifier 'c'", range)
      }
      if spec.alternate {
        throw invalid("Alternate form (#) not allowed with integer format specifier 'c'", range)
      }
      guard n >= 0, n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else {
        throw PyError("OverflowError", "%c arg not in range(0x110000)", at: range)
      }
      return pad(String(Character(scalar)), spec, defaultAlign: ">")
    }
    let radix: Int
    var prefix = ""
    switch spec.type {
    case "b": radix = 2
    case "o": radix = 8
    case "x", "X": radix = 16
    default: radix = 10
    }
    if spec.alternate && radix != 10 {
      prefix = "0" + (spec.type.map(String.init) ?? "")
    }
    var digits = String(n.magnitude, radix: radix)
    if spec.type == "X" { digits = digits.uppercased() }
    return assemble(sign(n < 0, spec), prefix, digits, "", spec, groupSize: radix == 10 ? 3 : 4)
  }

  static func sign(_ negative: Bool, _ spec: Spec) -> String {
    negative ? "-" : spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
  }

  static func floating(_ x: Double, _ spec: Spec) -> String {
    var type = spec.type
    var value = x
    var suffix = ""
    if type == "%" {
      value *= 100
      suffix = "%"
      type = "f"
    }
    var body: String
    if !value.isFinite {
      body = value.isNaN ? "nan" : "inf"
      if type == "F" || type == "E" || type == "G" { body = body.uppercased() }
    } else {
      switch type {
      case nil:
        if let p = spec.precision {
          body = general(Swift.abs(value), max(p, 1), spec.alternate)
        } else {
          body = PyRepr.float(Swift.abs(value))
        }
      case "n": body = cFormat(Swift.abs(value), "g", spec.precision ?? 6, spec.alternate)
      default:
        body = cFormat(Swift.abs(value), type ?? "f", spec.precision ?? 6, spec.alternate)
      }
    }
    var negative = value < 0 || (value == 0 && value.sign == .minus)
    if value.isNaN { negative = false }
    if negative && spec.noNegativeZero && body.allSatisfy({ "0.eE+-".contains($0) }) {
      negative = false
    }
    let digitCount = body.prefix { $0.isASCII && $0.isWholeNumber }.count
    let digits = String(body.prefix(digitCount))
    let remainder = String(body.dropFirst(digitCount)) + suffix
    return assemble(sign(negative, spec), "", digits, remainder, spec, groupSize: 3)
  }

  /// The format with no type and a precision: like `g`, but scientific from an exponent of
  /// `p - 1` on, and at least one digit after the point in fixed notation.
  static func general(_ x: Double, _ p: Int, _ alternate: Bool) -> String {
    let scientific = cFormat(x, "e", p - 1, alternate)
    let exponent = scientific.split(separator: "e").last.flatMap { Int($0) } ?? 0
    if exponent < -4 || exponent >= p - 1 {
      guard !alternate, let e = scientific.firstIndex(of: "e") else { return scientific }
      var mantissa = String(scientific[..<e])
      if mantissa.contains(".") {
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
      }
      return mantissa + scientific[e...]
    }
    var fixed = cFormat(x, "g", p, alternate)
    if !fixed.contains(".") { fixed += ".0" }
    return fixed
  }

  static func cFormat(_ x: Double, _ type: Character, _ precision: Int, _ alternate: Bool)
    -> String
  {
    String(format: "%\(alternate ? "#" : "").\(precision)\(type)", x)
  }

  /// Sign, prefix, grouped digits and the rest, padded to the width. Zero padding with `=` runs
  /// through the digit groups as CPython's `_PyUnicode_InsertThousandsGrouping` does.
  static func assemble(
    _ sign: String, _ prefix: String, _ digits: String, _ remainder: String, _ spec: Spec,
    groupSize: Int
  ) -> String {
    var grouped = digits
    let zeroPadded = spec.fill == "0" && spec.align == "="
    if let separator = spec.grouping, !digits.isEmpty {
      let minWidth =
        zeroPadded ? spec.width - sign.count - prefix.count - remainder.count : 0
      grouped = group(digits, separator, every: groupSize, minWidth: minWidth)
    }
    return number(sign + prefix, grouped + remainder, spec)
  }

  /// Digits with a separator every `n` from the right, padded with zeros (and separators) to at
  /// least `minWidth` characters.
  static func group(_ digits: String, _ separator: Character, every n: Int, minWidth: Int)
    -> String
  {
    var remaining = digits.count
    var width = minWidth
    var end = digits.endIndex
    var groups: [String] = []
    while true {
      let length = min(n, max(remaining, width, 1))
      let zeros = max(0, length - remaining)
      let chars = max(0, min(remaining, length))
      let start = digits.index(end, offsetBy: -chars)
      groups.append(String(repeating: "0", count: zeros) + digits[start..<end])
      end = start
      remaining -= chars
      width -= length
      if remaining <= 0 && width <= 0 { break }
      width -= 1
    }
    return groups.reversed().joined(separator: String(separator))
  }

  /// A number padded: `=` puts the fill between the sign (and prefix) and the digits.
  static func number(_ sign: String, _ body: String, _ spec: Spec) -> String {
    let length = sign.count + body.count
    guard spec.width > length else { return sign + body }
    if spec.align == "=" {
      return sign + String(repeating: spec.fill, count: spec.width - length) + body
    }
    return pad(sign + body, spec, defaultAlign: ">")
  }

  static func pad(_ text: String, _ spec: Spec, defaultAlign: Character) -> String {
    let length = text.unicodeScalars.count
    guard spec.width > length else { return text }
    let total = spec.width - length
    let align = spec.align == "=" ? defaultAlign : (spec.align ?? defaultAlign)
    switch align {
    case "<": return text + String(repeating: spec.fill, count: total)
    case "^":
      let left = total / 2
      return String(repeating: spec.fill, count: left) + text
        + String(repeating: spec.fill, count: total - left)
    default: return String(repeating: spec.fill, count: total) + text
    }
  }
}
