import Foundation
import KShapeREPL
import LineEditor
import ShapeEngine
import Testing

/// `diff session A B` over a real store: each session replayed from its stored events.
@Suite struct DiffSessionsTests {
  typealias Scratch = SessionStoreREPLTests.Scratch
  typealias Run = SessionStoreREPLTests.Run

  @Test func twoStoredSessionsAreCompared() throws {
    let scratch = Scratch()
    do {
      let a = Run(scratch, name: "before")
      a.type("x = Input((None, None, 3))", "Conv2D(8, 3)", "MaxPooling2D()")
    }
    do {
      let b = Run(scratch, name: "after")
      b.type("x = Input((None, None, 3))", "Conv2D(8, 5)", "MaxPooling2D()", "Dense(4)")
    }
    let c = Run(scratch, name: "third")
    c.type("diff session before after")
    let text = c.text
    #expect(
      text.contains("changed conv2d (Conv2D): shape (None, H-2, W-2, 8) -> (None, H-4, W-4, 8)"),
      "\(text)")
    #expect(text.contains("params 224 -> 608"))
    #expect(text.contains("added   dense (Dense)"))
    #expect(text.contains("unchanged: 1 layer"))
    c.clear()
    c.type("diff session before nope")
    #expect(c.text.contains("no session named 'nope'"))
  }

  @Test func withoutAStoreItSaysSo() {
    var out: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { out.append($0) }))
    _ = repl.runScript(["diff session a b"], json: false)
    #expect(out.joined().contains("no session store"))
  }
}
