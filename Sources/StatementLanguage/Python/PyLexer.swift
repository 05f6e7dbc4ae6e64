/// Python's scanner: turns a program's text into tokens, indentation into INDENT/DEDENT, and
/// joins lines inside brackets and after a trailing backslash, so the parser never sees layout.
///
/// Offsets count `pyCharacters` (code points) from the start of the program (plus `base` for an f-string's
/// embedded expression, scanned on its own).
struct PyLexer {
  let chars: [Character]
  let base: Int
  var position = 0
  var tokens: [PyToken] = []
  /// Open brackets, innermost last, with where they stand.
  var brackets: [(char: Character, offset: Int)] = []
  /// Indentation widths of the open blocks; the module's 0 first.
  var indents: [Int] = [0]
  /// The same widths with a tab counted as one column.
  var altIndents: [Int] = [0]
  /// An embedded expression (an f-string field) is scanned as if inside brackets.
  let embedded: Bool
  /// The number of the text's first line, for messages ("detected at line N").
  var firstLine = 1
  /// Set when the whole text was scanned without error but for brackets left open (`run`
  /// then throws "'(' was never closed"): `brackets` are then the text's open brackets.
  var endedInBrackets = false
  /// Set when the text ended inside a triple-quoted string (`run` then throws "unterminated
  /// triple-quoted string literal"): its quote character.
  var endedInString: Character? = nil
  /// Set when the text's last character is a backslash, the first error (`run` then throws
  /// "unexpected character after line continuation character").
  var endedInContinuation = false

  static let maxIndentLevels = 100
  static let maxBrackets = 200

  init(_ chars: [Character], base: Int = 0, embedded: Bool = false) {
    self.chars = chars
    self.base = base
    self.embedded = embedded
  }

  /// All tokens of `text`, ending with NEWLINE (when the text has a statement), DEDENTs and END.
  static func tokenize(_ text: String, firstLine: Int = 1) throws(PySyntaxError) -> [PyToken] {
    // Line numbers are only for messages, which the byte scanner leaves to the lexer.
    if let tokens = PyByteScanner.tokens(text) { return tokens }
    var lexer = PyLexer(text.pyCharacters)
    lexer.firstLine = firstLine
    try lexer.run()
    return lexer.tokens
  }

  /// The tokens of an f-string field's expression, `offset` being where its text starts.
  static func tokenizeEmbedded(_ text: String, offset: Int) throws(PySyntaxError) -> [PyToken] {
    var lexer = PyLexer(text.pyCharacters, base: offset, embedded: true)
    try lexer.run()
    return lexer.tokens
  }

  func peek(_ ahead: Int = 0) -> Character? {
    position + ahead < chars.count ? chars[position + ahead] : nil
  }

