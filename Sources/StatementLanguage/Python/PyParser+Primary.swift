/// Primaries: an atom and its trailers (attributes, calls with their arguments, subscripts
/// and slices).
extension PyParser {
  /// primary := atom ('.' NAME | '(' arguments? ')' | '[' slices ']')*
  mutating func parsePrimary() throws(PySyntaxError) -> PyExpr {
    var value = try parseAtom()
    while true {
      if consume(if: ".") != nil {
        let token = peek()
        guard case .name(let name) = token.kind, !pyKeywords.contains(name) else {
          throw invalid(token)
        }
        consume()
        value = PyExpr(
          .attribute(value, name: name, nameRange: token.range), value.range.union(token.range))
      } else if at("(") {
        let open = consume()
        let arguments = try parseArguments(open: open)
        let close = try expect(")")
        value = PyExpr(.call(value, arguments), value.range.union(close.range))
      } else if at("[") {
        consume()
        let index = try parseSlices()
        let close = try expect("]")
        value = PyExpr(.subscript(value, index), value.range.union(close.range))
      } else {
        return value
      }
    }
  }

  /// slices := slice (',' slice)* ','?      slice := expression? ':' expression? (':' expression?)?
  ///   | expression
  mutating func parseSlices() throws(PySyntaxError) -> PyExpr {
    let first = try parseSlice()
    guard at(",") else { return first }
    var items = [first]
    var end = first.range
    while let comma = consume(if: ",") {
      end = comma.range
      if at("]") { break }
      let item = try parseSlice()
      items.append(item)
      end = item.range
    }
    return PyExpr(.tuple(items), first.range.union(end))
  }

  mutating func parseSlice() throws(PySyntaxError) -> PyExpr {
    let start = peek().range
    let lower = at(":") ? nil : try parseNamedExpression()
    guard let colon = consume(if: ":") else {
      guard let lower else { throw invalid(peek()) }
      return lower
    }
    var end = colon.range
    let upper = at(":") || at(",") || at("]") ? nil : try parseExpression()
    if let upper { end = upper.range }
    var step: PyExpr?
    if let second = consume(if: ":") {
      end = second.range
      step = at(",") || at("]") ? nil : try parseExpression()
      if let step { end = step.range }
    }
    return PyExpr(
      .slice(lower: lower, upper: upper, step: step), (lower?.range ?? start).union(end))
  }

  /// arguments := argument (',' argument)* ','?
  /// argument := NAME '=' expression | '*' expression | '**' expression | expression
  ///   | expression for_if_clauses   (a generator, as the only argument)
  mutating func parseArguments(open: PyToken) throws(PySyntaxError) -> [PyCallArgument] {
    var arguments: [PyCallArgument] = []
    var sawKeyword = false
    var sawDoubleStar = false
    var keywords: Set<String> = []
    while !at(")") {
      let token = peek()
      if consume(if: "*") != nil {
        if sawDoubleStar {
          throw PySyntaxError(
            "iterable argument unpacking follows keyword argument unpacking", at: token.range)
        }
        arguments.append(.star(try parseExpression()))
      } else if consume(if: "**") != nil {
        sawDoubleStar = true
        arguments.append(.doubleStar(try parseExpression()))
      } else if case .name(let name) = token.kind, peek(1).kind == .op("="),
        !pyKeywords.contains(name)
      {
        consume()
        consume()
        guard keywords.insert(name).inserted else {
          throw PySyntaxError("keyword argument repeated: \(name)", at: token.range)
        }
        sawKeyword = true
        arguments.append(.keyword(name: name, nameRange: token.range, try parseExpression()))
      } else {
        let value = try parseNamedExpression()
        if at("=") {
          throw PySyntaxError(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            at: value.range.union(peek().range))
        }
        if atKeyword("for") {
          let clauses = try parseComprehensionClauses()
          let generator = PyExpr(
            .generator(value, clauses), value.range.union(tokens[index - 1].range))
          if !arguments.isEmpty || at(",") && peek(1).kind != .op(")") {
            throw PySyntaxError(
              "Generator expression must be parenthesized", at: generator.range)
          }
          arguments.append(.positional(generator))
        } else {
          if sawDoubleStar {
            throw PySyntaxError(
              "positional argument follows keyword argument unpacking", at: value.range)
          }
          if sawKeyword {
            throw PySyntaxError("positional argument follows keyword argument", at: value.range)
          }
          arguments.append(.positional(value))
        }
      }
      guard consume(if: ",") != nil else {
        if !at(")") && !at(.end) && startsExpression() {
          throw PySyntaxError(
            "invalid syntax. Perhaps you forgot a comma?",
            at: (arguments.last?.range ?? open.range).union(peek().range))
        }
        break
      }
    }
    return arguments
  }
}
