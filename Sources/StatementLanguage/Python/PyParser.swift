/// Parses Python source into statements, by recursive descent: one `parseX()` per grammar rule,
/// the rule in its comment (the grammar is Python 3.11's, cut to kshape's subset; see
/// docs/language.md). Statement rules are here, expressions in `PyParser+Expressions.swift`.
public struct PyParser {
  var tokens: [PyToken]
  var index = 0
  /// The program's text, to number lines in messages (only they read it).
  let text: String
  /// How many `def`/`lambda` bodies and loops enclose the current point (for `return`, `break`).
  var functionDepth = 0
  var loopDepth = 0
  /// Nesting of the rules that recurse, capped so that deep input cannot overflow the stack.
  var depth = 0
  static let maxDepth = 200
  /// The number of the text's first line, for messages ("on line N").
  var firstLine = 1
  /// Whether a plain primary ending an expression skips the operator rules (off only in the
  /// tests that compare the two ways).
  var primaryShortcut = true

  init(tokens: [PyToken], text: String) {
    self.tokens = tokens
    self.text = text
  }

  /// Parses a whole program: its top-level statements (`a = 1; b = 2` gives two). Messages
  /// number lines from `firstLine` (a REPL block's first line is the session's line N).
  public static func parse(_ text: String, firstLine: Int = 1) throws(PySyntaxError) -> PyProgram {
    // A line of the forms `PyLineParser` reads has no error, so no message to number.
    if let statement = PyLineParser.statement(text) { return PyProgram(statements: [statement]) }
    let tokens = try PyLexer.tokenize(text, firstLine: firstLine)
    var parser = PyParser(tokens: tokens, text: text)
    parser.firstLine = firstLine
    return PyProgram(statements: try parser.parseFile())
  }

  // MARK: - Token vocabulary

  func peek(_ ahead: Int = 0) -> PyToken { tokens[min(index + ahead, tokens.count - 1)] }

  func at(_ op: PyOp) -> Bool {
    tokens[min(index, tokens.count - 1)].op == op
  }

  /// The name of token `i` when it is a name, read through a pointer (matching `tokens[i].kind`
  /// copies the whole token, its payload retained, and destroys the copy).
  func name(at i: Int) -> String? {
    tokens.withUnsafeBufferPointer { buffer -> String? in
      if case .name(let name) = buffer[i].kind { return name }
      return nil
    }
  }

  /// Whether the next token is the keyword `word` (every word asked about is a keyword: a
  /// token that is none is ruled out by its flag, without copying its name).
  func atKeyword(_ word: String) -> Bool {
    let i = min(index, tokens.count - 1)
    guard tokens[i].isKeyword, case .name(let name) = tokens[i].kind else { return false }
    // Lengths first: most names are not the keyword asked about, and differ in length.
    return name.utf8.count == word.utf8.count && name == word
  }

  /// Whether the next token is of `kind` (the layout kinds: `.newline`, `.end`, `.indent`,
  /// `.dedent`), asked of the token in place: no copy of it, no comparison of payloads.
  /// Whether the token `ahead` of the next one is `op`.
  func at(_ op: PyOp, ahead: Int) -> Bool {
    tokens[min(index + ahead, tokens.count - 1)].op == op
  }

  func at(_ kind: PyToken.Kind) -> Bool {
    let i = min(index, tokens.count - 1)
    switch kind {
    case .newline: return tokens[i].tag == .newline
    case .end: return tokens[i].tag == .end
    case .indent: return tokens[i].tag == .indent
    case .dedent: return tokens[i].tag == .dedent
    default: return tokens[i].kind == kind
    }
  }

  @discardableResult
  mutating func consume() -> PyToken {
    let i = min(index, tokens.count - 1)
    if tokens[i].tag != .end { index += 1 }
    return tokens[i]
  }

  /// Consumes the next token (`consume()` without its copy).
  mutating func advance() {
    if tokens[min(index, tokens.count - 1)].tag != .end { index += 1 }
  }

  /// The next token's range, read in place.
  var nextRange: SourceRange { tokens[min(index, tokens.count - 1)].range }

  /// Consumes `op` if it is next: whether it was (`consume(if:)` without the token's copy).
  mutating func skip(_ op: PyOp) -> Bool {
    guard at(op) else { return false }
    index += 1
    return true
  }

