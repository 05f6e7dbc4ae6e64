import StatementLanguage
import Testing

/// statement := command | assignment | expr | (empty)
@Suite struct StatementTests {
  static let commands: Set<String> = ["apply", "summary", "help", "quit", "exit"]

  @Test(arguments: ["", "   ", "# a comment", "  # indented comment", "\t", "#"])
  func blankAndCommentLinesAreEmpty(line: String) {
    #expect(parsed(line, commands: Self.commands) == .empty)
  }

  @Test(arguments: [
    ("x = 3", "x = 3"), ("x=3", "x = 3"), ("d = Dense(10)", "d = Dense(10)"),
    ("y = Conv2D(8, 3)(x)", "y = Conv2D(8, 3)(x)"),
    ("x = Input((None, 3))", "x = Input((None, 3))"),
    ("café = Dense(2)", "café = Dense(2)"), ("_ = x", "_ = x"), ("x = -1  # why not", "x = -1"),
    ("z = [a, b]", "z = [a, b]"), ("x = None", "x = None"),
  ])
  func assignments(input: String, expected: String) {
    #expect(parsed(input).map(render) == expected)
  }

  @Test(arguments: [
    ("y, h, c = LSTM(8, return_state=True)(x)", "y, h, c = LSTM(8, return_state=True)(x)"),
    ("a, b = mha(q, v)", "a, b = mha(q, v)"), ("a, = f(x)", "a = f(x)"),
    ("a,b=t", "a, b = t"),
  ])
  func unpackings(input: String, expected: String) {
    #expect(parsed(input).map(render) == expected)
  }

  @Test func unpackingTargetsKeepTheirRanges() {
    guard case .unpacking(let targets, _)? = parsed("out, scores = mha(q, v)") else {
      Issue.record("not an unpacking")
      return
    }
    #expect(
      targets == [
        Target(name: "out", range: .init(0, 3)), Target(name: "scores", range: .init(5, 11)),
      ])
  }

  @Test func assignmentRanges() {
    #expect(
      parsed("café = Dense(2)")
        == .assignment(
          target: "café", targetRange: SourceRange(0, 4),
          value: .call(
            Call(
              callee: .name(["Dense"], .init(7, 12)),
              arguments: [Argument(label: nil, labelRange: nil, value: .int(2, .init(13, 14)))],
              range: SourceRange(7, 15)))))
  }

  @Test(arguments: [
    ("x", "x"), ("Dense(3)  # a layer", "Dense(3)"), ("  x  ", "x"),
    ("keras.layers", "keras.layers"),
  ])
  func expressions(input: String, expected: String) {
    #expect(parsed(input).map(render) == expected)
  }

  @Test(arguments: [
    ("summary", "summary", "", SourceRange(0, 7)),
    ("apply 224x224", "apply", "224x224", SourceRange(0, 13)),
    ("apply 100", "apply", "100", SourceRange(0, 9)),
    ("apply img=224x224 seq=100", "apply", "img=224x224 seq=100", SourceRange(0, 25)),
    ("apply batch=8", "apply", "batch=8", SourceRange(0, 13)),
    ("apply", "apply", "", SourceRange(0, 5)),
    ("help", "help", "", SourceRange(0, 4)),
    ("help Conv2D", "help", "Conv2D", SourceRange(0, 11)),
    ("quit", "quit", "", SourceRange(0, 4)),
    ("exit  ", "exit", "", SourceRange(0, 4)),
    ("  apply   224x224   # the usual", "apply", "224x224", SourceRange(2, 17)),
    ("apply -1", "apply", "-1", SourceRange(0, 8)),
    ("apply == 3", "apply", "== 3", SourceRange(0, 10)),
    (#"help "unterminated"#, "help", #""unterminated"#, SourceRange(0, 18)),
    ("help 'a # b' # c", "help", "'a # b'", SourceRange(0, 12)),
    ("summary # c", "summary", "", SourceRange(0, 7)),
    ("help é", "help", "é", SourceRange(0, 6)),
  ])
  func commands(input: String, name: String, argument: String, range: SourceRange) {
    #expect(
      parsed(input, commands: Self.commands)
        == .command(name: name, argument: argument, range: range))
  }

  @Test(arguments: [
    ("summary = Dense(3)", "summary = Dense(3)"), ("help(x)", "help(x)"),
    ("help.x", "help.x"), ("apply(3)", "apply(3)"), ("x", "x"), ("summaryx", "summaryx"),
  ])
  func commandWordsUsedAsCodeAreCode(input: String, expected: String) {
    #expect(parsed(input, commands: Self.commands).map(render) == expected)
  }

  @Test func onlyListedWordsAreCommands() {
    #expect(parsed("summary", commands: []) == .expression(.name(["summary"], .init(0, 7))))
    #expect(parsed("show x", commands: ["show"]).map(render) == "command show [x]")
  }

  @Test func commandArgumentRange() {
    let apply = parsed("  apply   224x224   # c", commands: Self.commands)
    #expect(apply?.commandArgumentRange == SourceRange(10, 17))
    #expect(parsed("apply", commands: Self.commands)?.commandArgumentRange == SourceRange(5, 5))
    #expect(parsed("x")?.commandArgumentRange == nil)
  }
}
