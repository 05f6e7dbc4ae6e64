import Testing

@testable import KShapeREPL

/// "Did you mean 'summary'?" is said only for a word that is not one of the session's names as
/// they stood before the line ran (the check looks up the line's own words, not every name).
@Suite struct CommandTypoNamesTests {
  @Test func aWordIsTakenWhole() {
    #expect(REPL.words(of: "x = Dense(8)(sumary)") == ["Dense", "sumary"])
    #expect(REPL.words(of: "a1bcd; _xy_z + çaply") == ["bcd", "_xy_z", "çaply"])
    #expect(REPL.words(of: "a1bcd; _xy_z + aply") == ["bcd", "_xy_z", "aply"])
    #expect(REPL.words(of: "Dense(8)", where: { $0 != "Dense" }) == [])
    #expect(REPL.words(of: "") == [])
  }

  @Test func anUnknownWordIsAMisspeltCommand() {
    let (text, status) = HabitsTests.run(["x = Input((4,))", "sumary + q"])
    #expect(status == 1)
    #expect(text.contains("line 2: error: 'sumary' is not a command or a name in this session"))
  }

  @Test func aNameIsNotACommand() {
    let (text, status) = HabitsTests.run(["x = Input((4,))", "sumary = 3", "sumary + q"])
    #expect(status == 1)
    #expect(text.contains("line 3: error: NameError: name 'q' is not defined"))
    #expect(!text.contains("did you mean"))
  }

  /// A line that starts with one of Python's keywords is Python: `del` is no misspelt `help`.
  @Test func aKeywordIsNotACommand() {
    let (text, status) = HabitsTests.run(["a = 1", "del a", "del a"])
    #expect(status == 1)
    #expect(text.contains("line 3: error: NameError: name 'a' is not defined"))
    #expect(!text.contains("did you mean"))
  }

  /// The names are those before the line: one the line deletes is still a name.
  @Test func theNamesAreThoseBeforeTheLine() {
    let (text, status) = HabitsTests.run(["sumary = 3", "del sumary; sumary + 1"])
    #expect(status == 1)
    #expect(text.contains("line 2: error: NameError: name 'sumary' is not defined"))
    #expect(!text.contains("did you mean"))
  }
}
