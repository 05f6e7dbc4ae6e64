/// String literals: quotes, triple quotes, escapes, raw strings, and f-strings' fields.
extension PyLexer {
  /// STRING := prefix? (QUOTE char* QUOTE | QUOTE3 char* QUOTE3)     prefix := r | f | b | u | rf
  mutating func scanString(prefix: String, start: Int) throws(PySyntaxError) {
    if prefix.contains("b") {
      throw PySyntaxError(
        "bytes literals are not supported", at: range(start, position + 1))
    }
    let raw = prefix.contains("r")
    let isF = prefix.contains("f")
    guard let quote = peek() else { return }
    let triple = peek(1) == quote && peek(2) == quote
    let quoteLength = triple ? 3 : 1
    position += quoteLength
    let bodyStart = position
    while true {
      guard let char = peek() else {
        if triple { endedInString = quote }
        throw unterminated(triple: triple, start: start)
      }
      if char == "\\" {
        position += peek(1) == nil ? 1 : 2
        continue
      }
      if char.isPyNewline && !triple {
        throw unterminated(triple: triple, start: start)
      }
      if char == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
        break
      }
      position += 1
    }
    let body = Array(chars[bodyStart..<position])
    position += quoteLength
    let piece: PyStringPiece
    if isF {
      var scanner = FStringScanner(
        chars: body, offset: base + bodyStart, raw: raw)
      let parts = try scanner.parts(inSpec: false)
      piece = PyStringPiece(isFString: true, value: "", parts: parts)
    } else {
      piece = PyStringPiece(
        isFString: false, value: raw ? String(body) : try Self.unescape(body, at: base + bodyStart),
        parts: [])
    }
    emit(.string(piece), start, position)
  }

  func unterminated(triple: Bool, start: Int) -> PySyntaxError {
    var end = min(position, chars.count)
    if end == chars.count {
      while end > 0 && chars[end - 1].isPyNewline { end -= 1 }
    }
    let detected = line(of: end)
    return PySyntaxError(
      triple
        ? "unterminated triple-quoted string literal (detected at line \(detected))"
        : "unterminated string literal (detected at line \(detected))",
      at: range(start, start + 1))
  }

  /// A string body with Python's escapes resolved; an unknown escape keeps its backslash. An
  /// escape Python refuses (`"C:\\Users"`: a truncated `\\U`; `"\\N{NOPE}"`) throws, placed
  /// at `offset` + its index in `body`.
  static func unescape(_ body: [Character], at offset: Int) throws(PySyntaxError) -> String {
    do {
      return try unescape(body)
    } catch {
      // CPython decodes a copy where a non-ASCII character is written `\UXXXXXXXX` (and a
      // backslash before one `\u005c`): its positions count those bytes.
      func position(_ index: Int) -> Int {
        var p = 0
        for k in 0..<min(index, body.count) {
          if !body[k].isASCII {
            p += 10
          } else if body[k] == "\\", k + 1 == body.count || !body[k + 1].isASCII {
            p += 6
          } else {
            p += 1
          }
        }
        return p
      }
      throw PySyntaxError(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
          + "\(position(error.from))-\(position(error.to) - 1): \(error.message)",
        at: SourceRange(offset + error.from, offset + max(error.to, error.from + 1)),
        hint: !error.isBackslashSlip
          ? nil
          : "a backslash starts an escape in a Python string (a Windows path's \\U or \\N): "
            + "write it \\\\, or make the string raw: r\"...\"")
    }
  }

  /// An escape Python refuses: its message and where it is in the body (`to` past its end).
  struct EscapeError: Error {
    let message: String
    let from: Int
    let to: Int
    /// Whether the backslash was likely not meant as an escape (a Windows path's `\U`): every
    /// refusal but an unknown `\N{NAME}`, whose writer meant the escape.
    var isBackslashSlip = true
  }

  static func unescape(_ body: [Character]) throws(EscapeError) -> String {
    var out = ""
    var i = 0
    /// The hex digits after `\\x`, `\\u` or `\\U` at `i`, read as CPython reads them.
    func hex(_ count: Int, _ message: String) throws(EscapeError) -> Character {
      var value: UInt32 = 0
      var j = i + 2
      while j < i + 2 + count {
        guard j < body.count, let d = body[j].hexDigitValue, body[j].isASCII else {
          throw EscapeError(message: message, from: i, to: j)
        }
        value = value &* 16 &+ UInt32(d)
        j += 1
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw EscapeError(message: "illegal Unicode character", from: i, to: j)
      }
      return Character(scalar)
    }
    while i < body.count {
      let c = body[i]
      guard c == "\\", i + 1 < body.count else {
        out.append(c)
        i += 1
        continue
      }
      let e = body[i + 1]
      switch e {
      case "n": out.append("\n")
      case "t": out.append("\t")
      case "r": out.append("\r")
      case "a": out.append("\u{07}")
      case "b": out.append("\u{08}")
      case "f": out.append("\u{0C}")
      case "v": out.append("\u{0B}")
      case "\\", "'", "\"": out.append(e)
      case "x", "u", "U":
        let count = e == "x" ? 2 : e == "u" ? 4 : 8
        let name = e == "x" ? "xXX" : e == "u" ? "uXXXX" : "UXXXXXXXX"
        out.append(try hex(count, "truncated \\\(name) escape"))
        i += 2 + count
        continue
      case "N":
        let (char, end) = try named(body, at: i)
        out.append(char)
        i = end
        continue
      case "0"..."7":
        var value: UInt32 = 0
        var j = i + 1
        while j < body.count, j < i + 4, let d = body[j].wholeNumberValue, d < 8 {
          value = value * 8 + UInt32(d)
          j += 1
        }
        out.append(Character(Unicode.Scalar(value) ?? "?"))
        i = j
        continue
      default:
        if e.isPyNewline {
          break  // a backslash-newline continues the string without a line break
        }
        out.append("\\")
        out.append(e)
      }
      i += 2
    }
    return out
  }

  /// `\\N{NAME}` at `i`: the character and the index past the closing brace.
  static func named(_ body: [Character], at i: Int) throws(EscapeError) -> (Character, Int) {
    let malformed = "malformed \\N character escape"
    guard i + 2 < body.count, body[i + 2] == "{" else {
      throw EscapeError(message: malformed, from: i, to: min(i + 2, body.count))
    }
    var j = i + 3
    while j < body.count, body[j] != "}" { j += 1 }
    // No closing brace, or no name between the braces.
    guard j < body.count, j > i + 3 else {
      throw EscapeError(message: malformed, from: i, to: j)
    }
    guard let scalar = UnicodeNames.scalar(named: String(body[(i + 3)..<j])) else {
      throw EscapeError(
        message: "unknown Unicode character name", from: i, to: j + 1, isBackslashSlip: false)
    }
    return (Character(scalar), j + 1)
  }
}

