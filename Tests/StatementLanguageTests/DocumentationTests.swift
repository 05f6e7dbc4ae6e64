import Foundation
import StatementLanguage
import Testing

/// docs/language.md, kept in step with the parser: its examples parse as it says.
@Suite struct DocumentationTests {
  static let commands: Set<String> = ["apply", "summary", "scan", "help", "export", "quit", "exit"]

  static var document: String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/language.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  /// The REPL session at the top of the document: its Python lines (`>>> ` and `... `) make one
  /// program, and its command lines are commands.
  @Test func theOpeningExampleIsPythonAndCommands() throws {
    let lines = Self.document.split(separator: "\n", omittingEmptySubsequences: false)
    let typed = lines.compactMap { line -> String? in
      if line.hasPrefix(">>> ") || line.hasPrefix("... ") { return String(line.dropFirst(4)) }
      return line == "..." ? "" : nil
    }
    #expect(typed.count > 8)
    let code = typed.filter { Parser.parseCommand($0, commands: Self.commands) == nil }
    let commands = typed.filter { Parser.parseCommand($0, commands: Self.commands) != nil }
    #expect(commands == ["apply 224x224"])
    let program = try PyParser.parse(code.joined(separator: "\n"))
    #expect(program.statements.count == 8)
  }

  @Test(arguments: [
    "apply 224x224", "apply 100", "apply img=224x224 seq=100", "apply batch=8", "apply",
    "summary", "summary --keras", "scan 1-512", "help", "help Conv2D", "quit", "exit",
  ])
  func commandExamplesAreCommands(line: String) {
    #expect(Parser.parseCommand(line, commands: Self.commands) != nil)
  }

  /// "A command word used as code is code."
  @Test(arguments: ["summary = Dense(3)", "help(x)", "help.x", "exit()"])
  func commandWordsUsedAsCodeAreCode(line: String) throws {
    #expect(Parser.parseCommand(line, commands: Self.commands) == nil)
    _ = try PyParser.parse(line)
  }

  /// The Python of the "Keras objects" table parses as written.
  @Test(arguments: [
    "import keras_core as keras", "from tensorflow import keras",
    "from keras.layers import Dense", "x = keras.Input(shape=(None, None, 3), name=\"img\")",
    "y = layers.add([a, b])", "z = x[:, 0]", "m = keras.Model(inputs, outputs, name=\"enc\")",
    "a = np.random.random((1, 100, 100, 3)).astype(np.float32)",
    "Dense(10, kernel_regularizer=keras.regularizers.L2(1e-4))",
  ])
  func objectExamplesParse(line: String) throws {
    let program = try PyParser.parse(line)
    #expect(program.statements.count == 1)
  }

  /// The refused constructs are refused with the reason the table gives.
  @Test(arguments: [
    ("class Block(layers.Layer):\n    pass\n", "'class' definitions are not supported"),
    ("@tf.function\ndef f():\n    pass\n", "decorators are not supported"),
  ])
  func refusedConstructsAreRefused(source: String, says: String) {
    do {
      _ = try PyParser.parse(source)
      Issue.record("\(source) parsed")
    } catch {
      #expect(error.message.contains(says), "\(error.message)")
    }
  }

  /// `kshape -c` splits a line on the `;` outside strings, as the document says.
  @Test func aCommandLineSplitsInThree() {
    let line = "x = keras.Input((None, 3)); LSTM(16); apply 100"
    #expect(
      Parser.splitStatements(line).map(\.text) == [
        "x = keras.Input((None, 3))", "LSTM(16)", "apply 100",
      ])
  }
}
