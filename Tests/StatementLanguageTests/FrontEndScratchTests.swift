import Testing

@testable import StatementLanguage

/// The check a script makes at each line, with its token array kept from line to line, and the
/// parser's in-place questions about tokens, against the plain ways they replace.
@Suite struct FrontEndScratchTests {
  /// Texts the byte scanner takes and texts it leaves to the lexer, complete, incomplete and
  /// invalid, in an order where each follows texts of other kinds.
  static let texts = [
    "Dense(8)", "h1 = Dense(8)(h0)", "x = Input((16,))", "for i in range(3):",
    "for i in range(3):\n    x = Dense(4)(x)\n", "é = Dense(2)", "Dense(8", "x = 1  # note \\",
    "x = 1  # note \\\n", "y = 2 \\", "Dense(8)\r", "if x:\n\tDense(2)\n", "def f(a, b=2):",
    "", "\n", "x = = 1", "print(f'{x}')", "'abc'", "x = [1, 2,\n 3]", "Dense(units=8, name='d')",
    "  Dense(8)", "@dec", "class A:", "while True: pass", "x = 'é' + \"a\"", "Dense(8); Dense(4)",
    "not x", "lambda q: q", "None", "x.y.z(1)[2]", "a, b = 1, 2", "x += 1", "x: int = 3",
    "import keras", "from keras import layers as L", "del x", "assert x, 'm'", "raise",
    "return 1", "global g", "yield 1", "Dense(8)  # comment", "x = 1\ny = 2\n",
  ]

  @Test func aCheckWithKeptRoomAnswersAsAFreshCheck() {
    var scratch = PyScratch()
    // Twice over: the second round starts from room the texts of the first left.
    for text in Self.texts + Self.texts.reversed() {
      let kept = PyParser.check(text, scratch: &scratch)
      let fresh = PyParser.check(text)
      #expect(kept.completeness == fresh.completeness, "\(text.debugDescription)")
      #expect(
        kept.program.map { PyRender.program($0.statements) }
          == fresh.program.map { PyRender.program($0.statements) }, "\(text.debugDescription)")
    }
  }

  /// The check's shortened rules: a text ending with a backslash (or a backslash and a newline)
  /// waits for more, and a block is found as the first token that is not a newline found it.
  @Test func aCheckAnswersAsTheRulesItShortens() {
    for text in Self.texts {
      if text.hasSuffix("\\") || text.hasSuffix("\\\n") {
        #expect(PyParser.check(text).completeness == .incomplete, "\(text.debugDescription)")
      }
      guard let tokens = try? PyLexer.tokenize(text) else { continue }
      let first = tokens.first(where: { $0.kind != .newline })
      let compound: Bool
      switch first?.kind {
      case .name("if")?, .name("for")?, .name("while")?, .name("def")?, .name("class")?,
        .name("with")?, .name("try")?, .op("@")?:
        compound = true
      default: compound = false
      }
      #expect(PyParser.startsCompound(tokens) == compound, "\(text.debugDescription)")
    }
  }

  /// The scanner's own reading of the text's last bytes, against `hasSuffix` on its characters.
  @Test func theScannerSeesATrailingBackslashAsTheCharactersDo() {
    for text in Self.texts + ["\\", "a\\", "# \\\n", "#\\\n\n", "x"] {
      var tokens: [PyToken] = [PyToken(kind: .name("stale"), range: SourceRange(0, 1))]
      guard let ends = PyByteScanner.scan(text, into: &tokens) else { continue }
      #expect(ends == (text.hasSuffix("\\") || text.hasSuffix("\\\n")), "\(text.debugDescription)")
      // The room's old tokens are gone: the tokens are the text's alone.
      #expect(tokens == PyByteScanner.tokens(text), "\(text.debugDescription)")
    }
  }

  @Test func aTokenKnowsWhetherItIsAKeyword() throws {
    for text in Self.texts {
      guard let tokens = try? PyLexer.tokenize(text) else { continue }
      for token in tokens {
        if case .name(let name) = token.kind {
          #expect(token.isKeyword == isPyKeyword(name), "\(name)")
          #expect(token.isIdentifier == !isPyKeyword(name), "\(name)")
        } else {
          #expect(!token.isKeyword && !token.isIdentifier)
        }
      }
    }
  }

  /// `at(kind)`, `skip` and `advance` answer as the token comparisons they replace, at every
  /// position of every text (the last, `.end`, is never consumed).
  @Test func theParsersInPlaceQuestionsAgreeWithComparingTokens() {
    let kinds: [PyToken.Kind] = [.newline, .end, .indent, .dedent, .name("x"), .op("(")]
    let ops: [PyOp] = ["(", ")", ",", "=", ".", ":", "*", "**"]
    for text in Self.texts {
      guard let tokens = try? PyLexer.tokenize(text) else { continue }
      for start in 0...tokens.count {
        var parser = PyParser(tokens: tokens, text: text)
        parser.index = start
        for kind in kinds {
          #expect(parser.at(kind) == (parser.peek().kind == kind))
          var skipped = parser
          var consumed = parser
          #expect(skipped.skip(kind) == (consumed.consume(if: kind) != nil))
          #expect(skipped.index == consumed.index)
        }
        for op in ops {
          var skipped = parser
          var consumed = parser
          #expect(skipped.skip(op) == (consumed.consume(if: op) != nil))
          #expect(skipped.index == consumed.index)
          #expect(parser.at(op, ahead: 1) == (parser.peek(1).kind == .op(op)))
        }
        var advanced = parser
        var consumed = parser
        advanced.advance()
        consumed.consume()
        #expect(advanced.index == consumed.index)
        #expect(parser.nextRange == parser.peek().range)
      }
    }
  }

  /// Each operator, alone, between names, doubled and at the text's end, scans as the lexer
  /// scans it (the byte scanner packs the next bytes to compare them with its table).
  @Test func everyOperatorScansAsTheLexerScansIt() {
    var answered = 0
    for op in PyLexer.operators {
      for text in ["a \(op) b", "a\(op)b", "(\(op))", op + op, "x" + op, op] {
        if ByteScannerTests.agrees(text) { answered += 1 }
      }
    }
    #expect(answered > PyLexer.operators.count * 3, "\(answered)")
  }

  /// `atKeyword` rules out a token that is no keyword by its flag: the same answer as comparing
  /// the name, for every keyword the parser asks about, at every token of every text.
  @Test func atKeywordAnswersAsComparingTheName() {
    let asked = [
      "elif", "for", "in", "lambda", "yield", "and", "as", "else", "from", "if", "import", "not",
      "or",
    ]
    for word in asked { #expect(isPyKeyword(word), "\(word)") }
    for text in Self.texts {
      guard let tokens = try? PyLexer.tokenize(text) else { continue }
      for start in 0..<tokens.count {
        var parser = PyParser(tokens: tokens, text: text)
        parser.index = start
        for word in asked + pyKeywords.sorted() {
          #expect(parser.atKeyword(word) == (parser.peek().kind == .name(word)), "\(word)")
        }
      }
    }
  }
}