/// Splits an f-string's body into literal text and `{expression!conversion:spec}` fields.
struct FStringScanner {
  let chars: [Character]
  /// Program offset of `chars[0]`.
  let offset: Int
  let raw: Bool
  var i = 0

  init(chars: [Character], offset: Int, raw: Bool) {
    self.chars = chars
    self.offset = offset
    self.raw = raw
  }

  func error(_ message: String, _ at: Int, _ end: Int? = nil) -> PySyntaxError {
    PySyntaxError(
      "f-string: \(message)", at: SourceRange(offset + at, offset + (end ?? at + 1)))
  }

  /// The parts up to the end of the body, or (in a format spec) up to the closing `}`.
  mutating func parts(inSpec: Bool) throws(PySyntaxError) -> [PyRawFPart] {
    var parts: [PyRawFPart] = []
    var literal: [Character] = []
    // Where the literal's first character is: an escape's error is placed from there. The
    // literal ends, as in CPython, before a field and after the first of doubled braces.
    var literalStart = i
    func flush(restartingAt next: Int) throws(PySyntaxError) {
      if !literal.isEmpty {
        parts.append(
          .text(raw ? String(literal) : try PyLexer.unescape(literal, at: offset + literalStart)))
        literal = []
      }
      literalStart = next
    }
    while i < chars.count {
      let c = chars[i]
      // A backslash before a brace escapes nothing: the brace opens a field or is doubled, as
      // in Python (`f"\\{x}"` is a backslash and x).
      if c == "\\" && !raw && i + 1 < chars.count && chars[i + 1] != "{" && chars[i + 1] != "}" {
        literal.append(c)
        literal.append(chars[i + 1])
        i += 2
        if chars[i - 1] == "N", i < chars.count, chars[i] == "{" {
          while i < chars.count, chars[i] != "}" {
            literal.append(chars[i])
            i += 1
          }
          // The name's closing brace is the escape's, not a field's.
          if i < chars.count {
            literal.append(chars[i])
            i += 1
          }
        }
        continue
      }
      if c == "{" {
        if !inSpec, i + 1 < chars.count, chars[i + 1] == "{" {
          literal.append("{")
          i += 2
          try flush(restartingAt: i)
          continue
        }
        try flush(restartingAt: i)
        parts.append(try field())
        literalStart = i
        continue
      }
      if c == "}" {
        if inSpec { break }
        if i + 1 < chars.count, chars[i + 1] == "}" {
          literal.append("}")
          i += 2
          try flush(restartingAt: i)
          continue
        }
        throw error("single '}' is not allowed", i)
      }
      literal.append(c)
      i += 1
    }
    try flush(restartingAt: i)
    return parts
  }

