/// Atoms (names, literals, displays, comprehensions) and parameter lists.
extension PyParser {
  /// atom := NAME | 'True' | 'False' | 'None' | '...' | NUMBER | STRING+ | tuple | group
  ///   | genexp | list | listcomp | dict | set | dictcomp | setcomp
  mutating func parseAtom() throws(PySyntaxError) -> PyExpr {
    // The token is read in place (a copy retains its payload, and releases it).
    let i = min(index, tokens.count - 1)
    let range = tokens[i].range
    // An identifier or an integer (most atoms): its payload read through a pointer, where the
    // match below copies the whole token.
    switch tokens[i].tag {
    case .name where !tokens[i].isKeyword:
      let name = self.name(at: i) ?? ""
      advance()
      return PyExpr(.name(name), range)
    case .int:
      let value = tokens.withUnsafeBufferPointer { buffer -> Int? in
        if case .int(let digits, let radix) = buffer[i].kind { return Int(digits, radix: radix) }
        return nil
      }
      advance()
      guard let value else {
        throw PySyntaxError(
          "OverflowError", "integer literal too large for kshape's 64-bit integers", at: range)
      }
      return PyExpr(.int(value), range)
    default: break
    }
    switch tokens[i].kind {
    case .name(let name):
      // `True`, `False` and `None` are keywords: other names are not compared with them.
      if tokens[i].isKeyword {
        if name == "True" || name == "False" {
          advance()
          return PyExpr(.bool(name == "True"), range)
        }
        if name == "None" {
          advance()
          return PyExpr(.none, range)
        }
        if ["yield", "await", "async", "class", "with", "try"].contains(name) {
          throw refused(peek())
        }
        throw invalid(peek())
      }
      advance()
      return PyExpr(.name(name), range)
    case .int(let digits, let radix):
      advance()
      guard let value = Int(digits, radix: radix) else {
        throw PySyntaxError(
          "OverflowError", "integer literal too large for kshape's 64-bit integers",
          at: range)
      }
      return PyExpr(.int(value), range)
    case .float(let value):
      advance()
      return PyExpr(.float(value), range)
    case .string: return try parseStrings()
    case .op("..."):
      advance()
      return PyExpr(.ellipsis, range)
    case .op("("): return try parseParenthesized()
    case .op("["): return try parseList()
    case .op("{"): return try parseBraces()
    default:
      throw invalid(peek())
    }
  }

  /// group := '(' (yield | named_expression) ')'      tuple := '(' (star_expression ',' ...)? ')'
  /// genexp := '(' named_expression for_if_clauses ')'
  mutating func parseParenthesized() throws(PySyntaxError) -> PyExpr {
    let open = consume()
    if let close = consume(if: ")") { return PyExpr(.tuple([]), open.range.union(close.range)) }
    if atKeyword("yield") { throw refused(peek()) }
    let first = at("*") ? try parseStarExpression() : try parseNamedExpression()
    if atKeyword("for") {
      let clauses = try parseComprehensionClauses()
      let close = try expect(")")
      return PyExpr(.generator(first, clauses), open.range.union(close))
    }
    if let close = consume(if: ")") {
      if case .starred = first.kind {
        throw PySyntaxError("cannot use starred expression here", at: first.range)
      }
      // Parentheses group: the expression keeps its own range, as Python's tree does.
      _ = close
      return first
    }
    let items = try parseRestOfSequence(first: first, closer: ")")
    let close = try expect(")")
    return PyExpr(.tuple(items), open.range.union(close))
  }

  /// After a first item: `(',' star_expression)* ','?` up to `closer`; a missing comma gets
  /// Python's hint.
  mutating func parseRestOfSequence(first: PyExpr, closer: PyOp) throws(PySyntaxError)
    -> [PyExpr]
  {
    var items = [first]
    while skip(",") {
      if at(closer) { break }
      items.append(try parseStarExpression())
    }
    if !at(closer) && startsExpression() {
      throw PySyntaxError(
        "invalid syntax. Perhaps you forgot a comma?",
        at: (items.last?.range ?? first.range).union(peek().range))
    }
    return items
  }

