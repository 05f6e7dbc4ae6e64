/// One lexical unit of a line, with where it stands and how it was spelled.
struct Token: Hashable, Sendable {
  /// What a token is; punctuation carries no payload.
  enum Kind: Hashable, Sendable {
    case name(String)
    /// Decimal digits with the `_` separators removed. The parser turns them into an `Int` because
    /// only it knows the sign: `-9223372036854775808` is `Int.min` but its digits alone overflow.
    case integer(String)
    case float(Double)
    /// The string's value, escapes resolved.
    case string(String)
    case leftParen, rightParen, leftBracket, rightBracket
    case comma, equal, colon, dot, semicolon, minus, plus
    /// An operator the language has no use for (`==`, `*`, `+=`, ...): kept as a token so the
    /// parser can say "operators are not supported" where it meets one.
    case unsupportedOperator(String)
    /// The end of the line (or the start of a `#` comment). Zero width, placed right after the
    /// last token so that "expected ..., found end of line" points where the text stops.
    case end
  }

  var kind: Kind
  var range: SourceRange
  /// The token as spelled in the source, quotes included for strings.
  var text: String

  /// The token as a message names it: `'3'`, `"relu"`, `end of line`.
  var description: String {
    switch kind {
    case .end: return "end of line"
    case .string: return text
    default: return "'\(text)'"
    }
  }

  /// Whether the token closes a bracket: `)` or `]`.
  var isCloser: Bool { kind == .rightParen || kind == .rightBracket }
}
