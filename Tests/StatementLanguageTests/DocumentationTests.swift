import StatementLanguage
import Testing

/// The examples of docs/language.md, kept in step with it: change one, change the other.
@Suite struct DocumentationTests {
  static let commands: Set<String> = ["apply", "summary", "help", "quit", "exit"]

  @Test(arguments: [
    #"x = keras.Input(shape=(None, None, 3), name="img")"#, "Conv2D(3, (5, 5), padding='valid')",
    "y = Conv2D(8, 3)(x)", "z = Concatenate()([a, y])", "Dense(10)", "y = Dense(10)(x)",
    "x = keras.Input(shape=(None, 3))", "d = Dense(10)", "a = d(x)", "b = d(y)", "x",
    "keras.layers.Conv2D(filters=3, kernel_size=5)", #"Dense(10, activation: "relu")"#,
    "Reshape((-1, 3))", "(None, None, 3)", "[1, 2,]", "(1, 2,)", "f(x,)", "'it\\'s'", "café",
    "2.5E+2", "1_000_000", "+5", "summary = Dense(3)", "help(x)", "help.x",
  ])
  func examplesParseAsCode(line: String) {
    switch parsed(line, commands: Self.commands) {
    case .expression, .assignment: break
    case let other: Issue.record("\(line) parsed as \(String(describing: other))")
    }
  }

  @Test(arguments: [
    "apply 224x224", "apply 100", "apply img=224x224 seq=100", "apply batch=8", "apply",
    "summary", "help", "help Conv2D", "quit", "exit",
  ])
  func examplesAreCommands(line: String) {
    #expect(parsed(line, commands: Self.commands).map(render)?.hasPrefix("command ") == true)
  }

  @Test func commandLineExampleSplitsInThree() {
    let line = "x = keras.Input((None, 3)); LSTM(16); apply 100"
    let pieces = Parser.splitStatements(line).map(\.text)
    #expect(pieces == ["x = keras.Input((None, 3))", "LSTM(16)", "apply 100"])
    #expect(pieces.compactMap { parsed($0, commands: Self.commands) }.count == 3)
  }

  @Test(arguments: [
    (
      "Conv2D(3, 5",
      """
      error: '(' is never closed
        Conv2D(3, 5
              ^
      hint: add ')' at the end
      """
    ),
    (
      "Dense(units=10, 3)",
      """
      error: positional argument follows keyword argument
        Dense(units=10, 3)
                        ^
      hint: move it before 'units', or give it a keyword too
      """
    ),
    (
      "z = a + b",
      """
      error: operators are not supported; found '+'
        z = a + b
              ^
      hint: to add tensors, use Add()([a, b])
      """
    ),
  ])
  func errorExamplesRenderAsShown(line: String, expected: String) {
    #expect(throws: Diagnostic.self) { try Parser.parse(line, commands: []) }
    do {
      _ = try Parser.parse(line, commands: [])
    } catch {
      #expect(error.rendered(source: line) == expected)
    }
  }
}
