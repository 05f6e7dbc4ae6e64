/// `try` and `with` statements, as CPython 3.11 parses them (`except*`, for exception groups, is
/// refused; so is a parenthesized list of `with` items).
extension PyParser {
  /// try_stmt := 'try' ':' block (except_block+ ['else' ':' block] ['finally' ':' block]
  ///           | 'finally' ':' block)
  /// except_block := 'except' [expression ['as' NAME]] ':' block
  mutating func parseTry() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    try expectColon()
    let body = try parseBlock(after: "'try' statement", at: keyword.range.start)
    var handlers: [PyExceptHandler] = []
    var end = span(keyword.range, body)
    while let except = consume(keyword: "except") {
      if at("*") {
        throw PySyntaxError(
          "'except*' (exception groups) is not supported by kshape", at: peek().range)
      }
      if let bare = handlers.last, bare.type == nil {
        throw PySyntaxError("default 'except:' must be last", at: bare.range)
      }
      var type: PyExpr? = nil
      var name: String? = nil
      if !at(":") {
        let first = try parseExpression()
        if at(",") {
          // `except A, B:` (Python 2): CPython's message.
          var last = first
          while skip(",") { last = try parseExpression() }
          throw PySyntaxError(
            "multiple exception types must be parenthesized", at: first.range.union(last.range))
        }
        type = first
        if consume(keyword: "as") != nil {
          name = try parseName().0
          // `as e.x:`, `as (e):`: CPython's "invalid syntax" at what follows the name.
          if !at(":") { throw invalid(peek()) }
        }
      }
      try expectColon()
      let block = try parseBlock(after: "'except' statement", at: except.range.start)
      handlers.append(PyExceptHandler(type: type, name: name, body: block, range: except.range))
      end = span(end, block)
    }
    var orElse: [PyStmt] = []
    if !handlers.isEmpty, let elseToken = consume(keyword: "else") {
      try expectColon()
      orElse = try parseBlock(after: "'else' statement", at: elseToken.range.start)
      end = span(end, orElse)
    }
    var final: [PyStmt] = []
    if let finallyToken = consume(keyword: "finally") {
      try expectColon()
      final = try parseBlock(after: "'finally' statement", at: finallyToken.range.start)
      end = span(end, final)
    } else if handlers.isEmpty {
      throw PySyntaxError("expected 'except' or 'finally' block", at: peek().range)
    }
    return PyStmt(.try(body: body, handlers: handlers, orElse: orElse, final: final), end)
  }

  /// with_stmt := 'with' with_item (',' with_item)* ':' block
  /// with_item := expression ['as' star_target]
  mutating func parseWith() throws(PySyntaxError) -> PyStmt {
    let keyword = consume()
    var items: [(context: PyExpr, target: PyExpr?)] = []
    repeat {
      let context = try parseExpression()
      var target: PyExpr? = nil
      if consume(keyword: "as") != nil {
        // One target (`as (a, b)` for several): a comma starts the next item.
        let parsed = try parseBitOr()
        try checkTarget(parsed, context: .forLoop)
        target = parsed
      }
      items.append((context, target))
    } while skip(",")
    try expectColon()
    let body = try parseBlock(after: "'with' statement", at: keyword.range.start)
    return PyStmt(.with(items, body: body), span(keyword.range, body))
  }
}