  /// Consumes a token of `kind` (`at(_:)`) if it is next: whether it was.
  mutating func skip(_ kind: PyToken.Kind) -> Bool {
    guard at(kind) else { return false }
    // `.end` is never consumed (`consume()`).
    if case .end = kind {} else { index += 1 }
    return true
  }

  mutating func consume(if op: PyOp) -> PyToken? { at(op) ? consume() : nil }

  mutating func consume(keyword: String) -> PyToken? { atKeyword(keyword) ? consume() : nil }

  /// Consumes `op` and gives its range, or throws `message` (Python's "expected ':'") at the token
  /// found instead.
  @discardableResult
  mutating func expect(_ op: PyOp, _ message: String? = nil) throws(PySyntaxError) -> SourceRange {
    // The token's range, not the token: no copy of it is made.
    let range = nextRange
    if skip(op) { return range }
    throw invalid(peek(), message ?? "expected '\(op)'")
  }

  /// "invalid syntax" (or `message`) at `token`.
  func invalid(_ token: PyToken, _ message: String = "invalid syntax") -> PySyntaxError {
    if case .indent = token.kind {
      return PySyntaxError("IndentationError", "unexpected indent", at: token.range)
    }
    return PySyntaxError(message, at: token.range)
  }

  /// An identifier (not a keyword), with its range.
  mutating func parseName() throws(PySyntaxError) -> (String, SourceRange) {
    let token = peek()
    guard case .name(let name) = token.kind, !token.isKeyword else {
      throw invalid(token)
    }
    advance()
    return (name, token.range)
  }

  /// The 1-based line of an offset.
  func line(of offset: Int) -> Int { firstLine + text.pyLineBreaks(before: offset) }

  mutating func enter(_ token: PyToken) throws(PySyntaxError) {
    try enter(at: token.range)
  }

  /// `enter` at the token whose range is `range` (the next token's: no copy of it is made).
  mutating func enter(at range: SourceRange) throws(PySyntaxError) {
    depth += 1
    if depth > Self.maxDepth {
      throw PySyntaxError("too many nested parentheses or operators", at: range)
    }
  }

  // MARK: - Statements

  /// file := statement* END
  mutating func parseFile() throws(PySyntaxError) -> [PyStmt] {
    var statements: [PyStmt] = []
    while !at(.end) {
      if at(.newline) {
        advance()
        continue
      }
      let parsed = try parseStatement()
      // A program of one line is its first statement's array as it is (no second array).
      if statements.isEmpty { statements = parsed } else { statements += parsed }
    }
    return statements
  }

  /// statement := compound_stmt | simple_stmts
  mutating func parseStatement() throws(PySyntaxError) -> [PyStmt] {
    // A statement that starts with a name that is no keyword is a simple one (the cases below
    // are keywords): decided without comparing the name with each of them, nor copying the token.
    if tokens[min(index, tokens.count - 1)].isIdentifier {
      return try parseSimpleStatements()
    }
    let token = peek()
    switch token.kind {
    case .indent:
      throw PySyntaxError("IndentationError", "unexpected indent", at: token.range)
    case .name("if"): return [try parseIf()]
    case .name("for"): return [try parseFor()]
    case .name("while"): return [try parseWhile()]
    case .name("def"): return [try parseFunctionDef()]
    case .name("try"): return [try parseTry()]
    case .name("with"): return [try parseWith()]
    case .name("class"), .name("async"), .op("@"):
      throw refused(token)
    case .name("except"), .name("finally"), .name("elif"), .name("else"):
      throw invalid(token)
    default: return try parseSimpleStatements()
    }
  }

  /// A construct kshape does not run, named in the error.
  func refused(_ token: PyToken) -> PySyntaxError {
    switch token.kind {
    case .name("class"):
      return PySyntaxError(
        "'class' definitions are not supported by kshape", at: token.range,
        hint: "a custom layer or model runs Python code kshape cannot know the shapes of; build "
          + "the model with the functional API or keras.Sequential")
    case .name("async"), .name("await"):
      return PySyntaxError("'async' and 'await' are not supported by kshape", at: token.range)
    case .name("yield"):
      return PySyntaxError(
        "'yield' is not supported by kshape", at: token.range,
        hint: "build and return a list instead of a generator")
    default:
      return PySyntaxError(
        "decorators are not supported by kshape", at: token.range,
        hint: "define the function without the '@' line")
    }
  }

