import Foundation
import KShapeREPL
import Testing

/// `model.summary()` typed in the REPL fits the terminal as `summary` does; written to a file or
/// as JSON (no terminal) it keeps Keras's own widths.
@Suite struct SummaryWidthTests {
  static let program = [
    "import keras", "from keras import layers",
    "inputs = keras.Input(shape=(None, None, 3))",
    "x = layers.Conv2D(32, 3, strides=2, padding=\"same\")(inputs)",
    "x = layers.MaxPooling2D()(x)", "x = layers.GlobalAveragePooling2D()(x)",
    "outputs = layers.Dense(10)(x)", "model = keras.Model(inputs, outputs)", "model.summary()",
  ]

  static func summary(width: Int?) -> [String] {
    var text: [String] = []
    let repl = REPL(output: Output(out: { text.append($0) }, err: { text.append($0) }))
    repl.measureWidth = { width }
    #expect(repl.runScript(program, json: false) == 0)
    let all = text.joined(separator: "\n").split(separator: "\n").map(String.init)
    guard let start = all.firstIndex(where: { $0.hasPrefix("Model: ") }) else { return [] }
    return Array(all[start...])
  }

  @Test(arguments: [60, 80])
  func fitsTheTerminal(_ width: Int) {
    let lines = Self.summary(width: width)
    #expect(lines.contains { $0.contains("global_average_pooling2d") })
    #expect(lines.allSatisfy { $0.count <= width }, "\(lines.joined(separator: "\n"))")
  }

  @Test func keepsKerasWidthsWithoutATerminal() {
    let lines = Self.summary(width: nil)
    // One row per layer, the shape whole on its line: the table is not folded.
    #expect(lines.contains { $0.contains("(None, floor((H+1)/4), floor((W+1)/4), 32)") })
    #expect(lines.contains { $0.count > 80 })
  }
}
