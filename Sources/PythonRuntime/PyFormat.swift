import Foundation
import StatementLanguage

/// Python's format mini-language (`f"{x:.2f}"`, `format(x, "02d")`, `"{:>5}".format(s)`) and
/// `%`-formatting.
enum PyFormat {
  /// A parsed spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
  struct Spec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
  }

  static func invalid(_ message: String, _ range: SourceRange?) -> PyError {
    PyError("ValueError", message, at: range)
  }

  static func parse(_ text: String, _ range: SourceRange?) throws(PyError) -> Spec {
    var spec = Spec()
    let cs = Array(text)
    var i = 0
    if cs.count >= 2, "<>=^".contains(cs[1]) {
      spec.fill = cs[0]
      spec.align = cs[1]
      i = 2
    } else if let first = cs.first, "<>=^".contains(first) {
      spec.align = first
      i = 1
    }
    if i < cs.count, "+- ".contains(cs[i]) {
      spec.sign = cs[i]
      i += 1
    }
    if i < cs.count, cs[i] == "#" {
      spec.alternate = true
      i += 1
    }
    if i < cs.count, cs[i] == "0" {
      if spec.align == nil {
        spec.fill = "0"
        spec.align = "="
      }
      i += 1
    }
    var width = ""
    while i < cs.count, cs[i].isASCII, cs[i].isWholeNumber {
      width.append(cs[i])
      i += 1
    }
    if i < cs.count, cs[i] == "," || cs[i] == "_" {
      spec.grouping = cs[i]
      i += 1
    }
    if i < cs.count, cs[i] == "." {
      i += 1
      var digits = ""
      while i < cs.count, cs[i].isASCII, cs[i].isWholeNumber {
        digits.append(cs[i])
        i += 1
      }
      guard let p = Int(digits) else { throw invalid("Format specifier missing precision", range) }
      guard p <= 1000 else { throw invalid("precision too big", range) }
      spec.precision = p
    }
    if i < cs.count {
      spec.type = cs[i]
      i += 1
    }
    guard i == cs.count else { throw invalid("Invalid format specifier", range) }
    if !width.isEmpty {
      guard let w = Int(width), w <= 100_000 else {
        throw invalid("Too many decimal digits in format string", range)
      }
      spec.width = w
    }
    return spec
  }

  /// `format(value, spec)`.
  static func format(
    _ value: PyValue, _ specText: String, _ interpreter: Interpreter, _ range: SourceRange?
  ) throws(PyError) -> String {
    if specText.isEmpty { return interpreter.str(value) }
    let spec = try parse(specText, range)
    let typeName = interpreter.typeName(of: value)
    switch value {
    case .str(let s):
      guard spec.type == nil || spec.type == "s" else {
        throw unknown(spec.type, typeName, range)
      }
      var text = s
      if let p = spec.precision { text = String(s.unicodeScalars.prefix(p).map(Character.init)) }
      return pad(text, spec, defaultAlign: "<")
    case .int, .bool:
      guard let n = value.asIndex else { break }
      if case .bool(let b) = value, spec.type == nil {
        return pad(b ? "True" : "False", spec, defaultAlign: "<")
      }
      switch spec.type {
      case nil, "d", "n", "b", "o", "x", "X", "c":
        return try integer(n, spec, range)
      case "e", "E", "f", "F", "g", "G", "%":
        return floating(Double(n), spec)
      default: throw unknown(spec.type, typeName, range)
      }
    case .float(let f):
      switch spec.type {
      case nil, "e", "E", "f", "F", "g", "G", "%", "n": return floating(f, spec)
      default: throw unknown(spec.type, typeName, range)
      }
    default: break
    }
    throw PyError(
      "TypeError", "unsupported format string passed to \(typeName).__format__", at: range)
  }

  static func unknown(_ type: Character?, _ typeName: String, _ range: SourceRange?) -> PyError {
    invalid(
      "Unknown format code '\(type.map(String.init) ?? "")' for object of type '\(typeName)'", range
    )
  }

  static func integer(_ n: Int, _ spec: Spec, _ range: SourceRange?) throws(PyError) -> String {
    if spec.type == "c" {
      guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, n))) else {
        throw PyError("OverflowError", "%c arg not in range(0x110000)", at: range)
      }
      return pad(String(Character(scalar)), spec, defaultAlign: "<")
    }
    let magnitude = n.magnitude
    var digits: String
    var prefix = ""
    switch spec.type {
    case "b":
      digits = String(magnitude, radix: 2)
      prefix = spec.alternate ? "0b" : ""
    case "o":
      digits = String(magnitude, radix: 8)
      prefix = spec.alternate ? "0o" : ""
    case "x":
      digits = String(magnitude, radix: 16)
      prefix = spec.alternate ? "0x" : ""
    case "X":
      digits = String(magnitude, radix: 16).uppercased()
      prefix = spec.alternate ? "0X" : ""
    default: digits = String(magnitude)
    }
    if let g = spec.grouping {
      digits = group(digits, g, every: spec.type == nil || spec.type == "d" ? 3 : 4)
    }
    return number(sign(n < 0, spec) + prefix, digits, spec)
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
          body = cFormat(abs(value), "g", max(p, 1))
          if !body.contains(".") && !body.contains("e") { body += ".0" }
        } else {
          body = PyRepr.float(abs(value))
        }
      case "n": body = cFormat(abs(value), "g", spec.precision ?? 6)
      case "f", "F", "e", "E", "g", "G":
        body = cFormat(abs(value), type ?? "f", spec.precision ?? 6)
        if spec.alternate && !body.contains(".") { body += "." }
      default: body = PyRepr.float(abs(value))
      }
    }
    if let g = spec.grouping {
      let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      if let intPart = parts.first, intPart.allSatisfy(\.isWholeNumber) {
        body = group(String(intPart), g, every: 3) + (parts.count > 1 ? "." + parts[1] : "")
      }
    }
    let negative = value < 0 || (value == 0 && value.sign == .minus)
    return number(sign(negative && !value.isNaN, spec), body + suffix, spec)
  }

  static func cFormat(_ x: Double, _ type: Character, _ precision: Int) -> String {
    String(format: "%.\(precision)\(type)", x)
  }

  static func group(_ digits: String, _ separator: Character, every n: Int) -> String {
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % n == 0 { out.append(separator) }
      out.append(c)
    }
    return out
  }

  /// A number padded: `=` puts the fill between the sign and the digits.
  static func number(_ sign: String, _ body: String, _ spec: Spec) -> String {
    let align = spec.align ?? ">"
    let length = sign.count + body.count
    guard spec.width > length else { return sign + body }
    let fill = String(repeating: spec.fill, count: spec.width - length)
    switch align {
    case "=": return sign + fill + body
    default: return pad(sign + body, spec, defaultAlign: ">")
    }
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

  // MARK: - str.format

  /// `template.format(*args, **kwargs)`.
  static func strFormat(
    _ template: String, _ arguments: PyArguments, _ interpreter: Interpreter
  ) throws(PyError) -> String {
    let range = arguments.range
    let cs = Array(template)
    var out = ""
    var i = 0
    var auto = 0
    var usedManual = false
    var usedAuto = false
    while i < cs.count {
      let c = cs[i]
      if c == "}" {
        guard i + 1 < cs.count, cs[i + 1] == "}" else {
          throw invalid("Single '}' encountered in format string", range)
        }
        out.append("}")
        i += 2
        continue
      }
      guard c == "{" else {
        out.append(c)
        i += 1
        continue
      }
      if i + 1 < cs.count, cs[i + 1] == "{" {
        out.append("{")
        i += 2
        continue
      }
      var depth = 1
      var j = i + 1
      while j < cs.count {
        if cs[j] == "{" { depth += 1 }
        if cs[j] == "}" {
          depth -= 1
          if depth == 0 { break }
        }
        j += 1
      }
      guard j < cs.count else { throw invalid("Single '{' encountered in format string", range) }
      let field = String(cs[(i + 1)..<j])
      i = j + 1
      var name = field
      var spec = ""
      var conversion: Character?
      if let colon = field.firstIndex(of: ":") {
        name = String(field[..<colon])
        spec = String(field[field.index(after: colon)...])
      }
      if let bang = name.firstIndex(of: "!") {
        conversion = name[name.index(after: bang)...].first
        name = String(name[..<bang])
      }
      // The field name: an index or a keyword, then `.attr` and `[key]` parts.
      var headEnd = name.startIndex
      while headEnd < name.endIndex, name[headEnd] != ".", name[headEnd] != "[" {
        headEnd = name.index(after: headEnd)
      }
      let head = String(name[..<headEnd])
      var value: PyValue
      if head.isEmpty {
        guard !usedManual else {
          throw invalid(
            "cannot switch from manual field specification to automatic field numbering", range)
        }
        usedAuto = true
        guard auto < arguments.positional.count else {
          throw PyError(
            "IndexError", "Replacement index \(auto) out of range for positional args tuple",
            at: range)
        }
        value = arguments.positional[auto].value
        auto += 1
      } else if let n = Int(head) {
        guard !usedAuto else {
          throw invalid(
            "cannot switch from automatic field numbering to manual field specification", range)
        }
        usedManual = true
        guard n < arguments.positional.count else {
          throw PyError(
            "IndexError", "Replacement index \(n) out of range for positional args tuple",
            at: range)
        }
        value = arguments.positional[n].value
      } else {
        guard let v = arguments.keywords.first(where: { $0.name == head })?.value else {
          throw PyError("KeyError", PyRepr.string(head), at: range)
        }
        value = v
      }
      var rest = name[headEnd...]
      while let first = rest.first {
        if first == "." {
          rest = rest.dropFirst()
          let attr = String(rest.prefix { $0 != "." && $0 != "[" })
          rest = rest.dropFirst(attr.count)
          value = try interpreter.attribute(value, attr, range)
        } else {
          rest = rest.dropFirst()
          let key = String(rest.prefix { $0 != "]" })
          rest = rest.dropFirst(key.count + 1)
          value = try interpreter.item(value, Int(key).map(PyValue.int) ?? .str(key), range)
        }
      }
      switch conversion {
      case "r", "a": value = .str(interpreter.repr(value))
      case "s": value = .str(interpreter.str(value))
      default: break
      }
      if spec.contains("{") {
        spec = try strFormatNested(spec, arguments, interpreter, &auto)
      }
      out += try format(value, spec, interpreter, range)
    }
    return out
  }

  /// A spec with `{}` fields inside (`{:{width}}`).
  static func strFormatNested(
    _ spec: String, _ arguments: PyArguments, _ interpreter: Interpreter, _ auto: inout Int
  ) throws(PyError) -> String {
    var args = arguments
    args.positional = Array(arguments.positional.dropFirst(auto))
    let text = try strFormat(spec, args, interpreter)
    auto += spec.filter { $0 == "{" }.count
    return text
  }

  // MARK: - %-formatting

  /// `format % values`: `%s %r %d %i %f %e %g %x %%` with flags, width and precision.
  static func percent(
    _ format: String, _ values: PyValue, _ interpreter: Interpreter, _ range: SourceRange?
  ) throws(PyError) -> String {
    var args: [PyValue]
    if case .tuple(let items) = values { args = items } else { args = [values] }
    let cs = Array(format)
    var out = ""
    var i = 0
    var next = 0
    while i < cs.count {
      guard cs[i] == "%" else {
        out.append(cs[i])
        i += 1
        continue
      }
      i += 1
      var flags = ""
      while i < cs.count, "-+ #0".contains(cs[i]) {
        flags.append(cs[i])
        i += 1
      }
      var width = ""
      while i < cs.count, cs[i].isASCII, cs[i].isWholeNumber {
        width.append(cs[i])
        i += 1
      }
      var precision: String?
      if i < cs.count, cs[i] == "." {
        i += 1
        var p = ""
        while i < cs.count, cs[i].isASCII, cs[i].isWholeNumber {
          p.append(cs[i])
          i += 1
        }
        precision = p.isEmpty ? "0" : p
      }
      guard i < cs.count else { throw invalid("incomplete format", range) }
      let type = cs[i]
      i += 1
      if type == "%" {
        out.append("%")
        continue
      }
      guard next < args.count else {
        throw PyError("TypeError", "not enough arguments for format string", at: range)
      }
      let value = args[next]
      next += 1
      var spec = ""
      if flags.contains("-") {
        spec += "<"
      } else if flags.contains("0") && type != "s" && type != "r" {
        spec += "0"
      } else if !width.isEmpty {
        spec += ">"
      }
      if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
      if flags.contains("#") { spec += "#" }
      spec += width
      switch type {
      case "s", "r", "a":
        let text = type == "s" ? interpreter.str(value) : interpreter.repr(value)
        if let precision { spec += "." + precision }
        out += try PyFormat.format(.str(text), spec, interpreter, range)
      case "d", "i", "u", "x", "X", "o":
        guard let n = value.numeric else {
          throw PyError(
            "TypeError",
            "%\(type) format: a real number is required, not \(interpreter.typeName(of: value))",
            at: range)
        }
        let int: Int
        switch n {
        case .int(let v): int = v
        case .float(let f):
          guard let v = Int(exactly: f.rounded(.towardZero)) else {
            throw PyError("OverflowError", "cannot convert float to integer", at: range)
          }
          int = v
        }
        spec += type == "x" || type == "X" || type == "o" ? String(type) : "d"
        out += try PyFormat.format(.int(int), spec, interpreter, range)
      case "f", "F", "e", "E", "g", "G":
        guard let n = value.numeric else {
          throw PyError(
            "TypeError", "must be real number, not \(interpreter.typeName(of: value))", at: range)
        }
        spec += "." + (precision ?? "6") + String(type)
        out += try PyFormat.format(.float(n.double), spec, interpreter, range)
      default:
        throw invalid("unsupported format character '\(type)'", range)
      }
    }
    if next < args.count, case .tuple = values {
      throw PyError(
        "TypeError", "not all arguments converted during string formatting", at: range)
    }
    return out
  }
}
