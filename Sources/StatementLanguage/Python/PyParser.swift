/// Parses Python source into statements, by recursive descent: one `parseX()` per grammar rule,
/// the rule in its comment (the grammar is Python 3.11's, cut to kshape's subset; see
/// docs/language.md). Statement rules are here, expressions in `PyParser+Expressions.swift`.
public struct PyParser {
  var tokens: [PyToken]
  var index = 0
  /// The program's text, to number lines in messages.
  let text: [Character]
  /// How many `def`/`lambda` bodies and loops enclose the current point (for `return`, `break`).
  var functionDepth = 0
  var loopDepth = 0
  /// Nesting of the rules that recurse, capped so that deep input cannot overflow the stack.
  var depth = 0
  static let maxDepth = 200

  init(tokens: [PyToken], text: [Character]) {
    self.tokens = tokens
    self.text = text
  }

  /// Parses a whole program: its top-level statements (`a = 1; b = 2` gives two).
  public static func parse(_ text: String) throws(PySyntaxError) -> PyProgram {
    let tokens = try PyLexer.tokenize(text)
    var parser = PyParser(tokens: tokens, text: Array(text))
    return PyProgram(statements: try parser.parseFile())
  }

  // MARK: - Token vocabulary

  func peek(_ ahead: Int = 0) -> PyToken { tokens[min(index + ahead, tokens.count - 1)] }

  func at(_ op: String) -> Bool { peek().kind == .op(op) }

  func atKeyword(_ word: String) -> Bool { peek().kind == .name(word) }

  func at(_ kind: PyToken.Kind) -> Bool { peek().kind == kind }

  @discardableResult
  mutating func consume() -> PyToken {
    let token = peek()
    if token.kind != .end { index += 1 }
    return token
  }

  mutating func consume(if op: String) -> PyToken? { at(op) ? consume() : nil }

  mutating func consume(keyword: String) -> PyToken? { atKeyword(keyword) ? consume() : nil }

  /// Consumes `op`, or throws `message` (Python's "expected ':'") at the token found instead.
  @discardableResult
  mutating func expect(_ op: String, _ message: String? = nil) throws(PySyntaxError) -> PyToken {
    if let token = consume(if: op) { return token }
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
    guard case .name(let name) = token.kind, !pyKeywords.contains(name) else {
      throw invalid(token)
    }
    consume()
    return (name, token.range)
  }

  /// The 1-based line of an offset.
  func line(of offset: Int) -> Int {
    var line = 1
    for char in text[0..<max(0, min(offset, text.count))] where char.isNewline { line += 1 }
    return line
  }

  mutating func enter(_ token: PyToken) throws(PySyntaxError) {
    depth += 1
    if depth > Self.maxDepth {
      throw PySyntaxError("too many nested parentheses or operators", at: token.range)
    }
  }

  // MARK: - Statements

  /// file := statement* END
  mutating func parseFile() throws(PySyntaxError) -> [PyStmt] {
    var statements: [PyStmt] = []
    while !at(.end) {
      if at(.newline) {
        consume()
        continue
      }
      statements += try parseStatement()
    }
    return statements
  }

