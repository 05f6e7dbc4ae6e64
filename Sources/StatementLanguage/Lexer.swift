/// Cuts one line into tokens. Offsets count `Character`s, so a caret lines up under text like `é`.
struct Lexer {
  private let chars: [Character]
  private var position = 0
  /// Where the last token ended: the `end` token is placed there, right after the text.
  private var lastEnd = 0

  init(_ source: String) {
    chars = Array(source)
  }

  /// All the tokens of `source`, the last one being `.end`.
  static func tokenize(_ source: String) throws(Diagnostic) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    repeat {
      tokens.append(try lexer.next())
    } while tokens.last?.kind != .end
    return tokens
  }

  /// The next token; `.end` once the line (or the code before a `#` comment) is used up.
  mutating func next() throws(Diagnostic) -> Token {
    skipWhitespaceAndComment()
    guard let char = peek() else {
      return Token(kind: .end, range: SourceRange(lastEnd, lastEnd), text: "")
    }
    let token: Token
    if char.isLetter || char == "_" {
      token = lexName()
    } else if char.isDigit || (char == "." && peek(1)?.isDigit == true) {
      token = try lexNumber()
    } else if char == "'" || char == "\"" {
      token = try lexString()
    } else {
      token = try lexPunctuation()
    }
    lastEnd = token.range.end
    return token
  }

  private func peek(_ ahead: Int = 0) -> Character? {
    position + ahead < chars.count ? chars[position + ahead] : nil
  }

  private func token(_ kind: Token.Kind, from start: Int) -> Token {
    Token(
      kind: kind, range: SourceRange(start, position), text: String(chars[start..<position]))
  }

  private mutating func skipWhitespaceAndComment() {
    while let char = peek(), char.isWhitespace { position += 1 }
    if peek() == "#" { position = chars.count }
  }

  /// NAME := (letter | '_') (letter | digit | '_')*
  private mutating func lexName() -> Token {
    let start = position
    while let char = peek(), char.isIdentifierContinuation { position += 1 }
    return token(.name(String(chars[start..<position])), from: start)
  }

  /// NUMBER := digits ('.' digits?)? exponent? | '.' digits exponent?
  /// digits := [0-9] ('_'? [0-9])*        exponent := ('e' | 'E') ('+' | '-')? digits
  private mutating func lexNumber() throws(Diagnostic) -> Token {
    let start = position
    var isFloat = false
    skipDigits()
    if peek() == "." {
      isFloat = true
      position += 1
      skipDigits()
    }
    if peek() == "e" || peek() == "E" {
      let signLength = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
      if peek(1 + signLength)?.isDigit == true {
        isFloat = true
        position += 1 + signLength
        skipDigits()
      }
    }
    // Python rejects a number glued to a name (`3x`, `224x224`): so do we, naming the whole run.
    var isGlued = false
    while let char = peek(), char.isIdentifierContinuation {
      isGlued = true
      position += 1
    }
    let range = SourceRange(start, position)
    let text = String(chars[start..<position])
    guard !isGlued, hasWellPlacedSeparators(from: start) else {
      throw .invalidNumber(text, at: range)
    }
    let digits = text.filter { $0 != "_" }
    guard isFloat else { return token(.integer(digits), from: start) }
    guard let value = Double(digits), value.isFinite else {
      throw .numberTooLarge(text, at: range)
    }
    return token(.float(value), from: start)
  }

  private mutating func skipDigits() {
    while let char = peek(), char.isDigit || char == "_" { position += 1 }
  }

  /// Whether every `_` in the number just lexed stands between two digits, as Python requires.
  private func hasWellPlacedSeparators(from start: Int) -> Bool {
    (start..<position).allSatisfy { index in
      chars[index] != "_"
        || (index > start && chars[index - 1].isDigit
          && index + 1 < position && chars[index + 1].isDigit)
    }
  }

  /// STRING := "'" char* "'" | '"' char* '"'      with backslash escapes
  private mutating func lexString() throws(Diagnostic) -> Token {
    let start = position
    let quote = chars[position]
    position += 1
    var value = ""
    while let char = peek() {
      if char == quote {
        position += 1
        return token(.string(value), from: start)
      }
      if char == "\\", peek(1) != nil {
        value += try lexEscape()
      } else {
        value.append(char)
        position += 1
      }
    }
    throw .unterminatedString(quote: quote, at: SourceRange(start, start + 1))
  }

  /// `\n \t \r \0 \\ \' \"`, `\xHH`, `\uHHHH`; any other escape keeps its backslash, like Python.
  private mutating func lexEscape() throws(Diagnostic) -> String {
    let start = position
    guard let letter = peek(1) else { return "\\" }
    position += 2
    switch letter {
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "0": return "\0"
    case "\\", "'", "\"": return String(letter)
    case "x": return try lexHexEscape(digits: 2, from: start)
    case "u": return try lexHexEscape(digits: 4, from: start)
    default: return "\\" + String(letter)
    }
  }

  private mutating func lexHexEscape(digits: Int, from start: Int) throws(Diagnostic) -> String {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let digit = peek()?.hexDigitValue else {
        throw .invalidEscape(String(chars[start..<position]), digits: digits, at: start)
      }
      value = value * 16 + UInt32(digit)
      position += 1
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw .invalidEscape(String(chars[start..<position]), digits: digits, at: start)
    }
    return String(Character(scalar))
  }

  /// Operators Python has and this language does not, longest first so `**=` wins over `**`.
  private static let unsupportedOperators: [[Character]] = [
    "**=", "//=", ">>=", "<<=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "->", "+=", "-=",
    "*=", "/=", "%=", "@=", "&=", "|=", "^=", ":=", "<", ">", "*", "/", "%", "@", "&", "|", "^",
    "~", "!",
  ].map(Array.init)

  private static let punctuation: [Character: Token.Kind] = [
    "(": .leftParen, ")": .rightParen, "[": .leftBracket, "]": .rightBracket, ",": .comma,
    "=": .equal, ":": .colon, ".": .dot, ";": .semicolon, "-": .minus, "+": .plus,
  ]

  private mutating func lexPunctuation() throws(Diagnostic) -> Token {
    let start = position
    for spelling in Self.unsupportedOperators
    where chars[position...].starts(with: spelling) {
      position += spelling.count
      return token(.unsupportedOperator(String(spelling)), from: start)
    }
    let char = chars[position]
    guard let kind = Self.punctuation[char] else {
      throw .unexpectedCharacter(char, at: start)
    }
    position += 1
    return token(kind, from: start)
  }
}

