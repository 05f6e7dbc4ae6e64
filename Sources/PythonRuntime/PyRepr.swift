/// `repr` as Python writes it: strings quoted, floats shortest round-trip, containers nested.
public enum PyRepr {

  /// `repr(value)`; a container that holds itself shows `[...]`.
  public static func repr(_ value: PyValue, _ interpreter: Interpreter? = nil) -> String {
    var seen: Set<ObjectIdentifier> = []
    return repr(value, &seen, 0)
  }

  /// Deeper containers are shown as `...` (Python raises RecursionError there).
  static let maxDepth = 500

  static func repr(_ value: PyValue, _ seen: inout Set<ObjectIdentifier>, _ depth: Int) -> String {
    if depth > maxDepth { return "..." }
    switch value {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let f): return float(f)
    case .str(let s): return string(s)
    case .tuple(let items):
      if items.count == 1 { return "(" + repr(items[0], &seen, depth + 1) + ",)" }
      return "(" + items.map { repr($0, &seen, depth + 1) }.joined(separator: ", ") + ")"
    case .list(let list):
      let id = ObjectIdentifier(list)
      guard seen.insert(id).inserted else { return "[...]" }
      defer { seen.remove(id) }
      return "[" + list.items.map { repr($0, &seen, depth + 1) }.joined(separator: ", ") + "]"
    case .dict(let dict):
      let id = ObjectIdentifier(dict)
      guard seen.insert(id).inserted else { return "{...}" }
      defer { seen.remove(id) }
      return "{"
        + dict.entries.map {
          repr($0.key, &seen, depth + 1) + ": " + repr($0.value, &seen, depth + 1)
        }.joined(
          separator: ", ") + "}"
    case .object(let o): return o.repr
    }
  }

  /// A string as Python's repr quotes it: single quotes unless the text has `'` and no `"`.
  public static func string(_ s: String) -> String {
    // By byte: a quote followed by a combining mark is one `Character`, and no quote.
    let quote: Character = s.utf8.contains(0x27) && !s.utf8.contains(0x22) ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == quote {
          out += "\\" + String(quote)
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\x" + hex(scalar.value, 2)
        } else if scalar.value >= 0x80 && !scalar.isPyPrintable {
          let v = scalar.value
          out += v <= 0xFF ? "\\x" + hex(v, 2) : v <= 0xFFFF ? "\\u" + hex(v, 4) : "\\U" + hex(v, 8)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append(quote)
    return out
  }

  static func hex(_ v: UInt32, _ width: Int) -> String {
    let digits = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// `repr(float)`: the shortest digits that round-trip (Swift finds them), laid out as Python
  /// does: positional when the exponent is in -4..<16, else `1e-05`, `1e+16`.
  public static func float(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    let (digits, point) = shortestDigits(abs(x))
    let sign = x < 0 ? "-" : ""
    if point > -4 && point <= 16 {
      if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
      if point >= digits.count {
        return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
      }
      let cut = digits.index(digits.startIndex, offsetBy: point)
      return sign + digits[..<cut] + "." + digits[cut...]
    }
    let exponent = point - 1
    let mantissa =
      digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
    let e = abs(exponent)
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
  }

  /// The shortest round-trip digits of a positive finite double (no leading or trailing zeros)
  /// and the position of the decimal point: value = 0.DIGITS x 10^point.
  static func shortestDigits(_ x: Double) -> (String, Int) {
    var text = x.description
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = parts.first.map(String.init) ?? ""
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = integer + fraction
    var point = integer.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    if digits.isEmpty { return ("0", 1) }
    return (digits, point)
  }
}
