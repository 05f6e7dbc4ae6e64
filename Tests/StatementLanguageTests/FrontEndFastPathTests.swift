import Testing

@testable import StatementLanguage

/// The statement front end's shortcuts against the plain ways they replace: each answers as the
/// slower code did, on the inputs that take the shortcut and on those that leave it.
@Suite struct FrontEndFastPathTests {
  static let commandWords: Set<String> = ["apply", "summary", "scan", "help", "export", "quit"]

  static let lines = [
    "apply 224x224", "  apply", "\tsummary --keras", "apply(3)", "applyx", "appl", "Apply 3",
    "summary", "summaryz 1", "x = 1", "Dense(8)", "h1 = Dense(8)(h0)", "", " ", "\u{00A0}apply 3",
    "\u{3000}help", "é = 1", "help?", "quit", "q", "help Dense", "scan1", "\r\nscan", "\u{0B}scan",
    "export json a.json", "exporter", "x", "apply\u{301} 3", "(apply", "1apply", "_apply",
    "Summary", "#apply", "\u{1F}apply", "~quit", "zapply", "h = 1", "h", "hel p", "HELP", "Help 3",
    "qu", "e", "s1 = 2", "Quit", "QUIT", "a" + String(repeating: "b", count: 70),
  ]

  @Test func leadingWordsAgreeWithTheSetOfWords() {
    let words = LeadingWords(Self.commandWords)
    for line in Self.lines {
      let expected = Self.commandWords.contains(String(Parser.leadingLetters(line)))
      #expect(words.containsLeadingWord(of: line) == expected, "\(line.debugDescription)")
      // A line made on the heap (not a small string) answers the same.
      let long = line + String(repeating: " ", count: 40)
      let expectedLong = Self.commandWords.contains(String(Parser.leadingLetters(long)))
      #expect(words.containsLeadingWord(of: long) == expectedLong, "\(long.debugDescription)")
    }
    #expect(!LeadingWords([]).containsLeadingWord(of: "apply"))
  }

  @Test func keywordsAreFoundAsTheSetFindsThem() {
    var names = Array(pyKeywords)
    for keyword in pyKeywords {
      names += [keyword + "s", String(keyword.dropLast()), keyword.uppercased(), "_" + keyword]
    }
    names += ["", "Dense", "h1", "padding", "x", "é", "None2", "n", "TrueFalse", "lambda_"]
    for name in names {
      #expect(isPyKeyword(name) == pyKeywords.contains(name), "\(name.debugDescription)")
    }
  }

  @Test func anOperatorKeepsItsSpelling() {
    var codes = Set<UInt32>()
    for op in PyLexer.operators {
      let packed = PyOp(op)
      #expect(packed.text == op)
      #expect(packed.description == op)
      #expect(packed.count == op.utf8.count)
      #expect(packed.first == op.utf8.first)
      codes.insert(packed.code)
    }
    #expect(codes.count == PyLexer.operators.count)
    // Literals (one character or more) are the same operators.
    #expect(PyOp("(") == "(")
    #expect(PyOp("**=") == "**=")
    #expect(PyOp("...") == "...")
    #expect(PyOp("->") != "-")
  }

  @Test func theBracketStackPopsInOrderPastItsInlineWords() {
    var stack = BracketStack()
    var model: [UInt8] = []
    let opens: [UInt8] = [0x28, 0x5B, 0x7B]
    for i in 0..<100 {
      stack.push(opens[(i * 7) % 3])
      model.append(opens[(i * 7) % 3])
      if i % 5 == 4 {
        #expect(stack.pop() == model.popLast())
      }
    }
    while let expected = model.popLast() { #expect(stack.pop() == expected) }
    #expect(stack.pop() == nil)
    #expect(stack.isEmpty)
  }

  @Test func deepBracketsScanAsTheLexerScansThem() {
    for depth in [31, 32, 33, 40, 64, 150] {
      let open = (0..<depth).map { ["(", "[", "{1: "][$0 % 3] }
      let close = (0..<depth).reversed().map { [")", "]", "}"][$0 % 3] }
      let text = "x = " + open.joined() + "1" + close.joined()
      #expect(ByteScannerTests.agrees(text), "depth \(depth)")
      // A wrong closer deep inside is refused by the fast path and reported by the lexer.
      let wrong = "x = " + open.joined() + "1" + close.dropFirst().joined() + ")"
      #expect(PyByteScanner.tokens(wrong) == nil || ByteScannerTests.lexed(wrong) != nil)
    }
  }

  @Test func assignmentsKeepTheirTargetsInOrder() throws {
    let program = try PyParser.parse("a = b.c = d[0] = f(1)")
    guard case .assign(let targets, let value) = program.statements.first?.kind else {
      Issue.record("not an assignment")
      return
    }
    #expect(targets.count == 3)
    if case .name("a") = targets[0].kind {} else { Issue.record("first target") }
    if case .attribute(_, name: "c", _) = targets[1].kind {} else { Issue.record("second") }
    if case .subscript = targets[2].kind {} else { Issue.record("third target") }
    if case .call = value.kind {} else { Issue.record("value") }
    // A target checked after the chain is read: Python's message for the literal target.
    #expect(throws: PySyntaxError.self) { try PyParser.parse("a = 1 = b") }
  }

  @Test func aStatementStartingWithANameSkipsOnlyTheKeywordCases() throws {
    // Names that begin like keywords, and keywords, each parse as Python reads them.
    let ok = ["iff = 1", "format = 2", "passed = 3", "None_ = 4", "x = None", "y = True"]
    for text in ok { _ = try PyParser.parse(text) }
    for text in ["pass", "del x", "global g", "assert x, 'm'", "raise ValueError('v')"] {
      let program = try PyParser.parse(text)
      #expect(program.statements.count == 1)
    }
    #expect(throws: PySyntaxError.self) { try PyParser.parse("return 1") }
    #expect(throws: PySyntaxError.self) { try PyParser.parse("class A: pass") }
  }
}
