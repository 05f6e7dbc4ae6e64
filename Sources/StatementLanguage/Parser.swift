/// Parses one line of the statement language, by recursive descent: one `parseX()` per rule.
///
///     statement   := command | assignment | expr | (empty)
///     assignment  := NAME '=' expr
///     unpacking   := NAME (',' NAME)+ ','? '=' expr
///     expr        := primary ( '(' arguments? ')' )*
///
/// The rules for commands live in `Command.swift`, those for calls in `Parser+Arguments.swift`.
public struct Parser {
  /// The line as `Character`s, to quote the source in messages.
  let source: [Character]
  let tokens: [Token]
  var index = 0
  /// The `(` and `[` not closed yet, innermost last: named when the line ends inside them.
  var openers: [Token] = []

  init(_ line: String) throws(Diagnostic) {
    source = Array(line)
    tokens = try Lexer.tokenize(line)
  }

  /// Parses `line` into a statement; a first word found in `commands` makes a command.
  ///
  /// A word is a command only when used as one: `summary` and `help Conv2D` are commands, but
  /// `summary = Dense(3)` and `help(x)` are not.
  public static func parse(_ line: String, commands: Set<String>) throws(Diagnostic) -> Statement {
    if let command = parseCommand(line, commands: commands) { return command }
    var parser = try Parser(line)
    return try parser.parseStatement()
  }

  // MARK: - Token vocabulary

  func peek(_ ahead: Int = 0) -> Token {
    // `tokens` always ends with `.end`, and nothing is consumed past it.
    tokens[min(index + ahead, tokens.count - 1)]
  }

  func at(_ kind: Token.Kind) -> Bool { peek().kind == kind }

  @discardableResult
  mutating func consume() -> Token {
    let token = peek()
    if token.kind != .end { index += 1 }
    return token
  }

  mutating func consume(if kind: Token.Kind) -> Token? {
    at(kind) ? consume() : nil
  }

  /// Consumes the `closer` (`)` or `]`) of the innermost opener, or says why it is not there.
  mutating func expect(_ closer: Token.Kind, after what: String) throws(Diagnostic) -> Token {
    if let token = consume(if: closer) { return token }
    let found = peek()
    if found.kind == .end { throw unclosed() }
    if found.isCloser, let opener = openers.last {
      throw .mismatchedCloser(found, opener: opener)
    }
    let expected = closer == .rightParen ? "')'" : "']'"
    throw unexpected(found, expected: "\(expected) or ',' after \(what)")
  }

  /// The source text of `range`, to quote the user's own spelling back.
  func text(_ range: SourceRange) -> String {
    String(source[max(0, range.start)..<min(source.count, range.end)])
  }

  // MARK: - Rules

  /// statement := assignment | expr | (empty)
  mutating func parseStatement() throws(Diagnostic) -> Statement {
    if at(.end) { return .empty }
    if case .name(let name) = peek().kind, Self.literal(name, at: peek().range) == nil,
      peek(1).kind == .equal
    {
      return try parseAssignment()
    }
    if let count = unpackingTargetCount() { return try parseUnpacking(count) }
    let expr = try parseExpr()
    try expectEndOfStatement(after: expr)
    return .expression(expr)
  }

  /// assignment := NAME '=' expr
  mutating func parseAssignment() throws(Diagnostic) -> Statement {
    let target = consume()
    consume()  // '='
    let value = try parseExpr()
    try expectEndOfStatement(after: nil)
    return .assignment(target: target.text, targetRange: target.range, value: value)
  }

  /// The number of tokens before '=' when the line starts `a, b = ...` (or `a, = ...`); nil otherwise.
  func unpackingTargetCount() -> Int? {
    var i = 0
    var names = 0
    while case .name(let n) = peek(i).kind, Self.literal(n, at: peek(i).range) == nil {
      names += 1
      switch peek(i + 1).kind {
      case .equal: return names >= 2 ? i + 1 : nil
      case .comma:
        i += 2
        if peek(i).kind == .equal { return i }
      default: return nil
      }
    }
    return nil
  }

  /// unpacking := NAME (',' NAME)+ ','? '=' expr
  mutating func parseUnpacking(_ tokens: Int) throws(Diagnostic) -> Statement {
    var targets: [Target] = []
    var consumed = 0
    while consumed < tokens {
      let t = consume()
      consumed += 1
      if case .name(let n) = t.kind { targets.append(Target(name: n, range: t.range)) }
    }
    consume()  // '='
    let value = try parseExpr()
    try expectEndOfStatement(after: nil)
    return .unpacking(targets: targets, value: value)
  }

