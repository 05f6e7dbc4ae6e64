extension Parser {
  /// arguments := argument (',' argument)* ','?      -- then ')', after the consumed '('
  ///
  /// Like Python, a positional argument may not follow a keyword argument, and a keyword may
  /// not be given twice.
  mutating func parseArguments(
    opener: Token
  ) throws(Diagnostic) -> (arguments: [Argument], closer: Token) {
    try open(opener)
    defer { openers.removeLast() }
    var arguments: [Argument] = []
    var firstKeyword: Argument?
    while !at(.rightParen) {
      if at(.end) { throw unclosed() }
      let argument = try parseArgument()
      if let label = argument.label {
        if let earlier = arguments.first(where: { $0.label == label }) {
          throw .repeatedKeyword(argument, earlier: earlier)
        }
        firstKeyword = firstKeyword ?? argument
      } else if let firstKeyword {
        throw .positionalAfterKeyword(argument, keyword: firstKeyword)
      }
      arguments.append(argument)
      guard consume(if: .comma) != nil else { break }
    }
    return (arguments, try expect(.rightParen, after: "argument"))
  }

  /// argument := NAME '=' expr | NAME ':' expr | expr
  mutating func parseArgument() throws(Diagnostic) -> Argument {
    guard case .name(let name) = peek().kind, [.equal, .colon].contains(peek(1).kind) else {
      return Argument(label: nil, labelRange: nil, value: try parseExpr())
    }
    let label = consume()
    consume()  // '=' or ':'
    if Self.literal(name, at: label.range) != nil { throw .literalAsLabel(label) }
    return Argument(label: name, labelRange: label.range, value: try parseExpr())
  }
}

// MARK: - Messages

extension Diagnostic {
  static func repeatedKeyword(_ argument: Argument, earlier: Argument) -> Diagnostic {
    let label = argument.label ?? ""
    return Diagnostic(
      "keyword argument '\(label)' is repeated", at: argument.labelRange ?? argument.range,
      hint: "remove one of the two '\(label)' arguments")
  }

  static func positionalAfterKeyword(_ argument: Argument, keyword: Argument) -> Diagnostic {
    Diagnostic(
      "positional argument follows keyword argument", at: argument.range,
      hint: "move it before '\(keyword.label ?? "")', or give it a keyword too")
  }

  static func literalAsLabel(_ label: Token) -> Diagnostic {
    Diagnostic(
      "'\(label.text)' cannot be an argument name", at: label.range,
      hint: "argument names are plain names such as 'padding'")
  }
}