  /// statement := compound_stmt | simple_stmts
  mutating func parseStatement() throws(PySyntaxError) -> [PyStmt] {
    let token = peek()
    switch token.kind {
    case .indent:
      throw PySyntaxError("IndentationError", "unexpected indent", at: token.range)
    case .name("if"): return [try parseIf()]
    case .name("for"): return [try parseFor()]
    case .name("while"): return [try parseWhile()]
    case .name("def"): return [try parseFunctionDef()]
    case .name("class"), .name("with"), .name("try"), .name("async"), .op("@"):
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
    case .name("with"):
      return PySyntaxError(
        "'with' statements are not supported by kshape", at: token.range,
        hint: "write the statements of the block without the 'with' line")
    case .name("try"):
      return PySyntaxError(
        "'try' statements are not supported by kshape", at: token.range,
        hint: "write the statements without 'try': an error stops the program")
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
    guard consume(if: .newline) != nil else { return try parseSimpleStatements() }
    guard consume(if: .indent) != nil else {
      throw PySyntaxError(
        "IndentationError", "expected an indented block after \(header) on line \(line(of: start))",
        at: peek().range)
    }
    var body: [PyStmt] = []
    while consume(if: .dedent) == nil {
      if at(.end) { break }
      body += try parseStatement()
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
    if consume(if: "->") != nil { _ = try parseExpression() }
    try expectColon()
    let savedLoops = loopDepth
    loopDepth = 0
    functionDepth += 1
    let body = try parseBlock(after: "function definition", at: keyword.range.start)
    functionDepth -= 1
    loopDepth = savedLoops
    let function = PyScopes.function(
      name: name, nameRange: nameRange, parameters: parameters, body: body)
    return PyStmt(.functionDef(function), span(keyword.range, body))
  }

  /// simple_stmts := simple_stmt (';' simple_stmt)* ';'? NEWLINE
  mutating func parseSimpleStatements() throws(PySyntaxError) -> [PyStmt] {
    var statements = [try parseSimpleStatement()]
    while consume(if: ";") != nil {
      if at(.newline) || at(.end) { break }
      statements.append(try parseSimpleStatement())
    }
    if consume(if: .newline) == nil && !at(.end) {
      throw junk(after: statements.last)
    }
    return statements
  }

  /// What Python says when a statement goes on after it should have ended.
  func junk(after statement: PyStmt?) -> PySyntaxError {
    let token = peek()
    if case .expression(let e) = statement?.kind, case .name(let n) = e.kind,
      n == "print" || n == "exec"
    {
      return PySyntaxError(
        "Missing parentheses in call to '\(n)'. Did you mean \(n)(...)?",
        at: e.range.union(token.range))
    }
    if case .op("=") = token.kind {
      return invalid(token, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
    }
    return invalid(token)
  }

  /// simple_stmt := assignment | star_expressions | 'pass' | 'break' | 'continue' | return_stmt
  ///   | import_stmt | 'global' NAME (',' NAME)* | 'nonlocal' ... | del_stmt | assert_stmt
  ///   | raise_stmt
  mutating func parseSimpleStatement() throws(PySyntaxError) -> PyStmt {
    let token = peek()
    switch token.kind {
    case .name("pass"):
      consume()
      return PyStmt(.pass, token.range)
    case .name("break"), .name("continue"):
      consume()
      guard loopDepth > 0 else {
        throw PySyntaxError(
          token.kind == .name("break") ? "'break' outside loop" : "'continue' not properly in loop",
          at: token.range)
      }
      return PyStmt(token.kind == .name("break") ? .break : .continue, token.range)
    case .name("return"):
      consume()
      guard functionDepth > 0 else {
        throw PySyntaxError("'return' outside function", at: token.range)
      }
      if at(.newline) || at(";") || at(.end) { return PyStmt(.return(nil), token.range) }
      let value = try parseStarExpressions()
      return PyStmt(.return(value), token.range.union(value.range))
    case .name("import"): return try parseImport()
    case .name("from"): return try parseFromImport()
    case .name("global"), .name("nonlocal"):
      consume()
      var names = [try parseName()]
      while consume(if: ",") != nil { names.append(try parseName()) }
      let range = token.range.union(names.last?.1 ?? token.range)
      if token.kind == .name("nonlocal") && functionDepth == 0 {
        throw PySyntaxError("nonlocal declaration not allowed at module level", at: range)
      }
      return PyStmt(
        token.kind == .name("global") ? .global(names.map(\.0)) : .nonlocal(names.map(\.0)),
        range)
    case .name("del"):
      consume()
      var targets = [try parseBitOr()]
      while consume(if: ",") != nil, !(at(.newline) || at(.end) || at(";")) {
        targets.append(try parseBitOr())
      }
      for target in targets { try checkTarget(target, context: .del) }
      return PyStmt(.del(targets), token.range.union(targets.last?.range ?? token.range))
    case .name("assert"):
      consume()
      let test = try parseExpression()
      let message = consume(if: ",") != nil ? try parseExpression() : nil
      return PyStmt(.assert(test, message: message), token.range.union((message ?? test).range))
    case .name("raise"):
      consume()
      if at(.newline) || at(";") || at(.end) {
        return PyStmt(.raise(nil, cause: nil), token.range)
      }
      let exception = try parseExpression()
      let cause = consume(keyword: "from") != nil ? try parseExpression() : nil
      return PyStmt(
        .raise(exception, cause: cause), token.range.union((cause ?? exception).range))
    case .name("yield"), .name("await"), .name("class"), .name("with"), .name("try"):
      throw refused(token)
    default:
      return try parseAssignmentOrExpression()
    }
  }

  static let augmentedOperators: [String: PyBinaryOp] = Dictionary(
    uniqueKeysWithValues: PyBinaryOp.allCases.map { ($0.rawValue + "=", $0) })

  /// assignment := (star_targets '=')+ star_expressions | target augassign star_expressions
  ///   | target ':' expression ('=' star_expressions)?
  mutating func parseAssignmentOrExpression() throws(PySyntaxError) -> PyStmt {
    let first = try parseStarExpressions()
    if at("=") {
      var items = [first]
      while consume(if: "=") != nil {
        if atKeyword("yield") { throw refused(peek()) }
        items.append(try parseStarExpressions())
      }
      let value = items.removeLast()
      for target in items { try checkTarget(target, context: .assignment) }
      return PyStmt(.assign(targets: items, value: value), first.range.union(value.range))
    }
    if case .op(let op) = peek().kind, let binary = Self.augmentedOperators[op] {
      try checkTarget(first, context: .augmented)
      consume()
      let value = try parseStarExpressions()
      return PyStmt(.augAssign(first, binary, value), first.range.union(value.range))
    }
    if at(":") {
      switch first.kind {
      case .name, .attribute, .subscript: break
      case .tuple:
        throw PySyntaxError("only single target (not tuple) can be annotated", at: first.range)
      default:
        throw PySyntaxError("illegal target for annotation", at: first.range)
      }
      consume()
      let annotation = try parseExpression()
      let value = consume(if: "=") != nil ? try parseStarExpressions() : nil
      return PyStmt(
        .annAssign(first, annotation: annotation, value: value),
        first.range.union((value ?? annotation).range))
    }
    return PyStmt(.expression(first), first.range)
  }

  /// import_stmt := 'import' dotted_name ('as' NAME)? (',' dotted_name ('as' NAME)?)*
  mutating func parseImport() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    var names = [try parseDottedAsName()]
    while consume(if: ",") != nil { names.append(try parseDottedAsName()) }
    return PyStmt(.import(names), keyword.range.union(names.last?.range ?? keyword.range))
  }

  /// dotted_as_name := dotted_name ('as' NAME)?      dotted_name := NAME ('.' NAME)*
  mutating func parseDottedAsName() throws(PySyntaxError) -> PyImportName {
    var name = try parseDottedName()
    if consume(keyword: "as") != nil {
      let (alias, range) = try parseName()
      name.alias = alias
      name.range = name.range.union(range)
    }
    return name
  }

  mutating func parseDottedName() throws(PySyntaxError) -> PyImportName {
    if at(".") || at("...") {
      throw PySyntaxError(
        "relative imports are not supported by kshape", at: peek().range)
    }
    let (first, range) = try parseName()
    var path = [first]
    var whole = range
    while consume(if: ".") != nil {
      let (part, partRange) = try parseName()
      path.append(part)
      whole = whole.union(partRange)
    }
    return PyImportName(path: path, alias: nil, range: whole)
  }

  /// from_import := 'from' dotted_name 'import' ('(' import_names ','? ')' | import_names)
  /// import_names := NAME ('as' NAME)? (',' NAME ('as' NAME)?)*
  mutating func parseFromImport() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    let module = try parseDottedName()
    guard consume(keyword: "import") != nil else { throw invalid(peek()) }
    if let star = consume(if: "*") {
      throw PySyntaxError(
        "'from \(module.path.joined(separator: ".")) import *' is not supported by kshape",
        at: keyword.range.union(star.range),
        hint: "import the names you use: from \(module.path.joined(separator: ".")) import a, b")
    }
    let parenthesized = consume(if: "(") != nil
    var names: [PyImportName] = []
    repeat {
      if parenthesized && at(")") { break }
      let (name, range) = try parseName()
      var item = PyImportName(path: [name], alias: nil, range: range)
      if consume(keyword: "as") != nil {
        let (alias, aliasRange) = try parseName()
        item.alias = alias
        item.range = range.union(aliasRange)
      }
      names.append(item)
    } while consume(if: ",") != nil
    var end = names.last?.range ?? module.range
    if parenthesized {
      end = try expect(")").range
    } else if names.isEmpty {
      throw invalid(peek())
    }
    if names.isEmpty {
      throw PySyntaxError("invalid syntax", at: end)
    }
    return PyStmt(.fromImport(module: module, names: names), keyword.range.union(end))
  }
}
