import Foundation
import StatementLanguage

/// The methods of `str`.
extension Methods {
  // MARK: - str

  static func strMethod(
    _ s: String, _ name: String, _ qualified: String, _ arguments: PyArguments,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    let range = arguments.range
    switch name {
    case "format":
      return .str(try PyFormat.strFormat(s, arguments, interpreter))
    case "join":
      let a = try arguments.unpack(qualified, ["iterable"], required: 1)
      var parts: [String] = []
      for (i, item) in try interpreter.iterateAll(a[0] ?? .none, range).enumerated() {
        guard case .str(let p) = item else {
          throw PyError(
            "TypeError",
            "sequence item \(i): expected str instance, \(interpreter.typeName(of: item)) found",
            at: range)
        }
        parts.append(p)
      }
      let joined = parts.joined(separator: s)
      try interpreter.checkSize(joined.unicodeScalars.count)
      return .str(joined)
    case "split", "rsplit":
      let a = try arguments.unpack(
        name, ["sep", "maxsplit"], required: 0, keywords: ["sep", "maxsplit"])
      let sep = try string(a[0], "sep", interpreter)
      let maxSplit = a[1]?.asIndex ?? -1
      if sep == "" { throw PyError("ValueError", "empty separator", at: range) }
      let parts = split(s, sep, maxSplit, fromRight: name == "rsplit")
      return .list(PyList(parts.map(PyValue.str)))
    case "splitlines":
      let a = try arguments.unpack(qualified, ["keepends"], required: 0, keywords: ["keepends"])
      let keep = a[0].map { interpreter.truthy($0) } ?? false
      return .list(PyList(Self.splitLines(s, keepEnds: keep).map(PyValue.str)))
    case "strip", "lstrip", "rstrip":
      let a = try arguments.unpack(qualified, ["chars"], required: 0)
      let chars = try string(a[0], "strip arg", interpreter)
      let set = chars.map { Set($0.unicodeScalars) }
      func drop(_ c: Unicode.Scalar) -> Bool {
        set?.contains(c) ?? c.properties.isWhitespace
      }
      var scalars = Array(s.unicodeScalars)[...]
      if name != "rstrip" { while let f = scalars.first, drop(f) { scalars = scalars.dropFirst() } }
      if name != "lstrip" { while let l = scalars.last, drop(l) { scalars = scalars.dropLast() } }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return .str(String(view))
    case "partition", "rpartition":
      let a = try arguments.unpack(qualified, ["sep"], required: 1)
      guard case .str(let sep) = a[0] ?? .none else {
        throw PyError(
          "TypeError", "must be str, not \(interpreter.typeName(of: a[0] ?? .none))", at: range)
      }
      if sep.isEmpty { throw PyError("ValueError", "empty separator", at: range) }
      let search = PyStringSearch(s, sep)
      let found =
        name == "partition" ? search.first() : search.last(endingBy: search.hay.count)
      guard let found else {
        return name == "partition"
          ? .tuple([.str(s), .str(""), .str("")])
          : .tuple([.str(""), .str(""), .str(s)])
      }
      return .tuple([
        .str(search.text(0, found)), .str(sep),
        .str(search.text(found + search.needle.count, search.hay.count)),
      ])
    case "removeprefix", "removesuffix":
      let a = try arguments.unpack(qualified, ["affix"], required: 1)
      guard case .str(let affix) = a[0] ?? .none else {
        throw PyError(
          "TypeError",
          "\(name)() argument must be str, not \(interpreter.typeName(of: a[0] ?? .none))",
          at: range)
      }
      let scalars = Array(s.unicodeScalars)
      let affixScalars = Array(affix.unicodeScalars)
      if name == "removeprefix", scalars.starts(with: affixScalars) {
        return .str(String(String.UnicodeScalarView(scalars.dropFirst(affixScalars.count))))
      }
      if name == "removesuffix", !affixScalars.isEmpty,
        scalars.reversed().starts(with: affixScalars.reversed())
      {
        return .str(String(String.UnicodeScalarView(scalars.dropLast(affixScalars.count))))
      }
      return .str(s)
    case "isalnum":
      return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber })
    case "isspace":
      return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(\.properties.isWhitespace))
    case "isnumeric":
      return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
    case "isdecimal":
      return .bool(
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal })
    case "casefold": return .str(s.lowercased())
    case "swapcase":
      return .str(
        String(s.map { c in c.isUppercase ? Character(c.lowercased()) : Character(c.uppercased()) })
      )
    case "upper": return .str(s.uppercased())
    case "lower": return .str(s.lowercased())
    case "title":
      var out = ""
      var previousCased = false
      for c in s {
        out += previousCased ? c.lowercased() : c.uppercased()
        previousCased = c.isLetter
      }
      return .str(out)
    case "capitalize":
      return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased())
    case "startswith", "endswith":
      let a = try arguments.unpack(qualified, ["prefix"], required: 1)
      let options: [PyValue]
      if case .tuple(let items) = a[0] { options = items } else { options = [a[0] ?? .none] }
      for option in options {
        guard case .str(let p) = option else {
          throw PyError(
            "TypeError",
            "\(name) first arg must be str or a tuple of str, not "
              + interpreter.typeName(of: option), at: range)
        }
        if name == "startswith"
          ? s.unicodeScalars.starts(with: p.unicodeScalars)
          : s.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed())
        {
          return .bool(true)
        }
      }
      return .bool(false)
    case "replace":
      let a = try arguments.unpack(qualified, ["old", "new", "count"], required: 2)
      guard case .str(let old) = a[0] ?? .none, case .str(let new) = a[1] ?? .none else {
        throw PyError("TypeError", "replace() arguments must be str", at: range)
      }
      let count = a[2]?.asIndex ?? -1
      let result = PyStringSearch(s, old).replace(with: new, count: count)
      try interpreter.checkSize(result.unicodeScalars.count)
      return .str(result)
    case "find", "index", "count":
      let a = try arguments.unpack(qualified, ["sub", "start", "end"], required: 1)
      guard case .str(let sub) = a[0] ?? .none else {
        throw PyError(
          "TypeError", "must be str, not \(interpreter.typeName(of: a[0] ?? .none))",
          at: range)
      }
      let search = PyStringSearch(s, sub)
      let length = search.hay.count
      // `start` and `end` as a slice's bounds: negative from the end, clamped, None absent.
      func bound(_ v: PyValue?, _ absent: Int) throws(PyError) -> Int {
        guard let v, !v.isNone else { return absent }
        guard let i = v.asIndex else {
          throw PyError(
            "TypeError",
            "slice indices must be integers or None or have an __index__ method", at: range)
        }
        let j = i < 0 ? i &+ length : i
        return Swift.min(Swift.max(j, 0), length)
      }
      let from = try bound(a[1], 0)
      let to = try bound(a[2], length)
      // A start past the end finds nothing, not even "" (CPython).
      let startPast = (a[1]?.asIndex).map { $0 > length } ?? false
      let searched = !startPast && from <= to
      if name == "count" { return .int(searched ? search.count(from: from, to: to) : 0) }
      let found = (searched ? search.first(from: from, to: to) : nil) ?? -1
      if found < 0 && name == "index" {
        throw PyError("ValueError", "substring not found", at: range)
      }
      return .int(found)
    case "isdigit":
      return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
    case "isalpha": return .bool(!s.isEmpty && s.allSatisfy(\.isLetter))
    case "islower": return .bool(s.contains(where: \.isLetter) && s == s.lowercased())
    case "isupper": return .bool(s.contains(where: \.isLetter) && s == s.uppercased())
    case "zfill", "ljust", "rjust", "center":
      let a = try arguments.unpack(qualified, ["width", "fillchar"], required: 1)
      guard let width = a[0]?.asIndex else {
        throw PyError("TypeError", "integer argument expected", at: range)
      }
      try interpreter.checkSize(width)
      var fill: Character = name == "zfill" ? "0" : " "
      if case .str(let f) = a[1] ?? .none, f.count == 1, let c = f.first { fill = c }
      var spec = PyFormat.Spec()
      spec.fill = fill
      spec.width = width
      if name == "zfill", let first = s.first, first == "-" || first == "+" {
        spec.align = "="
        return .str(PyFormat.number(String(first), String(s.dropFirst()), spec))
      }
      spec.align = name == "ljust" ? "<" : name == "center" ? "^" : ">"
      return .str(PyFormat.pad(s, spec, defaultAlign: "<"))
    default:
      throw PyError("AttributeError", "'str' object has no attribute '\(name)'", at: range)
    }
  }

  /// Python's `str.split`: on whitespace runs when `sep` is nil.
  static func split(_ s: String, _ sep: String?, _ maxSplit: Int, fromRight: Bool) -> [String] {
    if let sep { return PyStringSearch(s, sep).split(maxSplit, fromRight: fromRight) }
    return PyStringSearch.splitWhitespace(s, maxSplit, fromRight: fromRight)
  }
}

extension Methods {
  /// `str.splitlines`: the lines of `s`, split where Python's line boundaries are (`\n`, `\r`,
  /// `\r\n`, `\v`, `\f`, `\x1c`-`\x1e`, `\x85`, U+2028, U+2029), code point by code point;
  /// none for an empty text, and no empty last line after a final boundary.
  static func splitLines(_ s: String, keepEnds: Bool) -> [String] {
    var lines: [String] = []
    var line = String.UnicodeScalarView()
    var afterCR = false
    func end(with boundary: Unicode.Scalar?) {
      if keepEnds, let boundary { line.append(boundary) }
      lines.append(String(line))
      line = String.UnicodeScalarView()
    }
    for scalar in s.unicodeScalars {
      // A "\r" ends its line at the next code point, which may be the "\n" of "\r\n".
      if afterCR {
        afterCR = false
        if scalar == "\n" {
          end(with: scalar)
          continue
        }
        end(with: nil)
      }
      switch scalar.value {
      case 0x0D:
        if keepEnds { line.append(scalar) }
        afterCR = true
      case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: end(with: scalar)
      default: line.append(scalar)
      }
    }
    if afterCR || !line.isEmpty { end(with: nil) }
    return lines
  }
}