  /// list := '[' star_expressions? ']'      listcomp := '[' named_expression for_if_clauses ']'
  mutating func parseList() throws(PySyntaxError) -> PyExpr {
    let open = consume()
    if let close = consume(if: "]") { return PyExpr(.list([]), open.range.union(close.range)) }
    let first = try parseStarExpression()
    if atKeyword("for") {
      let clauses = try parseComprehensionClauses()
      let close = try expect("]")
      return PyExpr(.listComp(first, clauses), open.range.union(close))
    }
    let items = try parseRestOfSequence(first: first, closer: "]")
    let close = try expect("]")
    return PyExpr(.list(items), open.range.union(close))
  }

  /// dict := '{' (kvpair | '**' bitwise_or) (',' ...)* ','? '}'     set := '{' star_expressions '}'
  /// dictcomp := '{' kvpair for_if_clauses '}'       setcomp := '{' expression for_if_clauses '}'
  mutating func parseBraces() throws(PySyntaxError) -> PyExpr {
    let open = consume()
    if let close = consume(if: "}") { return PyExpr(.dict([]), open.range.union(close.range)) }
    var firstItem: PyDictItem
    if skip("**") {
      firstItem = .unpack(try parseBitOr())
    } else {
      let first = try parseStarExpression()
      if !skip(":") {
        if atKeyword("for") {
          let clauses = try parseComprehensionClauses()
          let close = try expect("}")
          return PyExpr(.setComp(first, clauses), open.range.union(close))
        }
        let items = try parseRestOfSequence(first: first, closer: "}")
        let close = try expect("}")
        return PyExpr(.set(items), open.range.union(close))
      }
      let value = try parseExpression()
      if atKeyword("for") {
        let clauses = try parseComprehensionClauses()
        let close = try expect("}")
        return PyExpr(.dictComp(key: first, value: value, clauses), open.range.union(close))
      }
      firstItem = .pair(first, value)
    }
    var items = [firstItem]
    while skip(",") {
      if at("}") { break }
      if skip("**") {
        items.append(.unpack(try parseBitOr()))
        continue
      }
      let key = try parseExpression()
      try expect(":", "expected ':'")
      items.append(.pair(key, try parseExpression()))
    }
    if !at("}") && startsExpression() {
      throw PySyntaxError("invalid syntax. Perhaps you forgot a comma?", at: peek().range)
    }
    let close = try expect("}")
    return PyExpr(.dict(items), open.range.union(close))
  }

  /// strings := STRING+   (adjacent literals concatenate; any f-string makes the whole an f-string)
  mutating func parseStrings() throws(PySyntaxError) -> PyExpr {
    // A plain string alone (`padding="same"`): its value, read through a pointer.
    let i = min(index, tokens.count - 1)
    if i + 1 < tokens.count, tokens[i + 1].tag != .string {
      let value = tokens.withUnsafeBufferPointer { buffer -> String? in
        if case .string(let piece) = buffer[i].kind, !piece.isFString { return piece.value }
        return nil
      }
      if let value {
        let range = tokens[i].range
        advance()
        return PyExpr(.string(value), range)
      }
    }
    var pieces: [PyStringPiece] = []
    var range = peek().range
    while case .string(let piece) = peek().kind {
      range = range.union(consume().range)
      pieces.append(piece)
    }
    guard pieces.contains(where: \.isFString) else {
      return PyExpr(.string(pieces.map(\.value).joined()), range)
    }
    var parts: [PyFStringPart] = []
    for piece in pieces {
      if piece.isFString {
        parts += try convert(piece.parts)
      } else if !piece.value.isEmpty {
        parts.append(.text(piece.value))
      }
    }
    return PyExpr(.fstring(parts), range)
  }

