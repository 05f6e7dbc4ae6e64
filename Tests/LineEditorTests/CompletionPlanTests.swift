import Testing

@testable import LineEditor

@Suite struct CompletionPlanTests {
  @Test func noCandidatesBeeps() {
    #expect(CompletionPlan(textBeforeCursor: "x = Q", candidates: []) == .noMatch)
  }
  @Test func singleCandidateInsertsSuffix() {
    #expect(
      CompletionPlan(textBeforeCursor: "x = Den", candidates: ["Dense"])
        == .replace(deleting: 0, insert: "se"))
  }
  @Test func singleCandidateFixesCase() {
    #expect(
      CompletionPlan(textBeforeCursor: "x = den", candidates: ["Dense"])
        == .replace(deleting: 3, insert: "Dense"))
  }
  @Test func completeWordIsUnchanged() {
    #expect(CompletionPlan(textBeforeCursor: "Dense", candidates: ["Dense"]) == .unchanged)
  }
  @Test func severalGrowToCommonPrefix() {
    #expect(
      CompletionPlan(textBeforeCursor: "C", candidates: ["Conv2D", "Conv1D"])
        == .replace(deleting: 0, insert: "onv"))
  }
  @Test func severalWithNothingToAddAreListed() {
    #expect(
      CompletionPlan(textBeforeCursor: "Conv", candidates: ["Conv2D", "Conv1D", "Conv2D"])
        == .list(["Conv2D", "Conv1D"]))
  }
  @Test func emptyWordListsAll() {
    #expect(
      CompletionPlan(textBeforeCursor: "x = ", candidates: ["Dense", "apply"])
        == .list(["Dense", "apply"]))
  }
  @Test func nonASCIIWordDeletesScalars() {
    #expect(
      CompletionPlan(textBeforeCursor: "É", candidates: ["été"])
        == .replace(deleting: 1, insert: "été"))
  }
  @Test func columnsGoDownThenAcross() {
    let rows = CompletionPlan.columns(["a", "bb", "c", "d", "e"], width: 8)
    #expect(rows == ["a   d", "bb  e", "c"])
  }
  @Test func wideItemsGetOneColumn() {
    #expect(CompletionPlan.columns(["abcdef", "x"], width: 4) == ["abcdef", "x"])
  }
  @Test func scriptedReaderReplays() {
    let reader = ScriptedReader(lines: ["a", " "])
    #expect(reader.readLine(prompt: "> ") == .line("a"))
    reader.loadHistory(["a", "  ", "b"])
    #expect(reader.readLine(prompt: "> ") == .line(" "))
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    #expect(reader.prompts == ["> ", "> ", "> "])
    #expect(reader.history == ["a", "b"])
  }
}