  /// The end of a statement; `expr` is the bare expression before it, to explain a stray `=`.
  mutating func expectEndOfStatement(after expr: Expr?) throws(Diagnostic) {
    let found = peek()
    switch found.kind {
    case .end:
      return
    case .equal:
      if let expr { throw .cannotAssign(to: text(expr.range), at: expr.range) }
    case .colon:
      if case .name(let parts, _) = expr, parts.count == 1 {
        throw .strayColon(found, after: parts[0])
      }
    case .rightParen, .rightBracket:
      throw .unmatchedCloser(found)
    default:
      break
    }
    throw unexpected(found, expected: "end of statement")
  }

  /// expr := primary ( '(' arguments? ')' )*
  mutating func parseExpr() throws(Diagnostic) -> Expr {
    var expr = try parsePrimary()
    while let opener = consume(if: .leftParen) {
      let (arguments, closer) = try parseArguments(opener: opener)
      expr = .call(
        Call(callee: expr, arguments: arguments, range: expr.range.union(closer.range)))
    }
    if at(.leftBracket) { throw .indexing(peek()) }
    return expr
  }

  /// The literal a name stands for, if any; `nil` is `None` under its Swift name.
  static func literal(_ name: String, at range: SourceRange) -> Expr? {
    switch name {
    case "None", "nil": return .none(range)
    case "True", "true": return .bool(true, range)
    case "False", "false": return .bool(false, range)
    default: return nil
    }
  }

  /// primary := NUMBER | '-' NUMBER | STRING | 'None' | 'nil' | 'True' | 'False' | 'true' | 'false'
  ///          | dotted-name | parenthesized | list
  mutating func parsePrimary() throws(Diagnostic) -> Expr {
    let token = peek()
    switch token.kind {
    case .integer, .float:
      return try parseNumber()
    case .minus, .plus:
      return try parseSignedNumber()
    case .string(let value):
      consume()
      return .string(value, token.range)
    case .name(let name):
      if let literal = Self.literal(name, at: token.range) {
        consume()
        return literal
      }
      return try parseDottedName()
    case .leftParen:
      return try parseParenthesized()
    case .leftBracket:
      return try parseList()
    default:
      throw unexpected(token, expected: "an expression")
    }
  }

  /// '-' NUMBER | '+' NUMBER
  mutating func parseSignedNumber() throws(Diagnostic) -> Expr {
    let sign = consume()
    switch peek().kind {
    case .integer, .float: return try parseNumber(sign: sign)
    default: throw unexpected(peek(), expected: "a number after '\(sign.text)'")
    }
  }

  /// NUMBER, negated when `sign` is '-'. The sign joins the digits before conversion, so that
  /// `-9223372036854775808` is `Int.min` and one more is a diagnostic, never a trap.
  mutating func parseNumber(sign: Token? = nil) throws(Diagnostic) -> Expr {
    let token = consume()
    let range = sign.map { $0.range.union(token.range) } ?? token.range
    let isNegative = sign?.kind == .minus
    switch token.kind {
    case .integer(let digits):
      guard let value = Int((isNegative ? "-" : "") + digits) else {
        throw .numberTooLarge(text(range), at: range)
      }
      return .int(value, range)
    case .float(let value):
      return .float(isNegative ? -value : value, range)
    default:
      throw unexpected(token, expected: "a number")
    }
  }

  /// dotted-name := NAME ('.' NAME)*
  mutating func parseDottedName() throws(Diagnostic) -> Expr {
    let first = consume()
    var parts = [first.text]
    var range = first.range
    while consume(if: .dot) != nil {
      let part = peek()
      guard case .name(let name) = part.kind else {
        throw unexpected(part, expected: "a name after '.'")
      }
      consume()
      parts.append(name)
      range = range.union(part.range)
    }
    return .name(parts, range)
  }

  /// parenthesized := '(' ')' | '(' expr ')' | '(' expr ',' (expr (',' expr)* ','?)? ')'
  ///
  /// Python's rules: `(3)` is just 3, `(3,)` a 1-tuple, `()` the empty tuple.
  mutating func parseParenthesized() throws(Diagnostic) -> Expr {
    let opener = consume()
    let (elements, hasComma, closer) = try parseElements(opener: opener, closer: .rightParen)
    if elements.count == 1, !hasComma, let only = elements.first { return only }
    return .tuple(elements, opener.range.union(closer.range))
  }

