/// Expressions, loosest binding first, as Python's grammar lists them.
extension PyParser {
  /// star_expressions := star_expression (',' star_expression)* ','?   (a tuple when commas)
  mutating func parseStarExpressions() throws(PySyntaxError) -> PyExpr {
    let first = try parseStarExpression()
    guard at(",") else {
      if case .starred = first.kind {
        throw PySyntaxError("can't use starred expression here", at: first.range)
      }
      return first
    }
    var items = [first]
    var end = first.range
    while let comma = consume(if: ",") {
      end = comma.range
      guard startsExpression() else { break }
      let item = try parseStarExpression()
      items.append(item)
      end = item.range
    }
    return PyExpr(.tuple(items), first.range.union(end))
  }

  /// Whether the next token can begin an expression (a tuple's trailing comma is followed by
  /// something else).
  func startsExpression() -> Bool {
    let token = peek()
    switch token.kind {
    case .name(let n):
      return !token.isKeyword
        || ["None", "True", "False", "not", "lambda", "await"].contains(n)
    case .int, .float, .string: return true
    case .op(let o):
      switch o {
      case "(", "[", "{", "-", "+", "~", "*", "...": return true
      default: return false
      }
    default: return false
    }
  }

  /// star_expression := '*' bitwise_or | expression
  mutating func parseStarExpression() throws(PySyntaxError) -> PyExpr {
    if let star = consume(if: "*") {
      let value = try parseBitOr()
      return PyExpr(.starred(value), star.range.union(value.range))
    }
    return try parseExpression()
  }

  /// named_expression := expression    (`:=` is refused)
  mutating func parseNamedExpression() throws(PySyntaxError) -> PyExpr {
    let value = try parseExpression()
    if at(":=") {
      throw PySyntaxError(
        "assignment expressions (:=) are not supported by kshape", at: peek().range)
    }
    return value
  }

  /// expression := disjunction ('if' disjunction 'else' expression)? | lambdef
  mutating func parseExpression() throws(PySyntaxError) -> PyExpr {
    try enter(at: nextRange)
    defer { depth -= 1 }
    if atKeyword("lambda") { return try parseLambda() }
    // A name or an integer that nothing follows (a call's argument, an assignment's target)
    // is its atom: taken without looking further ahead.
    if primaryShortcut, leafEndsExpression() { return try parseAtom() }
    // A plain primary that nothing follows (`Dense(8)`, `8`, `h0` in a call) is what the rules
    // below would all hand up unchanged: parsed directly.
    if primaryShortcut, primaryEndsExpression() { return try parsePrimary() }
    let body = try parseDisjunction()
    guard consume(keyword: "if") != nil else { return body }
    let test = try parseDisjunction()
    guard consume(keyword: "else") != nil else {
      throw invalid(peek(), "expected 'else' after 'if' expression")
    }
    let orElse = try parseExpression()
    return PyExpr(
      .conditional(body: body, test: test, orElse: orElse), body.range.union(orElse.range))
  }

  /// lambdef := 'lambda' parameters? ':' expression
  mutating func parseLambda() throws(PySyntaxError) -> PyExpr {
    let keyword = consume()
    let parameters = try parseParameters(closer: ":")
    try expect(":", "expected ':'")
    functionDepth += 1
    let body = try parseExpression()
    functionDepth -= 1
    let function = PyScopes.function(
      name: "<lambda>", nameRange: keyword.range, parameters: parameters,
      body: [PyStmt(.return(body), body.range)])
    return PyExpr(.lambda(function), keyword.range.union(body.range))
  }

  /// disjunction := conjunction ('or' conjunction)*
  mutating func parseDisjunction() throws(PySyntaxError) -> PyExpr {
    var left = try parseConjunction()
    while consume(keyword: "or") != nil {
      let right = try parseConjunction()
      left = PyExpr(.or(left, right), left.range.union(right.range))
    }
    return left
  }

