import Testing

@testable import KShapeREPL

/// Which lines are session commands: a user's own name, an assignment or a call stays Python.
@Suite struct SessionCommandTests {
  func parse(_ line: String, bound: Set<String> = []) -> SessionCommand? {
    guard case .success(let c)? = SessionCommand.parse(line, isBound: { bound.contains($0) }) else {
      return nil
    }
    return c
  }

  func isError(_ line: String) -> Bool {
    if case .failure? = SessionCommand.parse(line, isBound: { _ in false }) { return true }
    return false
  }

  @Test func commands() {
    #expect(parse("undo") == .undo)
    #expect(parse("  redo  ") == .redo)
    #expect(parse("history") == .history)
    #expect(parse("drop 3") == .drop(3))
    #expect(parse("edit 2") == .edit(2, nil))
    #expect(
      parse("edit 2 Conv2D(8, 5, padding='same')") == .edit(2, "Conv2D(8, 5, padding='same')"))
    #expect(parse("open lesson") == .open("lesson"))
    #expect(parse("open 'my-lesson'") == .open("my-lesson"))
    #expect(parse("new") == .new(nil))
    #expect(parse("new week2") == .new("week2"))
    #expect(parse("run prep.kshape") == .run("prep.kshape"))
    #expect(parse("export script out.kshape") == .exportScript("out.kshape"))
    #expect(parse("export markdown 'hand out.md'") == .exportMarkdown("hand out.md"))
  }

  @Test func statementsThatLookLikeCommands() {
    #expect(parse("undo = Dense(3)") == nil)
    #expect(parse("history(x)") == nil)
    #expect(parse("new.x") == nil)
    #expect(parse("history", bound: ["history"]) == nil)
    #expect(parse("export keras m.json") == nil)
    #expect(parse("undone") == nil)
    #expect(parse("Dense(3)") == nil)
  }

  @Test func malformedCommandsAreErrorsWithTheirUsage() {
    #expect(isError("drop"))
    #expect(isError("drop two"))
    #expect(isError("edit"))
    #expect(isError("open two words"))
    #expect(isError("undo 3"))
    #expect(isError("run"))
    #expect(isError("export script"))
  }
}
