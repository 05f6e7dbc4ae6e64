import Testing

@testable import KShapeREPL

/// `TypedBlock`: a block typed at the prompt needs more lines exactly as `REPL.needsMore` says
/// while it is short; a long one is checked whole at doubling lengths and at lines that may end
/// it, so a paste of n lines costs O(n) checks, and still ends where the whole check ends it.
@Suite struct TypedBlockTests {
  /// Adds `lines`; the line (0-based) at which the block said it was complete, or nil.
  static func completes(_ lines: [String], block: inout TypedBlock) -> Int? {
    for (i, line) in lines.enumerated() where !block.add(line) { return i }
    return nil
  }

  /// The line at which checking the whole text at every line (`REPL.needsMore`) completes it.
  /// (Itself quadratic: the reference for blocks of a few hundred lines.)
  static func exactlyCompletes(_ lines: [String]) -> Int? {
    for i in lines.indices
    where !REPL.needsMore(lines[...i].joined(separator: "\n"), lastLine: lines[i]) {
      return i
    }
    return nil
  }

  /// A list of `n` layers written over n + 2 lines.
  static func list(_ n: Int) -> [String] {
    ["layers = ["] + Array(repeating: "    Dense(8),", count: n) + ["]"]
  }

  @Test func aLongListIsOneBlockCheckedFewTimes() {
    var block = TypedBlock()
    #expect(Self.completes(Self.list(5000), block: &block) == 5001)
    #expect(block.lines.count == 5002)
    // Every line up to 64, then about log2(5000 / 64) doublings and the closing line.
    #expect(block.checks < TypedBlock.exactLines + 12, "\(block.checks) checks")
  }

  @Test func shortBlocksAreCheckedAtEveryLine() throws {
    let cases: [[String]] = [
      ["x = Input((None, 3)", "y = Dense(4)(x)"],  // fails before its end: complete at once
      ["def f(x):", "    return x", ""],
      ["m = keras.Sequential([", "    Dense(8),", "    Dense(4),", "])"],
      ["s = \"\"\"", "text", "\"\"\""],
      ["x = 1 + \\", "2"],
    ]
    for lines in cases {
      var block = TypedBlock()
      #expect(Self.completes(lines, block: &block) == Self.exactlyCompletes(lines), "\(lines)")
    }
  }

  /// Long blocks of each kind end where the whole check ends them.
  @Test func longBlocksEndWhereTheWholeCheckEndsThem() {
    let body = Array(repeating: "    x = Dense(8)(x)", count: 200)
    let cases: [[String]] = [
      Self.list(300),
      ["def block(x):"] + body + ["    return x", ""],
      ["s = \"\"\""] + Array(repeating: "a line of text", count: 200) + ["\"\"\""],
      ["y = f(1,"] + Array(repeating: "      g(2, [3,", count: 100)
        + Array(repeating: "      ]),", count: 100) + [")"],
      ["for i in range(3):"] + body + ["", "x = 1"],
    ]
    for lines in cases {
      var block = TypedBlock()
      let end = Self.completes(lines, block: &block)
      #expect(
        end != nil && end == Self.exactlyCompletes(lines), "\(lines[0]): \(String(describing: end))"
      )
    }
  }

  /// A syntax error inside a long list is told at the next check, at most twice the lines
  /// after the last: the block is complete there, and its text fails at the error's line.
  @Test func anErrorInsideALongBlockIsFoundLater() throws {
    var lines = Self.list(400)
    lines[100] = "    Dense(8) Dense(8),"
    var block = TypedBlock()
    let end = try #require(Self.completes(lines, block: &block))
    #expect(end >= 100 && end <= 2 * 100 + 2, "completed at \(end)")
    #expect(Self.exactlyCompletes(lines) == 100)
    #expect(block.lines.count == end + 1)
  }
}
