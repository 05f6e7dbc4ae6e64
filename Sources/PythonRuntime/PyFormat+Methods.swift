import StatementLanguage

/// `str.format` and `%`-formatting, on top of the format mini-language.
extension PyFormat {
  // MARK: - str.format

  /// `template.format(*args, **kwargs)`.
  static func strFormat(
    _ template: String, _ arguments: PyArguments, _ interpreter: Interpreter
  ) throws(PyError) -> String {
    let range = arguments.range
    // By code point: a brace is never joined to the mark after it.
    let cs = template.pyCharacters
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
      // The field's parts, found by code point (a mark after `:` is the spec's fill).
      var field = cs[(i + 1)..<j]
      i = j + 1
      var spec = ""
      var conversion: Character?
      if let colon = field.firstIndex(of: ":") {
        spec = String(field[(colon + 1)...])
        field = field[..<colon]
      }
      if let bang = field.firstIndex(of: "!") {
        conversion = field[(bang + 1)...].first
        field = field[..<bang]
      }
      var name = String(field)
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
          throw PyError.keyError(.str(head), PyRepr.string(head), at: range)
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
    let cs = format.pyCharacters
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
      let numeric = !"sra".contains(type)
      if numeric {
        if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
        if flags.contains("#") { spec += "#" }
      }
      spec += width
      switch type {
      case "s", "r", "a":
        let text = type == "s" ? interpreter.str(value) : interpreter.repr(value)
        if let precision { spec += "." + precision }
        out += try PyFormat.format(.str(text), spec, interpreter, range)
      case "d", "i", "u", "x", "X", "o":
        let integral = "xXo".contains(type)
        let int: Int
        switch value.numeric {
        case .int(let v)?: int = v
        case .float(let f)? where !integral:
          guard f.isFinite else {
            throw PyError(
              f.isNaN ? "ValueError" : "OverflowError",
              f.isNaN
                ? "cannot convert float NaN to integer"
                : "cannot convert float infinity to integer",
              at: range)
          }
          guard let v = Int(exactly: f.rounded(.towardZero)) else {
            throw PyArithmetic.overflow(range)
          }
          int = v
        default:
          throw PyError(
            "TypeError",
            "%\(type) format: \(integral ? "an integer" : "a real number") is required, not "
              + interpreter.typeName(of: value), at: range)
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
    var isMapping = false
    switch values {
    case .list, .dict: isMapping = true
    default: break
    }
    if next < args.count && !isMapping {
      throw PyError(
        "TypeError", "not all arguments converted during string formatting", at: range)
    }
    return out
  }
}
