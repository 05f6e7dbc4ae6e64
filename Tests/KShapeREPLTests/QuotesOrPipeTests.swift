import Testing

@testable import KShapeREPL

/// The one scan `REPL.run` makes before straightening quotes or finding a pipe finds every text
/// either of them would change or find, at every position.
@Suite struct QuotesOrPipeTests {
  @Test func theScanFindsTheBytesAtEveryPosition() {
    for length in 0..<24 {
      let base = String(repeating: "x", count: length)
      #expect(!REPL.mayHaveQuotesOrPipe(base))
      for at in 0...length {
        for mark in ["|", "\u{201C}", "\u{2019}", "é|"] {
          var text = base
          text.insert(contentsOf: mark, at: text.index(text.startIndex, offsetBy: at))
          #expect(REPL.mayHaveQuotesOrPipe(text), "\(text)")
        }
        // Other non-ASCII bytes alone are not asked for.
        var other = base
        other.insert(contentsOf: "é", at: other.index(other.startIndex, offsetBy: at))
        #expect(!REPL.mayHaveQuotesOrPipe(other))
      }
    }
  }

  @Test func aTextWithoutThemIsLeftAsItIs() {
    for text in ["Dense(8)", "x = Input((16,))", "print('a')", "é = 3"] {
      #expect(!REPL.mayHaveQuotesOrPipe(text))
      #expect(REPL.straightQuotes(text) == text)
      #expect(REPL.pagerPipe(text) == nil)
    }
    #expect(REPL.mayHaveQuotesOrPipe("summary | less"))
    #expect(REPL.pagerPipe("summary | less") != nil)
    #expect(REPL.mayHaveQuotesOrPipe("x = Input(\u{201C}a\u{201D})"))
  }
}