extension Character {
  /// An ASCII decimal digit: numbers are written in ASCII even where names need not be.
  var isDigit: Bool { isASCII && isWholeNumber }

  var isIdentifierContinuation: Bool { isLetter || isNumber || self == "_" }
}

// MARK: - Messages

extension Diagnostic {
  static func invalidNumber(_ text: String, at range: SourceRange) -> Diagnostic {
    let parts = text.split(separator: "x", omittingEmptySubsequences: false)
    let isSize = parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isDigit) }
    return Diagnostic(
      "invalid number '\(text)'", at: range,
      hint: isSize
        ? "write a shape as a tuple: (\(parts.joined(separator: ", ")))"
        : "a number is digits, optionally with '_' between digits, a '.' and an exponent")
  }

  static func numberTooLarge(_ text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      "number '\(text)' is too large", at: range,
      hint:
        "the largest integer is \(Int.max); the largest float is \(Double.greatestFiniteMagnitude)")
  }

  static func unterminatedString(quote: Character, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      "unterminated string: the opening \(quote) is never closed", at: range,
      hint: "add \(quote) at the end of the string")
  }

  static func invalidEscape(_ text: String, digits: Int, at start: Int) -> Diagnostic {
    Diagnostic(
      "invalid escape '\(text)' in string", at: SourceRange(start, start + text.count),
      hint: "write '\\\(text.dropFirst().prefix(1))' followed by \(digits) hexadecimal digits")
  }

  static func unexpectedCharacter(_ char: Character, at start: Int) -> Diagnostic {
    Diagnostic(
      "unexpected character '\(char)'", at: SourceRange(start, start + 1),
      hint: char == "{" ? "dictionaries are not supported; pass keyword arguments instead" : nil)
  }
}