  /// conjunction := inversion ('and' inversion)*
  mutating func parseConjunction() throws(PySyntaxError) -> PyExpr {
    var left = try parseInversion()
    while consume(keyword: "and") != nil {
      let right = try parseInversion()
      left = PyExpr(.and(left, right), left.range.union(right.range))
    }
    return left
  }

  /// inversion := 'not' inversion | comparison
  mutating func parseInversion() throws(PySyntaxError) -> PyExpr {
    guard let keyword = consume(keyword: "not") else { return try parseComparison() }
    try enter(keyword)
    defer { depth -= 1 }
    let operand = try parseInversion()
    return PyExpr(.not(operand), keyword.range.union(operand.range))
  }

  /// comparison := bitwise_or (compare_op bitwise_or)*
  /// compare_op := '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' | 'is' 'not'
  mutating func parseComparison() throws(PySyntaxError) -> PyExpr {
    let first = try parseBitOr()
    var rest: [(op: PyCompareOp, operand: PyExpr)] = []
    while let op = compareOperator() {
      let operand = try parseBitOr()
      rest.append((op, operand))
    }
    guard let last = rest.last else { return first }
    return PyExpr(.compare(first, rest), first.range.union(last.operand.range))
  }

  /// Consumes a comparison operator, if one is next.
  mutating func compareOperator() -> PyCompareOp? {
    // Most operands are followed by no keyword: the token's operator field answers (0 for a
    // token that is none), without a copy of the token.
    let i = min(index, tokens.count - 1)
    if !tokens[i].isKeyword {
      let o = tokens[i].op
      let f = o.first
      guard f == 0x3D || f == 0x21 || f == 0x3C || f == 0x3E, let op = PyCompareOp(rawValue: o.text)
      else { return nil }
      advance()
      return op
    }
    switch peek().kind {
    case .op(let o):
      // Every comparison operator starts with `=`, `!`, `<` or `>` (the test spares a lookup).
      let f = o.first
      guard f == 0x3D || f == 0x21 || f == 0x3C || f == 0x3E, let op = PyCompareOp(rawValue: o.text)
      else { return nil }
      advance()
      return op
    case .name("in"):
      advance()
      return .in
    case .name("not") where peek(1).kind == .name("in"):
      advance()
      advance()
      return .notIn
    case .name("is"):
      advance()
      return consume(keyword: "not") != nil ? .isNot : .is
    default: return nil
    }
  }

  /// The binary operators' rules, loosest first, parsed by precedence climbing (one call per
  /// operand rather than one per rule):
  ///
  ///     bitwise_or  := bitwise_xor ('|' bitwise_xor)*
  ///     bitwise_xor := bitwise_and ('^' bitwise_and)*
  ///     bitwise_and := shift_expr ('&' shift_expr)*
  ///     shift_expr  := sum (('<<' | '>>') sum)*
  ///     sum         := term (('+' | '-') term)*
  ///     term        := factor (('*' | '/' | '//' | '%' | '@') factor)*
  ///
  /// Each is left-associative, so `a - b * c | d` is `(a - (b * c)) | d`, as the rules give.
  mutating func parseBitOr() throws(PySyntaxError) -> PyExpr {
    try parseBinary(above: 0)
  }

  /// The rules from `level` on (0 is bitwise_or's): operands of operators binding at least as
  /// tightly as `level`.
  mutating func parseBinary(above level: Int) throws(PySyntaxError) -> PyExpr {
    var left = try parseFactor()
    // The next token's operator field (code 0, no operator, for a token that is none).
    while let (opLevel, op) = Self.binaryOperator(tokens[min(index, tokens.count - 1)].op),
      opLevel >= level
    {
      advance()
      let right = try parseBinary(above: opLevel + 1)
      left = PyExpr(.binary(op, left, right), left.range.union(right.range))
    }
    return left
  }

