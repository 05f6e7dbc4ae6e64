import StatementLanguage
import Testing

/// The cheap paths a script's statements take: the completeness check's parse reused, a line
/// ruled out as a command by its first letters, and the scanner's ASCII classes beside Unicode's.
@Suite struct ScanningFastPathTests {
  @Test func checkGivesTheParseOfTheText() throws {
    let texts = [
      "Dense(8)", "x = Input((16,))", "a = 1; b = 2", "def f(x):\n    return x\n",
      "for i in range(3):\n    x = Dense(i)(x)\n", "größe = 3", "x = 'ü' + f'{y!r:>4}'",
      "y = 0x1F + 1_000 + 1.5e3", "a = (1,\n  2)", "a = 1\r\nb = 2",
    ]
    for text in texts {
      let (_, program) = PyParser.check(text)
      let checked = try #require(program, "\(text)")
      let parsed = try PyParser.parse(text)
      #expect(PyRender.program(checked.statements) == PyRender.program(parsed.statements))
      #expect(checked.statements.map(\.range) == parsed.statements.map(\.range), "\(text)")
    }
    #expect(PyParser.check("x = (1,").program == nil)
    #expect(PyParser.check("if x:\n    y = 1").completeness == .incomplete)
  }

  @Test func unicodeNamesAndNumbersStillScan() {
    #expect(pyParsed("größe = 3") == "größe = 3")
    #expect(pyParsed("x_ü2 = π") == "x_ü2 = π")
    #expect(pyParsed("1_000") == "1000")
    assertPySyntaxError("x = 1️⃣1__0", "invalid decimal literal")
    assertPySyntaxError("x = 1️⃣12ü", "invalid decimal literal")
    assertPySyntaxError("x = 1 1️⃣$ 2", "invalid syntax")
    assertPySyntaxError("x = 1️⃣€", "invalid character '€' (U+20AC)")
  }

  @Test func leadingLetters() {
    #expect(Parser.leadingLetters("apply 224x224") == "apply")
    #expect(Parser.leadingLetters("  \tsummary") == "summary")
    #expect(Parser.leadingLetters("\u{0C}apply") == "apply")
    #expect(Parser.leadingLetters("\u{A0}\u{2003}apply 3") == "apply")
    #expect(Parser.leadingLetters("Dense(8)") == "Dense")
    #expect(Parser.leadingLetters("x2 = 1") == "x")
    #expect(Parser.leadingLetters("# apply") == "")
    #expect(Parser.leadingLetters("") == "")
    #expect(Parser.leadingLetters("applý 3") == "appl")
  }

  /// Whenever the command parser finds a command word, the line starts with exactly its letters
  /// (so a line whose letters are no command's need not be parsed).
  @Test func aCommandWordIsTheLinesLeadingLetters() {
    let commands: Set<String> = ["apply", "summary", "scan"]
    let lines = [
      "apply 224x224", "  apply (64, 32)", "\tapply", "\u{A0}apply 3", "\u{0B}summary --keras",
      "apply# c", "apply=3", "apply(3)", "apply.x", "scan 1-512", "sum mary", "applyx 3",
      "\u{2003}scan", " \u{301}apply", "applý", "_apply 3", "# apply", "apply\u{301} 3",
      "\r\napply", "apply\t3",
    ]
    for line in lines {
      if let command = Parser.parseCommand(line, commands: commands) {
        #expect(String(Parser.leadingLetters(line)) == command.name, "\(line)")
      }
    }
  }
}
