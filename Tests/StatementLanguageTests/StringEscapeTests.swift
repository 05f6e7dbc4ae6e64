import StatementLanguage
import Testing

/// Escapes Python refuses: where the error stands and what it suggests (the messages themselves
/// are CPython's, checked by the golden cases escapes/*).
@Suite struct StringEscapeTests {
  @Test func aWindowsPathStandsAtItsEscapeWithAHint() {
    assertPySyntaxError(
      #"m = load_model("C:1️⃣\U2️⃣sers\me")"#,
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: "
        + #"truncated \UXXXXXXXX escape"#)
    do {
      _ = try PyParser.parse(#"p = 'C:\New folder'"#)
      Issue.record("parsed")
    } catch {
      #expect(error.message.hasSuffix(#"malformed \N character escape"#))
      #expect(error.hint?.contains(#"r"...""#) == true)
    }
  }

  @Test func anUnknownNameCoversTheWholeEscapeWithoutAHint() {
    assertPySyntaxError(
      #"s = f"{1}1️⃣\N{NO SUCH NAME}2️⃣""#,
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: "
        + "unknown Unicode character name")
    do {
      _ = try PyParser.parse(#"s = "\N{NO SUCH NAME}""#)
      Issue.record("parsed")
    } catch {
      #expect(error.hint == nil)
    }
  }

  @Test func aNamedCharacterIsFound() throws {
    #expect(pyParsed(#"s = "\N{em dash}\N{HANGUL SYLLABLE GAG}""#) == "s = \"\u{2014}\u{AC01}\"")
    #expect(pyParsed(#"s = "\N{hangul syllable gag}""#).hasSuffix("unknown Unicode character name"))
  }
}