  /// An f-string's raw pieces with their expressions parsed.
  func convert(_ raw: [PyRawFPart]) throws(PySyntaxError) -> [PyFStringPart] {
    var parts: [PyFStringPart] = []
    for part in raw {
      switch part {
      case .text(let text): parts.append(.text(text))
      case .field(let source, let offset, let conversion, let spec, let selfDoc, let range):
        let tokens = try PyLexer.tokenizeEmbedded(source, offset: offset)
        var parser = PyParser(tokens: tokens, text: text)
        parser.depth = depth
        parser.primaryShortcut = primaryShortcut
        if parser.at(.end) {
          throw PySyntaxError("f-string: empty expression not allowed", at: range)
        }
        let expr = try parser.parseStarExpressions()
        guard parser.at(.end) else {
          throw PySyntaxError("f-string: invalid syntax", at: parser.peek().range)
        }
        parts.append(
          .field(
            expr, conversion: conversion,
            spec: try spec.map { s throws(PySyntaxError) in
              try convert(s)
            }, selfDocumenting: selfDoc))
      }
    }
    return parts
  }

  /// parameters := param (',' param)* ','?     param := NAME (':' expression)? ('=' expression)?
  ///   | '*' NAME? | '**' NAME | '/'
  /// `closer` is `)` for a def and `:` for a lambda (whose parameters have no annotations).
  mutating func parseParameters(closer: PyOp) throws(PySyntaxError) -> [PyParameter] {
    var parameters: [PyParameter] = []
    var names: Set<String> = []
    var sawDefault = false
    var keywordOnly = false
    var sawVarKeywords = false
    var bareStar: PyToken?
    while !at(closer) {
      let token = peek()
      if sawVarKeywords {
        throw PySyntaxError("arguments cannot follow var-keyword argument", at: token.range)
      }
      if skip("/") {
        if parameters.isEmpty || keywordOnly {
          throw PySyntaxError("at least one argument must precede /", at: token.range)
        }
        for i in parameters.indices {
          if case .regular = parameters[i].kind {
            parameters[i].kind = .regular(positionalOnly: true)
          }
        }
      } else if skip("*") {
        if keywordOnly { throw PySyntaxError("* argument may appear only once", at: token.range) }
        keywordOnly = true
        if at(",") || at(closer) {
          bareStar = token
        } else {
          let (name, range) = try parseName()
          if closer == ")", skip(":") { _ = try parseExpression() }
          guard names.insert(name).inserted else { throw duplicate(name, range) }
          parameters.append(
            PyParameter(
              name: name, kind: .varArgs, defaultValue: nil, range: token.range.union(range)))
        }
      } else if skip("**") {
        let (name, range) = try parseName()
        if closer == ")", skip(":") { _ = try parseExpression() }
        guard names.insert(name).inserted else { throw duplicate(name, range) }
        sawVarKeywords = true
        parameters.append(
          PyParameter(
            name: name, kind: .varKeywords, defaultValue: nil, range: token.range.union(range)))
      } else {
        let (name, range) = try parseName()
        if closer == ")", skip(":") { _ = try parseExpression() }
        var defaultValue: PyExpr?
        if skip("=") { defaultValue = try parseExpression() }
        guard names.insert(name).inserted else { throw duplicate(name, range) }
        if keywordOnly {
          bareStar = nil
        } else if defaultValue != nil {
          sawDefault = true
        } else if sawDefault {
          throw PySyntaxError("non-default argument follows default argument", at: range)
        }
        parameters.append(
          PyParameter(
            name: name, kind: keywordOnly ? .keywordOnly : .regular(positionalOnly: false),
            defaultValue: defaultValue, range: range))
      }
      guard skip(",") else { break }
    }
    if let bareStar {
      throw PySyntaxError("named arguments must follow bare *", at: bareStar.range)
    }
    return parameters
  }

  func duplicate(_ name: String, _ range: SourceRange) -> PySyntaxError {
    PySyntaxError("duplicate argument '\(name)' in function definition", at: range)
  }
}
