import Foundation
import Testing

/// Keras code pasted into the real REPL in a real terminal (tmux's paste buffer): a paste runs
/// statement by statement as `kshape run` does, a statement spread over lines is one statement,
/// and a failure skips the rest of the paste.
@Suite(.serialized) struct PasteTests {
  typealias Tmux = TerminalTests.Tmux

  static let programs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("tools/pygolden/programs")

  /// Pastes `text` into the session as a terminal would (its lines arrive as typed Enter keys).
  static func paste(_ text: String, into t: Tmux) {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(t.session)-paste.txt")
    try? text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    t.run(["load-buffer", "-b", "paste", file.path])
    t.run(["paste-buffer", "-b", "paste", "-t", t.session])
  }

  static func start() throws -> Tmux {
    try #require(
      FileManager.default.isExecutableFile(atPath: TerminalTests.binary.path), "kshape is built")
    let t = Tmux()
    try #require(
      t.start("env LANG=C \(TerminalTests.binary.path)", columns: 100, rows: 60),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    return t
  }

  /// The wrong model: a Conv2D over three lines used to run as three failing lines while
  /// the rest went on, and Flatten came out (None, 1600). Keras says (None, 1152)
  /// (Golden/programs.jsonl, multiline_statement_flatten).
  @Test func aStatementOverSeveralLinesIsOneStatement() throws {
    let t = try Self.start()
    let source = try String(
      contentsOf: Self.programs.appendingPathComponent("multiline_statement_flatten.py"),
      encoding: .utf8)
    Self.paste(source, into: t)
    #expect(t.waitFor("(None, 1152)"))
    #expect(t.waitFor(" Total params: "))
    #expect(t.waitFor("    ...                         activation=\"relu\","))
    #expect(!t.screen().contains("1600"))
    #expect(!t.screen().contains("error"))
  }

  /// The third line fails: the two after it do not run, and the REPL says how many it skipped.
  @Test func aFailureSkipsTheRestOfThePaste() throws {
    let t = try Self.start()
    Self.paste(
      """
      x = Input((28, 28, 1))
      y = Conv2D(8, 3)(x)
      z = Dense(4)(undefined_tensor)
      w = Flatten()(y)
      print("not " + "reached")

      """, into: t)
    #expect(t.waitFor("skipped the rest of the paste (2 lines)"))
    #expect(t.screen().contains("name 'undefined_tensor' is not defined"))
    #expect(!t.screen().contains("not reached"))
    // The session kept what ran before the failure, and nothing after it.
    t.type("w")
    t.keys("Enter")
    #expect(t.waitFor("name 'w' is not defined"))
    t.type("y")
    t.keys("Enter")
    #expect(t.waitFor("= (None, 26, 26, 8)   conv2d (Conv2D), 80 params"))
  }

  /// A list of 3,000 layers pasted whole is one statement (read as a block of 3,002 lines, its
  /// whole text checked at doubling lengths, not at every line: `TypedBlock`).
  @Test func aLongPastedListIsOneStatement() throws {
    let t = try Self.start()
    Self.paste(
      "layers = [\n" + String(repeating: "    Dense(8),\n", count: 3000) + "]\n"
        + "print(len(layers), layers[-1].name)\n", into: t)
    #expect(t.waitFor("3000 dense_2999"))
    #expect(!t.screen().contains("Error"))
  }
}