  /// A binary operator's rule level (0 bitwise_or ... 5 term) and operation.
  static func binaryOperator(_ o: PyOp) -> (Int, PyBinaryOp)? {
    // The closing brackets, `,`, `=` and `:` end most operands: none is an operator.
    let f = o.first
    guard f != 0x29, f != 0x5D, f != 0x7D, f != 0x2C, f != 0x3D, f != 0x3A
    else { return nil }
    switch o {
    case "|": return (0, .bitor)
    case "^": return (1, .bitxor)
    case "&": return (2, .bitand)
    case "<<": return (3, .lshift)
    case ">>": return (3, .rshift)
    case "+": return (4, .add)
    case "-": return (4, .sub)
    case "*": return (5, .mul)
    case "/": return (5, .truediv)
    case "//": return (5, .floordiv)
    case "%": return (5, .mod)
    case "@": return (5, .matmul)
    default: return nil
    }
  }

  /// factor := ('+' | '-' | '~') factor | power
  mutating func parseFactor() throws(PySyntaxError) -> PyExpr {
    // Most factors start with no sign and no keyword: asked of the token's fields in place.
    let i = min(index, tokens.count - 1)
    let o = tokens[i].op
    if !tokens[i].isKeyword, o != "-", o != "+", o != "~" { return try parsePower() }
    let token = peek()
    let op: PyUnaryOp
    switch token.kind {
    case .op("-"): op = .minus
    case .op("+"): op = .plus
    case .op("~"): op = .invert
    case .name("await"): throw refused(token)
    default: return try parsePower()
    }
    advance()
    // -9223372036854775808 is an int although its digits alone are not.
    if op == .minus, case .int(let digits, let radix) = peek().kind, peek(1).kind != .op("**"),
      peek(1).kind != .op("."), peek(1).kind != .op("["), peek(1).kind != .op("("),
      let value = Int("-" + digits, radix: radix)
    {
      let literal = consume()
      return PyExpr(.int(value), token.range.union(literal.range))
    }
    try enter(token)
    defer { depth -= 1 }
    let operand = try parseFactor()
    return PyExpr(.unary(op, operand), token.range.union(operand.range))
  }

  /// power := primary ('**' factor)?
  mutating func parsePower() throws(PySyntaxError) -> PyExpr {
    let base = try parsePrimary()
    guard let op = consume(if: "**") else { return base }
    try enter(op)
    defer { depth -= 1 }
    let exponent = try parseFactor()
    return PyExpr(.binary(.pow, base, exponent), base.range.union(exponent.range))
  }

  /// comprehension := ('for' star_targets 'in' disjunction ('if' disjunction)*)+
  mutating func parseComprehensionClauses() throws(PySyntaxError) -> [PyComprehension] {
    var clauses: [PyComprehension] = []
    while consume(keyword: "for") != nil {
      let target = try parseTargetList()
      try checkTarget(target, context: .forLoop)
      guard consume(keyword: "in") != nil else { throw invalid(peek()) }
      let iterable = try parseDisjunction()
      var conditions: [PyExpr] = []
      while consume(keyword: "if") != nil { conditions.append(try parseDisjunction()) }
      clauses.append(PyComprehension(target: target, iterable: iterable, conditions: conditions))
    }
    return clauses
  }

  /// star_targets := star_target (',' star_target)* ','?     star_target := '*'? bitwise_or
  mutating func parseTargetList() throws(PySyntaxError) -> PyExpr {
    func one(_ p: inout PyParser) throws(PySyntaxError) -> PyExpr {
      if let star = p.consume(if: "*") {
        let value = try p.parseBitOr()
        return PyExpr(.starred(value), star.range.union(value.range))
      }
      return try p.parseBitOr()
    }
    let first = try one(&self)
    guard at(",") else { return first }
    var items = [first]
    var end = first.range
    while let comma = consume(if: ",") {
      end = comma.range
      if atKeyword("in") || at("=") { break }
      let item = try one(&self)
      items.append(item)
      end = item.range
    }
    return PyExpr(.tuple(items), first.range.union(end))
  }
}
