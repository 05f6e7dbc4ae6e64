import StatementLanguage
import Testing

/// `Parser.splitStatements`, for `kshape -c 'a; b'`.
@Suite struct SplitStatementsTests {
  private func split(_ source: String) -> [String] {
    Parser.splitStatements(source).map { "\($0.offset):\($0.text)" }
  }

  @Test func splitsOnSemicolons() {
    #expect(split("a; b") == ["0:a", "3:b"])
    #expect(
      split("x = Input((3,)); y = Dense(2)(x)") == ["0:x = Input((3,))", "17:y = Dense(2)(x)"])
  }

  @Test func dropsEmptyPiecesAndTrims() {
    #expect(split("a;;b;") == ["0:a", "3:b"])
    #expect(split("  a  ;  b  ") == ["2:a", "8:b"])
    #expect(split("") == [])
    #expect(split("  ; ;  ") == [])
  }

  @Test func keepsSemicolonsInStrings() {
    #expect(split("x = 'a;b'; y") == ["0:x = 'a;b'", "11:y"])
    #expect(split(#"f("a;b", 'c;d'); g"#) == [#"0:f("a;b", 'c;d')"#, "17:g"])
    #expect(split(#"f('it\'s; ok'); b"#) == [#"0:f('it\'s; ok')"#, "16:b"])
    #expect(split(#"f("'"); g"#) == [#"0:f("'")"#, "8:g"])
  }

  @Test func commentsRunToTheEndOfTheLine() {
    #expect(split("a # c; d") == ["0:a # c; d"])
    #expect(split("a; # c; d") == ["0:a"])
    #expect(split("# only a comment") == [])
    #expect(split("f('#'); g") == ["0:f('#')", "8:g"])
  }

  @Test func unterminatedStringRunsToTheEnd() {
    #expect(split("a; 'b; c") == ["0:a", "3:'b; c"])
  }

  @Test func offsetsCountCharacters() {
    #expect(split("é; x") == ["0:é", "3:x"])
    #expect(split("'ü😀'; y") == ["0:'ü😀'", "6:y"])
  }
}