  func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(base + start, base + end) }

  /// The 1-based line of a local offset, for "(detected at line N)".
  func line(of offset: Int) -> Int {
    var line = firstLine
    for char in chars[0..<min(offset, chars.count)] where char.isPyNewline { line += 1 }
    return line
  }

  mutating func emit(_ kind: PyToken.Kind, _ start: Int, _ end: Int) {
    tokens.append(PyToken(kind: kind, range: range(start, end)))
  }

  mutating func run() throws(PySyntaxError) {
    var atLineStart = !embedded
    while true {
      if atLineStart && brackets.isEmpty {
        // A blank or comment line leaves the next line at a line start too.
        guard try scanIndentation() else { continue }
        atLineStart = false
      }
      while let char = peek(), char == " " || char == "\t" || char == "\u{0C}" { position += 1 }
      guard let char = peek() else { break }
      let start = position
      if char == "#" {
        while let c = peek(), !c.isPyNewline { position += 1 }
      } else if char.isPyNewline {
        position += 1
        if brackets.isEmpty && !embedded {
          emit(.newline, start, position)
          atLineStart = true
        }
      } else if char == "\\" {
        guard let next = peek(1), next.isPyNewline else {
          endedInContinuation = peek(1) == nil
          throw PySyntaxError(
            "unexpected character after line continuation character", at: range(start, start + 1))
        }
        position += 2
      } else if char.startsPyName {
        try scanNameOrPrefixedString()
      } else if char.isASCIIDigit || (char == "." && peek(1)?.isASCIIDigit == true) {
        try scanNumber()
      } else if char == "'" || char == "\"" {
        try scanString(prefix: "", start: start)
      } else {
        try scanOperator()
      }
    }
    if let open = brackets.last {
      endedInBrackets = true
      throw PySyntaxError(
        "'\(open.char)' was never closed", at: range(open.offset, open.offset + 1))
    }
    let end = chars.count
    if let last = tokens.last, last.kind != .newline, !embedded {
      emit(.newline, end, end)
    }
    while indents.count > 1 {
      indents.removeLast()
      altIndents.removeLast()
      emit(.dedent, end, end)
    }
    emit(.end, end, end)
  }

  /// Measures a line's indentation and emits INDENT or DEDENTs; false for a blank or comment line
  /// (which has no say in indentation).
  mutating func scanIndentation() throws(PySyntaxError) -> Bool {
    let lineStart = position
    // Python measures with tabs to multiples of 8 and, to catch a mix it cannot order, with
    // tabs as 1 (`altWidth`).
    var width = 0
    var altWidth = 0
    while let char = peek() {
      if char == " " {
        width += 1
        altWidth += 1
      } else if char == "\t" {
        width = (width / 8 + 1) * 8
        altWidth += 1
      } else if char == "\u{0C}" {
        width = 0
        altWidth = 0
      } else {
        break
      }
      position += 1
    }
    guard let char = peek() else { return true }
    if char == "#" {
      while let c = peek(), !c.isPyNewline { position += 1 }
    }
    if let c = peek(), c.isPyNewline {
      position += 1
      return false
    }
    if peek() == nil { return true }
    if char == "\\", let next = peek(1), next.isPyNewline,
      tokens.isEmpty || tokens.last?.kind == .newline
    {
      // A backslash alone at the start of a logical line: Python joins it too.
      return true
    }
    let tabError = PySyntaxError(
      "TabError", "inconsistent use of tabs and spaces in indentation",
      at: range(position, position + 1))
    let current = indents.last ?? 0
    let altCurrent = altIndents.last ?? 0
    if width == current {
      if altWidth != altCurrent { throw tabError }
    } else if width > current {
      if altWidth <= altCurrent { throw tabError }
      guard indents.count <= Self.maxIndentLevels else {
        throw PySyntaxError(
          "IndentationError", "too many levels of indentation", at: range(position, position + 1))
      }
      indents.append(width)
      altIndents.append(altWidth)
      emit(.indent, lineStart, position)
    } else {
      while let last = indents.last, last > width {
        indents.removeLast()
        altIndents.removeLast()
        emit(.dedent, position, position)
      }
      if indents.last != width {
        throw PySyntaxError(
          "IndentationError", "unindent does not match any outer indentation level",
          at: range(position, position + 1))
      }
      if altIndents.last != altWidth { throw tabError }
    }
    return true
  }

  mutating func scanNameOrPrefixedString() throws(PySyntaxError) {
    let start = position
    while let char = peek(), char.continuesPyName { position += 1 }
    let name = String(pyName: chars[start..<position])
    if let quote = peek(), quote == "'" || quote == "\"", name.count <= 2,
      Set(name.lowercased()).isSubset(of: ["r", "b", "f", "u"])
    {
      try scanString(prefix: name.lowercased(), start: start)
      return
    }
    emit(.name(name), start, position)
  }

  /// NUMBER := decimal | '0x' hex | '0o' octal | '0b' binary | float
  /// float := digits '.' digits? exponent? | '.' digits exponent? | digits exponent
  mutating func scanNumber() throws(PySyntaxError) {
    let start = position
    var kind: PyToken.Kind
    if peek() == "0", let x = peek(1), "xXoObB".contains(x) {
      let radix = "xX".contains(x) ? 16 : "oO".contains(x) ? 8 : 2
      let name = Self.radixName(radix)
      func isDigit(_ c: Character?) -> Bool { c?.hexDigitValue.map { $0 < radix } == true }
      // CPython's tokenizer: groups of digits joined by single `_`; a decimal digit the radix
      // lacks is named.
      position += 2
      let digitsStart = position
      repeat {
        if peek() == "_" { position += 1 }
        guard isDigit(peek()) else {
          if radix != 16, let c = peek(), c.isASCIIDigit {
            throw PySyntaxError(
              "invalid digit '\(c)' in \(name) literal", at: range(start, position + 1))
          }
          throw PySyntaxError("invalid \(name) literal", at: range(start, position))
        }
        while isDigit(peek()) { position += 1 }
      } while peek() == "_"
      if radix != 16, let c = peek(), c.isASCIIDigit {
        throw PySyntaxError(
          "invalid digit '\(c)' in \(name) literal", at: range(start, position + 1))
      }
      try endOfNumber(name, start)
      kind = .int(String(scanned: chars[digitsStart..<position]).filter { $0 != "_" }, radix: radix)
      emit(kind, start, position)
      return
    } else {
      var isFloat = false
      skipDigits()
      if peek() == "." {
        isFloat = true
        position += 1
        skipDigits()
      }
      if let e = peek(), e == "e" || e == "E" {
        let sign = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
        if let d = peek(1 + sign), d.isASCIIDigit {
          isFloat = true
          position += 1 + sign
          skipDigits()
        }
      }
      let text = String(scanned: chars[start..<position])
      let digits = text.utf8.contains(0x5F) ? text.filter { $0 != "_" } : text
      guard wellSeparated(text) else {
        throw PySyntaxError("invalid decimal literal", at: range(start, position))
      }
      if isFloat {
        var normal = digits.replacingDotBeforeNonDigit()
        if normal.hasPrefix(".") { normal = "0" + normal }
        guard let value = Double(normal) else {
          throw PySyntaxError("invalid decimal literal", at: range(start, position))
        }
        kind = .float(value)
      } else {
        if digits.count > 1, digits.hasPrefix("0"), digits.contains(where: { $0 != "0" }) {
          throw PySyntaxError(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
              + "octal integers", at: range(start, position))
        }
        kind = .int(digits, radix: 10)
      }
    }
    if let c = peek(), c == "j" || c == "J" {
      throw PySyntaxError(
        "complex numbers are not supported", at: range(start, position + 1))
    }
    try endOfNumber("decimal", start)
    emit(kind, start, position)
  }

  /// CPython's `verify_end_of_number`: a number may be followed by a keyword that can come
  /// after one (`1if x else 2`, `0x1for`: Python only warns), not by any other name character.
  func endOfNumber(_ kind: String, _ start: Int) throws(PySyntaxError) {
    guard let c = peek(), c.startsPyName || (c.asciiValue == nil && c.isNumber) else { return }
    func follows(_ rest: String) -> Bool {
      rest.enumerated().allSatisfy { peek($0.offset + 1) == $0.element }
    }
    let keyword: Bool
    switch c {
    case "a": keyword = follows("nd")
    case "e": keyword = follows("lse")
    case "f": keyword = follows("or")
    case "i": keyword = peek(1) == "f" || peek(1) == "n" || peek(1) == "s"
    case "o": keyword = follows("r")
    case "n": keyword = follows("ot")
    default: keyword = false
    }
    if !keyword {
      throw PySyntaxError("invalid \(kind) literal", at: range(start, position + 1))
    }
  }

  static func radixName(_ radix: Int) -> String {
    radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
  }

  mutating func skipDigits() {
    while let c = peek(), c.isASCIIDigit || c == "_" { position += 1 }
  }

  /// Whether every `_` stands between two digits, as Python requires.
  func wellSeparated(_ text: String) -> Bool {
    guard text.utf8.contains(0x5F) else { return true }
    let cs = Array(text)
    for (i, c) in cs.enumerated() where c == "_" {
      guard i > 0, i + 1 < cs.count, cs[i - 1].isHexDigit, cs[i + 1].isHexDigit else {
        return false
      }
    }
    return true
  }

  static let operators: [String] = [
    "**=", "//=", ">>=", "<<=", "...", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "->", "+=",
    "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=", ":=", "(", ")", "[", "]", "{", "}", ",", ":",
    ".", ";", "@", "=", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "~",
  ]

  mutating func scanOperator() throws(PySyntaxError) {
    let start = position
    let candidates = chars[position].asciiValue.map { Self.operatorsByFirst[Int($0)] } ?? []
    guard
      let (spelling, op) = candidates.first(where: { chars[position...].starts(with: $0.chars) })
    else {
      let char = chars[position]
      let message =
        char == "!"
        ? "invalid syntax"
        : char == "$" || char == "?" || char == "`"
          ? "invalid syntax" : Self.invalidCharacter(char)
      throw PySyntaxError(message, at: range(start, start + 1))
    }
    position += spelling.count
    switch op {
    case "(", "[", "{":
      guard brackets.count < Self.maxBrackets else {
        throw PySyntaxError("too many nested parentheses", at: range(start, position))
      }
      brackets.append((spelling[0], start))
    case ")", "]", "}":
      guard let open = brackets.popLast() else {
        throw PySyntaxError("unmatched '\(op)'", at: range(start, position))
      }
      let expected: Character = open.char == "(" ? ")" : open.char == "[" ? "]" : "}"
      if expected != spelling[0] {
        let sameLine = line(of: open.offset) == line(of: start)
        throw PySyntaxError(
          "closing parenthesis '\(op)' does not match opening parenthesis '\(open.char)'"
            + (sameLine ? "" : " on line \(line(of: open.offset))"), at: range(start, position))
      }
    default: break
    }
    emit(.op(PyOp(op)), start, position)
  }
}

extension String {
  /// `1.e5` and `1.` as Swift's `Double` parses them: `1.0e5`, `1.0`.
  fileprivate func replacingDotBeforeNonDigit() -> String {
    var out = ""
    let cs = Array(self)
    for (i, c) in cs.enumerated() {
      out.append(c)
      if c == ".", i + 1 == cs.count || !(cs[i + 1].isASCII && cs[i + 1].isWholeNumber) {
        out.append("0")
      }
    }
    return out
  }
}
