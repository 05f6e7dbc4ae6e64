/// Simple statements: assignments, expressions, imports and the keyword statements.
extension PyParser {
  /// simple_stmts := simple_stmt (';' simple_stmt)* ';'? NEWLINE
  mutating func parseSimpleStatements() throws(PySyntaxError) -> [PyStmt] {
    var statements = [try parseSimpleStatement()]
    while skip(";") {
      if at(.newline) || at(.end) { break }
      statements.append(try parseSimpleStatement())
    }
    if !skip(.newline) && !at(.end) {
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
    // Every case below but the last starts with a keyword (asked of the token in place).
    if tokens[min(index, tokens.count - 1)].isIdentifier {
      return try parseAssignmentOrExpression()
    }
    let token = peek()
    switch token.kind {
    case .name("pass"):
      advance()
      return PyStmt(.pass, token.range)
    case .name("break"), .name("continue"):
      advance()
      guard loopDepth > 0 else {
        throw PySyntaxError(
          token.kind == .name("break") ? "'break' outside loop" : "'continue' not properly in loop",
          at: token.range)
      }
      return PyStmt(token.kind == .name("break") ? .break : .continue, token.range)
    case .name("return"):
      advance()
      guard functionDepth > 0 else {
        throw PySyntaxError("'return' outside function", at: token.range)
      }
      if at(.newline) || at(";") || at(.end) { return PyStmt(.return(nil), token.range) }
      let value = try parseStarExpressions()
      return PyStmt(.return(value), token.range.union(value.range))
    case .name("import"): return try parseImport()
    case .name("from"): return try parseFromImport()
    case .name("global"), .name("nonlocal"):
      advance()
      var names = [try parseName()]
      while skip(",") { names.append(try parseName()) }
      let range = token.range.union(names.last?.1 ?? token.range)
      if token.kind == .name("nonlocal") && functionDepth == 0 {
        throw PySyntaxError("nonlocal declaration not allowed at module level", at: range)
      }
      return PyStmt(
        token.kind == .name("global") ? .global(names.map(\.0)) : .nonlocal(names.map(\.0)),
        range)
    case .name("del"):
      advance()
      var targets = [try parseBitOr()]
      while skip(","), !(at(.newline) || at(.end) || at(";")) {
        targets.append(try parseBitOr())
      }
      for target in targets { try checkTarget(target, context: .del) }
      return PyStmt(.del(targets), token.range.union(targets.last?.range ?? token.range))
    case .name("assert"):
      advance()
      let test = try parseExpression()
      let message = skip(",") ? try parseExpression() : nil
      return PyStmt(.assert(test, message: message), token.range.union((message ?? test).range))
    case .name("raise"):
      advance()
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

  static let augmentedOperators: [PyOp: PyBinaryOp] = Dictionary(
    uniqueKeysWithValues: PyBinaryOp.allCases.map { (PyOp($0.rawValue + "="), $0) })

  /// assignment := (star_targets '=')+ star_expressions | target augassign star_expressions
  ///   | target ':' expression ('=' star_expressions)?
  mutating func parseAssignmentOrExpression() throws(PySyntaxError) -> PyStmt {
    let first = try parseStarExpressions()
    if at("=") {
      // Each item but the last is a target (one array for them, of the size most have: one).
      var targets: [PyExpr] = []
      var value = first
      while skip("=") {
        if atKeyword("yield") { throw refused(peek()) }
        targets.appendSized(value)
        value = try parseStarExpressions()
      }
      for target in targets { try checkTarget(target, context: .assignment) }
      return PyStmt(.assign(targets: targets, value: value), first.range.union(value.range))
    }
    if case .op(let op) = peek().kind, let binary = Self.augmentedOperators[op] {
      try checkTarget(first, context: .augmented)
      advance()
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
      advance()
      let annotation = try parseExpression()
      let value = skip("=") ? try parseStarExpressions() : nil
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
    while skip(",") { names.append(try parseDottedAsName()) }
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
    while skip(".") {
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
    let parenthesized = skip("(")
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
    } while skip(",")
    var end = names.last?.range ?? module.range
    if parenthesized {
      end = try expect(")")
    } else if names.isEmpty {
      throw invalid(peek())
    }
    if names.isEmpty {
      throw PySyntaxError("invalid syntax", at: end)
    }
    return PyStmt(.fromImport(module: module, names: names), keyword.range.union(end))
  }
}