  /// block := NEWLINE INDENT statement+ DEDENT | simple_stmts
  mutating func parseBlock(after header: String, at start: Int) throws(PySyntaxError) -> [PyStmt] {
    guard skip(.newline) else { return try parseSimpleStatements() }
    guard skip(.indent) else {
      throw PySyntaxError(
        "IndentationError", "expected an indented block after \(header) on line \(line(of: start))",
        at: peek().range)
    }
    var body: [PyStmt] = []
    while !skip(.dedent) {
      if at(.end) { break }
      let parsed = try parseStatement()
      if body.isEmpty { body = parsed } else { body += parsed }
    }
    return body
  }

  mutating func consume(if kind: PyToken.Kind) -> PyToken? { at(kind) ? consume() : nil }

  /// The range from `start` to the end of the last statement of `body`.
  func span(_ start: SourceRange, _ body: [PyStmt]) -> SourceRange {
    body.last.map { start.union($0.range) } ?? start
  }

  /// if_stmt := 'if' expression ':' block ('elif' expression ':' block)* ('else' ':' block)?
  mutating func parseIf() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    let name = keyword.kind == .name("elif") ? "'elif' statement" : "'if' statement"
    let test = try parseNamedExpression()
    try expectColon()
    let body = try parseBlock(after: name, at: keyword.range.start)
    var orElse: [PyStmt] = []
    if atKeyword("elif") {
      orElse = [try parseIf()]
    } else if let elseToken = consume(keyword: "else") {
      try expectColon()
      orElse = try parseBlock(after: "'else' statement", at: elseToken.range.start)
    }
    return PyStmt(
      .if(test: test, body: body, orElse: orElse), span(span(keyword.range, body), orElse))
  }

  /// The ':' of a block header; `if x = 1:` gets Python's hint about '=='.
  mutating func expectColon() throws(PySyntaxError) {
    if at("=") {
      throw invalid(peek(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
    }
    try expect(":", "expected ':'")
  }

  /// for_stmt := 'for' star_targets 'in' star_expressions ':' block ('else' ':' block)?
  mutating func parseFor() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    let target = try parseTargetList()
    try checkTarget(target, context: .forLoop)
    guard consume(keyword: "in") != nil else { throw invalid(peek()) }
    let iterable = try parseStarExpressions()
    try expectColon()
    loopDepth += 1
    let body = try parseBlock(after: "'for' statement", at: keyword.range.start)
    loopDepth -= 1
    var orElse: [PyStmt] = []
    if let elseToken = consume(keyword: "else") {
      try expectColon()
      orElse = try parseBlock(after: "'else' statement", at: elseToken.range.start)
    }
    return PyStmt(
      .for(target: target, iterable: iterable, body: body, orElse: orElse),
      span(span(keyword.range, body), orElse))
  }

  /// while_stmt := 'while' expression ':' block ('else' ':' block)?
  mutating func parseWhile() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    let test = try parseNamedExpression()
    try expectColon()
    loopDepth += 1
    let body = try parseBlock(after: "'while' statement", at: keyword.range.start)
    loopDepth -= 1
    var orElse: [PyStmt] = []
    if let elseToken = consume(keyword: "else") {
      try expectColon()
      orElse = try parseBlock(after: "'else' statement", at: elseToken.range.start)
    }
    return PyStmt(
      .while(test: test, body: body, orElse: orElse), span(span(keyword.range, body), orElse))
  }

  /// function_def := 'def' NAME '(' parameters? ')' ('->' expression)? ':' block
  mutating func parseFunctionDef() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    let (name, nameRange) = try parseName()
    try expect("(", "expected '('")
    let parameters = try parseParameters(closer: ")")
    try expect(")", "expected ')'")
    if skip("->") { _ = try parseExpression() }
    try expectColon()
    let savedLoops = loopDepth
    loopDepth = 0
    functionDepth += 1
    let body = try parseBlock(after: "function definition", at: keyword.range.start)
    functionDepth -= 1
    loopDepth = savedLoops
    let function = PyScopes.function(
      name: name, nameRange: nameRange, parameters: parameters, body: body)
    if functionDepth == 0 { try PyScopes.checkNonlocals(function) }
    return PyStmt(.functionDef(function), span(keyword.range, body))
  }

}

extension Array {
  /// `append`, with an empty array's first element put in an array made for it (the first
  /// `append` to an empty array takes the generic growth path, at twice the cost): a call's
  /// arguments and an assignment's targets are mostly one.
  @inline(__always)
  mutating func appendSized(_ element: consuming Element) {
    if isEmpty { self = [element] } else { append(element) }
  }
}