  /// field := '{' expression '='? ('!' conversion)? (':' spec)? '}'
  mutating func field() throws(PySyntaxError) -> PyRawFPart {
    let open = i
    i += 1
    let exprStart = i
    var depth = 0
    var quote: Character?
    while i < chars.count {
      let c = chars[i]
      if let q = quote {
        if c == q { quote = nil }
        i += 1
        continue
      }
      if c == "\\" { throw error("expression part cannot include a backslash", i) }
      if c == "'" || c == "\"" {
        quote = c
      } else if "([{".contains(c) {
        depth += 1
      } else if ")]".contains(c) || (c == "}" && depth > 0) {
        depth -= 1
      } else if depth == 0 {
        if c == "}" || c == ":" { break }
        if c == "!", i + 1 < chars.count, chars[i + 1] != "=" { break }
        if c == "#" { throw error("expression part cannot include '#'", i) }
      }
      i += 1
    }
    guard i < chars.count else {
      throw error("expecting '}'", open)
    }
    var exprEnd = i
    var selfDoc: String?
    let text = String(chars[exprStart..<exprEnd])
    let trimmed = text.trimmingTrailingSpaces()
    if trimmed.hasSuffix("="), !["==", "!=", "<=", ">="].contains(where: trimmed.hasSuffix) {
      selfDoc = text
      exprEnd = exprStart + trimmed.pyCharacters.count - 1
    }
    let source = String(chars[exprStart..<exprEnd])
    if source.allSatisfy(\.isWhitespace) {
      throw error("empty expression not allowed", open, i + 1)
    }
    var conversion: Character?
    if chars[i] == "!" {
      guard i + 1 < chars.count, "rsa".contains(chars[i + 1]) else {
        throw error("invalid conversion character: expected 's', 'r', or 'a'", i + 1)
      }
      conversion = chars[i + 1]
      i += 2
    }
    var spec: [PyRawFPart]?
    if i < chars.count, chars[i] == ":" {
      i += 1
      spec = try parts(inSpec: true)
    }
    guard i < chars.count, chars[i] == "}" else {
      throw error("expecting '}'", open)
    }
    i += 1
    if selfDoc != nil && conversion == nil && spec == nil { conversion = "r" }
    return .field(
      source: source, offset: offset + exprStart, conversion: conversion, spec: spec,
      selfDocumenting: selfDoc, range: SourceRange(offset + open, offset + i))
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = self
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return s
  }
}