  /// list := '[' (expr (',' expr)* ','?)? ']'
  mutating func parseList() throws(Diagnostic) -> Expr {
    let opener = consume()
    let (elements, _, closer) = try parseElements(opener: opener, closer: .rightBracket)
    return .list(elements, opener.range.union(closer.range))
  }

  /// elements := (expr (',' expr)* ','?)? closer      -- after the opener, which is consumed
  mutating func parseElements(
    opener: Token, closer: Token.Kind
  ) throws(Diagnostic) -> (elements: [Expr], hasComma: Bool, closer: Token) {
    try open(opener)
    defer { openers.removeLast() }
    var elements: [Expr] = []
    var hasComma = false
    while !at(closer) {
      if at(.end) { throw unclosed() }
      elements.append(try parseExpr())
      guard consume(if: .comma) != nil else { break }
      hasComma = true
    }
    return (elements, hasComma, try expect(closer, after: "element"))
  }

  /// The parser recurses once per bracket and must not run out of stack, even on a 512 KiB
  /// secondary thread in a debug build (200 levels need between 256 and 512 KiB there).
  static let maximumNesting = 100

  /// Notes that `opener` is open until the matching `openers.removeLast()`.
  mutating func open(_ opener: Token) throws(Diagnostic) {
    guard openers.count < Self.maximumNesting else { throw .tooDeep(opener) }
    openers.append(opener)
  }

  // MARK: - Errors that depend on the parser's state

  /// The innermost open bracket is never closed; the hint closes all of them, innermost first.
  func unclosed() -> Diagnostic {
    guard let innermost = openers.last else {
      return Diagnostic("unexpected end of line", at: peek().range)
    }
    let closers = openers.reversed().map { $0.kind == .leftBracket ? "]" : ")" }.joined()
    return Diagnostic(
      "'\(innermost.text)' is never closed", at: innermost.range,
      hint: "add '\(closers)' at the end")
  }

  /// "expected X, found Y", or the operator message when Y is an operator used as one.
  func unexpected(_ found: Token, expected: String) -> Diagnostic {
    switch found.kind {
    case .unsupportedOperator(let spelling): return .unsupportedOperator(spelling, at: found.range)
    case .minus, .plus: return .unsupportedOperator(found.text, at: found.range)
    default: return Diagnostic("expected \(expected), found \(found.description)", at: found.range)
    }
  }
}

// MARK: - Messages

extension Diagnostic {
  static func unsupportedOperator(_ spelling: String, at range: SourceRange) -> Diagnostic {
    let hints = [
      "+": "to add tensors, use Add()([a, b])",
      "-": "to subtract tensors, use Subtract()([a, b])",
      "*": "to multiply tensors, use Multiply()([a, b])",
      "@": "for a matrix product, use Dot(axes=-1)([a, b])",
      "==": "to bind a name, use a single '='",
    ]
    return Diagnostic(
      "operators are not supported; found '\(spelling)'", at: range, hint: hints[spelling])
  }

  static func cannotAssign(to text: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      "cannot assign to '\(text)'", at: range,
      hint: "only a plain name can stand left of '=', as in 'x = Dense(10)'")
  }

  static func strayColon(_ colon: Token, after name: String) -> Diagnostic {
    Diagnostic(
      "expected end of statement, found ':'", at: colon.range,
      hint: "to bind a name, write '\(name) = ...'; 'name: value' only labels an argument in a call"
    )
  }

  static func unmatchedCloser(_ closer: Token) -> Diagnostic {
    Diagnostic(
      "'\(closer.text)' has no matching '\(closer.kind == .rightBracket ? "[" : "(")'",
      at: closer.range, hint: "remove it")
  }

  static func mismatchedCloser(_ closer: Token, opener: Token) -> Diagnostic {
    let expected = opener.kind == .leftBracket ? "]" : ")"
    return Diagnostic(
      "'\(closer.text)' does not match the opening '\(opener.text)'", at: closer.range,
      hint: "close '\(opener.text)' with '\(expected)'")
  }

  static func tooDeep(_ opener: Token) -> Diagnostic {
    Diagnostic(
      "too many nested brackets; the limit is \(Parser.maximumNesting)", at: opener.range,
      hint: "name an inner part with an assignment first, as in 'y = ...'")
  }

  static func indexing(_ bracket: Token) -> Diagnostic {
    Diagnostic("indexing with '[...]' is not supported", at: bracket.range)
  }
}
