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
    switch peek().kind {
    case .name(let n):
      return !pyKeywords.contains(n)
        || ["None", "True", "False", "not", "lambda", "await"].contains(n)
    case .int, .float, .string: return true
    case .op(let o): return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(o)
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
    try enter(peek())
    defer { depth -= 1 }
    if atKeyword("lambda") { return try parseLambda() }
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
    switch peek().kind {
    case .op(let o):
      guard let op = PyCompareOp(rawValue: o) else { return nil }
      consume()
      return op
    case .name("in"):
      consume()
      return .in
    case .name("not") where peek(1).kind == .name("in"):
      consume()
      consume()
      return .notIn
    case .name("is"):
      consume()
      return consume(keyword: "not") != nil ? .isNot : .is
    default: return nil
    }
  }

  /// A left-associative rule: `next (op next)*` for the operators given.
  mutating func parseBinary(
    _ operators: [(String, PyBinaryOp)],
    _ next: (inout PyParser) throws(PySyntaxError) -> PyExpr
  ) throws(PySyntaxError) -> PyExpr {
    var left = try next(&self)
    while case .op(let o) = peek().kind, let op = operators.first(where: { $0.0 == o })?.1 {
      consume()
      let right = try next(&self)
      left = PyExpr(.binary(op, left, right), left.range.union(right.range))
    }
    return left
  }

  // Each rule's operators, made once (a few, so a scan beats hashing).
  static let bitOrOperators: [(String, PyBinaryOp)] = [("|", .bitor)]
  static let bitXorOperators: [(String, PyBinaryOp)] = [("^", .bitxor)]
  static let bitAndOperators: [(String, PyBinaryOp)] = [("&", .bitand)]
  static let shiftOperators: [(String, PyBinaryOp)] = [("<<", .lshift), (">>", .rshift)]
  static let sumOperators: [(String, PyBinaryOp)] = [("+", .add), ("-", .sub)]
  static let termOperators: [(String, PyBinaryOp)] = [
    ("*", .mul), ("/", .truediv), ("//", .floordiv), ("%", .mod), ("@", .matmul),
  ]

  /// bitwise_or := bitwise_xor ('|' bitwise_xor)*
  mutating func parseBitOr() throws(PySyntaxError) -> PyExpr {
    try parseBinary(Self.bitOrOperators) { p throws(PySyntaxError) in try p.parseBitXor() }
  }

  /// bitwise_xor := bitwise_and ('^' bitwise_and)*
  mutating func parseBitXor() throws(PySyntaxError) -> PyExpr {
    try parseBinary(Self.bitXorOperators) { p throws(PySyntaxError) in try p.parseBitAnd() }
  }

  /// bitwise_and := shift_expr ('&' shift_expr)*
  mutating func parseBitAnd() throws(PySyntaxError) -> PyExpr {
    try parseBinary(Self.bitAndOperators) { p throws(PySyntaxError) in try p.parseShift() }
  }

  /// shift_expr := sum (('<<' | '>>') sum)*
  mutating func parseShift() throws(PySyntaxError) -> PyExpr {
    try parseBinary(Self.shiftOperators) { p throws(PySyntaxError) in try p.parseSum() }
  }

  /// sum := term (('+' | '-') term)*
  mutating func parseSum() throws(PySyntaxError) -> PyExpr {
    try parseBinary(Self.sumOperators) { p throws(PySyntaxError) in try p.parseTerm() }
  }

  /// term := factor (('*' | '/' | '//' | '%' | '@') factor)*
  mutating func parseTerm() throws(PySyntaxError) -> PyExpr {
    try parseBinary(Self.termOperators) {
      p throws(PySyntaxError) in try p.parseFactor()
    }
  }

  /// factor := ('+' | '-' | '~') factor | power
  mutating func parseFactor() throws(PySyntaxError) -> PyExpr {
    let token = peek()
    let op: PyUnaryOp
    switch token.kind {
    case .op("-"): op = .minus
    case .op("+"): op = .plus
    case .op("~"): op = .invert
    case .name("await"): throw refused(token)
    default: return try parsePower()
    }
    consume()
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
