/// Primaries: an atom and its trailers (attributes, calls with their arguments, subscripts
/// and slices).
extension PyParser {
  /// primary := atom ('.' NAME | '(' arguments? ')' | '[' slices ']')*
  mutating func parsePrimary() throws(PySyntaxError) -> PyExpr {
    var value = try parseAtom()
    while true {
      if skip(".") {
        let i = min(index, tokens.count - 1)
        guard tokens[i].isIdentifier, let name = self.name(at: i) else { throw invalid(peek()) }
        let range = tokens[i].range
        advance()
        value = PyExpr(.attribute(value, name: name, nameRange: range), value.range.union(range))
      } else if at("(") {
        let open = nextRange
        advance()
        let arguments = try parseArguments(open: open)
        let close = try expect(")")
        value = PyExpr(.call(value, arguments), value.range.union(close))
      } else if at("[") {
        advance()
        let index = try parseSlices()
        let close = try expect("]")
        value = PyExpr(.subscript(value, index), value.range.union(close))
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
  mutating func parseArguments(open: SourceRange) throws(PySyntaxError) -> [PyCallArgument] {
    var arguments: [PyCallArgument] = []
    var sawKeyword = false
    var sawDoubleStar = false
    var keywords: Set<String> = []
    while !at(")") {
      let range = nextRange
      if skip("*") {
        if sawDoubleStar {
          throw PySyntaxError(
            "iterable argument unpacking follows keyword argument unpacking", at: range)
        }
        arguments.appendSized(.star(try parseExpression()))
      } else if skip("**") {
        sawDoubleStar = true
        arguments.appendSized(.doubleStar(try parseExpression()))
      } else if at("=", ahead: 1), tokens[min(index, tokens.count - 1)].isIdentifier,
        let name = self.name(at: min(index, tokens.count - 1))
      {
        advance()
        advance()
        guard keywords.insert(name).inserted else {
          throw PySyntaxError("keyword argument repeated: \(name)", at: range)
        }
        sawKeyword = true
        arguments.appendSized(.keyword(name: name, nameRange: range, try parseExpression()))
      } else {
        // A name or an integer alone (`Dense(8)`, `f(x, y)`) is its atom: the expression rules
        // would hand it up unchanged, and nothing after it is `=`, `:=` or `for` (their depth
        // check passes: it is below the cap).
        let leaf =
          primaryShortcut && depth < Self.maxDepth && leafEndsExpression()
          && (at(",", ahead: 1) || at(")", ahead: 1))
        let value = leaf ? try parseAtom() : try parseNamedExpression()
        if !leaf, at("=") {
          throw PySyntaxError(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            at: value.range.union(peek().range))
        }
        if !leaf, atKeyword("for") {
          let clauses = try parseComprehensionClauses()
          let generator = PyExpr(
            .generator(value, clauses), value.range.union(tokens[index - 1].range))
          if !arguments.isEmpty || at(",") && peek(1).kind != .op(")") {
            throw PySyntaxError(
              "Generator expression must be parenthesized", at: generator.range)
          }
          arguments.appendSized(.positional(generator))
        } else {
          if sawDoubleStar {
            throw PySyntaxError(
              "positional argument follows keyword argument unpacking", at: value.range)
          }
          if sawKeyword {
            throw PySyntaxError("positional argument follows keyword argument", at: value.range)
          }
          arguments.appendSized(.positional(value))
        }
      }
      guard skip(",") else {
        if !at(")") && !at(.end) && startsExpression() {
          throw PySyntaxError(
            "invalid syntax. Perhaps you forgot a comma?",
            at: (arguments.last?.range ?? open).union(peek().range))
        }
        break
      }
    }
    return arguments
  }
}

extension PyParser {
  /// Looked at before parsing: whether the next tokens are a primary (an atom and its trailers,
  /// within `primaryLookahead` tokens) followed by a token no expression rule continues with
  /// (`)`, `]`, `}`, `,`, `:`, `=`, `;`, the line's end). Then `expression` is that primary:
  /// no `not`, sign, `await` or `lambda` before it, no operator, `if` or `for` after it. The
  /// scanner has matched the brackets, so a bracket's partner ends what `parsePrimary` reads
  /// (when it reads it without error; when not, it fails as the full rules would).
  func primaryEndsExpression() -> Bool {
    // The tokens' tags and operators are read, not their kinds (matching a kind copies it).
    var i = index
    let limit = min(tokens.count, index + Self.primaryLookahead)
    guard i < limit else { return false }
    switch tokens[i].tag {
    case .name:
      if tokens[i].isKeyword {
        guard case .name(let n) = tokens[i].kind, n == "None" || n == "True" || n == "False"
        else { return false }
      }
      i += 1
    case .int, .float: i += 1
    case .string:
      while i < limit, tokens[i].tag == .string { i += 1 }
    case .op:
      let o = tokens[i].op
      guard o == "(" || o == "[" || o == "{", let end = closing(i, limit) else { return false }
      i = end + 1
    default: return false
    }
    while i < limit {
      switch tokens[i].tag {
      case .op:
        let o = tokens[i].op
        if o == "(" || o == "[" {
          guard let end = closing(i, limit) else { return false }
          i = end + 1
        } else if o == "." {
          guard i + 1 < limit, tokens[i + 1].tag == .name else { return false }
          i += 2
        } else {
          return o == ")" || o == "]" || o == "}" || o == "," || o == ":" || o == "=" || o == ";"
        }
      case .newline, .end: return true
      default: return false
      }
    }
    return false
  }

  /// Whether the next token is a name that is no keyword, or an integer, and the token after
  /// it one no expression rule continues with (as `primaryEndsExpression` lists them): then
  /// `expression` is that atom.
  func leafEndsExpression() -> Bool {
    let i = index
    guard i + 1 < tokens.count else { return false }
    switch tokens[i].tag {
    case .name: if tokens[i].isKeyword { return false }
    case .int: break
    default: return false
    }
    switch tokens[i + 1].tag {
    case .newline, .end: return true
    case .op:
      let o = tokens[i + 1].op
      return o == ")" || o == "]" || o == "}" || o == "," || o == ":" || o == "=" || o == ";"
    default: return false
    }
  }

  /// The lookahead's bound, so that nested expressions cost linear time.
  static let primaryLookahead = 48

  /// The index of the bracket closing the one at `open`, before `limit`.
  private func closing(_ open: Int, _ limit: Int) -> Int? {
    var depth = 0
    var i = open
    while i < limit {
      let o = tokens[i].op
      if o.code != 0, o.count == 1 {
        let f = o.first
        if f == 0x28 || f == 0x5B || f == 0x7B {
          depth += 1
        } else if f == 0x29 || f == 0x5D || f == 0x7D {
          depth -= 1
          if depth == 0 { return i }
        }
      }
      i += 1
    }
    return nil
  }
}
