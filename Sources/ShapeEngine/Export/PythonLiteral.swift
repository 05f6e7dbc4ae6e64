import KerasJSON
import LayerCatalog

/// Python source for argument values, as a person writes them: `(3, 3)`, `"same"`, `None`,
/// `keras.layers.LSTM(8, name="lstm")`.
enum PythonLiteral {
  static func of(_ v: Value) -> String {
    switch v {
    case .int(let i): return String(i)
    case .float(let d): return float(d)
    case .string(let s): return string(s)
    case .bool(let b): return b ? "True" : "False"
    case .none: return "None"
    case .tuple(let xs):
      return xs.count == 1 ? "(\(of(xs[0])),)" : "(" + xs.map(of).joined(separator: ", ") + ")"
    case .list(let xs): return "[" + xs.map(of).joined(separator: ", ") + "]"
    case .dict(let entries):
      return "{" + entries.map { string($0.key) + ": " + of($0.value) }.joined(separator: ", ")
        + "}"
    case .layer(let l):
      return constructor(l.className, l.arguments, name: l.name)
    }
  }

  /// `keras.layers.Conv2D(32, 3, padding="same", name="conv2d")`: the arguments as written, the
  /// name added when the user did not give one.
  static func constructor(_ className: String, _ a: CallArguments, name: String) -> String {
    var parts = a.positional.map(of)
    parts += a.keywords.map { "\($0.0)=\(of($0.1))" }
    if !a.keywords.contains(where: { $0.0 == "name" }) { parts.append("name=\(string(name))") }
    return "keras.layers.\(ExportPlan.layersName(className))(" + parts.joined(separator: ", ")
      + ")"
  }

  /// A float as Python's repr writes it, so it reads back as the same float.
  static func float(_ d: Double) -> String {
    if d.isNaN { return "float(\"nan\")" }
    if d.isInfinite { return d > 0 ? "float(\"inf\")" : "-float(\"inf\")" }
    let s = d.description
    return s.contains(".") || s.contains("e") ? s : s + ".0"
  }

  /// A string in double quotes, with Python's escapes.
  static func string(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20 || u.value == 0x7F:
        let hex = String(u.value, radix: 16)
        out += "\\x" + (hex.count < 2 ? "0" : "") + hex
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "\""
  }

  /// A value from a saved config (an imported raw operation's scalar arguments).
  static func of(_ j: JSONValue) -> String {
    switch j {
    case .null: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .double(let d): return float(d)
    case .string(let s): return string(s)
    case .array(let xs): return "[" + xs.map(of).joined(separator: ", ") + "]"
    case .object(let ms):
      return "{" + ms.map { string($0.key) + ": " + of($0.value) }.joined(separator: ", ") + "}"
    }
  }

  static let keywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", "keras", "model",
  ]

  /// A valid Python identifier for a name: other characters become `_`.
  static func identifier(_ name: String) -> String {
    var s = String(
      name.unicodeScalars.map {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"))
          ? Character($0) : "_"
      })
    if s.isEmpty || s.first?.isNumber == true { s = "_" + s }
    return keywords.contains(s) ? s + "_" : s
  }
}
