/// JSON text from a `JSONValue`, as Python's `json.loads` reads it back: keys in order, ints as
/// ints, doubles printed so they round-trip (`0.1`, `1e-05`, `1.0`), strings escaped.
extension JSONValue {
  /// One line, with Python's `json.dumps` separators (`", "` and `": "`).
  public var compactText: String {
    var out = ""
    write(to: &out, indent: nil, level: 0)
    return out
  }

  /// Indented by `indent` spaces per level, one member per line, as `json.dumps(indent=2)`.
  public func prettyText(indent: Int = 2) -> String {
    var out = ""
    write(to: &out, indent: max(0, indent), level: 0)
    return out
  }

  private func write(to out: inout String, indent: Int?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += Self.number(d)
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        Self.separator(first: i == 0, indent: indent, level: level + 1, into: &out)
        item.write(to: &out, indent: indent, level: level + 1)
      }
      Self.closing(indent: indent, level: level, into: &out)
      out += "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{"
      for (i, m) in members.enumerated() {
        Self.separator(first: i == 0, indent: indent, level: level + 1, into: &out)
        Self.quote(m.key, into: &out)
        out += ": "
        m.value.write(to: &out, indent: indent, level: level + 1)
      }
      Self.closing(indent: indent, level: level, into: &out)
      out += "}"
    }
  }

  private static func separator(first: Bool, indent: Int?, level: Int, into out: inout String) {
    if !first { out += indent == nil ? ", " : "," }
    if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
  }

  private static func closing(indent: Int?, level: Int, into out: inout String) {
    if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
  }

  /// A double as Python's `repr` writes it: shortest round-trip digits, always with a `.` or an
  /// exponent so it reads back as a float; `Infinity`/`NaN` as Python's json writes them.
  static func number(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
    let s = d.description
    if s.contains(".") || s.contains("e") || s.contains("E") { return s }
    return s + ".0"
  }

  /// A string in double quotes: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`;
  /// other characters (non-ASCII included) as they are, in UTF-8.
  static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      default: out.unicodeScalars.append(u)
      }
    }
    out += "\""
  }
}
