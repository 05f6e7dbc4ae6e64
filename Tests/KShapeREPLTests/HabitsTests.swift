import Foundation
import KShapeREPL
import Testing

/// What people type out of habit, and what the REPL makes of it.
@Suite struct HabitsTests {
  /// Runs lines as a script; stdout and stderr as one text, and the exit status.
  static func run(_ lines: [String], width: Int? = nil) -> (text: String, status: Int32) {
    var text: [String] = []
    let repl = REPL(output: Output(out: { text.append($0) }, err: { text.append($0) }))
    repl.measureWidth = { width }
    let status = repl.runScript(lines, json: false)
    return (text.joined(separator: "\n"), status)
  }

  @Test(arguments: [("aply 32x32", "apply"), ("sumary", "summary"), ("scna 1-10", "scan")])
  func misspeltCommandsAreSaid(_ line: String, _ command: String) {
    let (text, status) = Self.run(["x = Input((None, None, 3))", line])
    #expect(status == 1)
    #expect(text.contains("did you mean '\(command)'?"))
  }

  @Test func typographicQuotesAreQuotes() {
    let (text, status) = Self.run(["x = Input((None, None, 3))", "Conv2D(8, 3, padding=“same”)"])
    #expect(status == 0)
    #expect(text.contains("(None, H, W, 8)"))
  }

  @Test(arguments: ["64X32", "64×32", "(64, 32)", "[64, 32]"])
  func sizesAsPeopleWriteThem(_ size: String) {
    let (text, status) = Self.run(["x = Input((None, None, 3))", "Conv2D(8, 3)", "apply \(size)"])
    #expect(status == 0)
    #expect(text.contains("(None, 62, 30, 8)"))
  }

  @Test func severalSizesAtOnce() {
    let (text, status) = Self.run([
      "x = Input((None, None, 3))", "Conv2D(8, 3)", "apply 32x32 64x64",
    ])
    #expect(status == 0)
    // One table, a column per size (SizesSideBySideTests checks the cells).
    #expect(text.contains("Applied at 32x32, 64x64:"))
    #expect(text.contains("(None, 30, 30, 8)") && text.contains("(None, 62, 62, 8)"))
  }

  @Test func aRedeclaredInputIsSaid() {
    let (text, _) = Self.run(["x = Input((None, None, 3))", "Conv2D(8, 3)", "apply 64x32x4"])
    #expect(text.contains("note: '64x32x4' was read as the whole shape"))
    #expect(text.contains("(None, H, W, 3) is redeclared as (None, 64, 32, 4) (axis 3: 3 -> 4)"))
    let (plain, _) = Self.run(["x = Input((None, None, 3))", "Conv2D(8, 3)", "apply 64x32x3"])
    #expect(!plain.contains("note:"))
  }

  @Test func kernelSuggestsKernelSize() {
    let (text, _) = Self.run(["x = Input((None, None, 3))", "Conv2D(8, kernel=3)"])
    #expect(text.contains("did you mean 'kernel_size'?"))
  }

  @Test func summaryOptions() {
    let lines = ["x = Input((None, None, 3))", "Conv2D(8, 3)"]
    let (all, _) = Self.run(lines + ["summary"])
    let formulas = all.components(separatedBy: "Model:").last ?? ""
    #expect(formulas.contains("(None, H-2, W-2, 8)"))
    #expect(!formulas.contains("(None, None, None, 8)"))
    let (keras, _) = Self.run(lines + ["summary --keras"])
    #expect(keras.contains("(None, None, None, 8)"))
    let (compact, _) = Self.run(lines + ["summary --compact"])
    #expect(!compact.contains("├"))
    let (bad, status) = Self.run(lines + ["summary --kears"])
    #expect(status == 1 && bad.contains("did you mean '--keras'?"))
    let (depth, depthStatus) = Self.run(lines + ["summary --depth x"])
    #expect(depthStatus == 1 && depth.contains("--depth needs a positive number"))
  }

  @Test func depthOneFoldsAnImportedModel() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "ShapeEngineTests/Golden/modelfiles/mobilenetv3small.json")
    let (full, _) = Self.run(["import \(file.path)", "summary"])
    let (folded, status) = Self.run(["import \(file.path)", "Dense(10)", "summary --depth 1"])
    #expect(status == 0)
    #expect(folded.contains("MobileNetV3Small (Functional)"))
    #expect(folded.contains("dense (Dense)"))
    #expect(folded.split(separator: "\n").count < 20)
    #expect(full.split(separator: "\n").count > 100)
  }

  @Test(arguments: [60, 80, 140])
  func outputFitsTheWidth(_ width: Int) {
    let (text, _) = Self.run(
      [
        "x = Input((None, None, 3))", "Conv2D(32, 3, padding='same')", "MaxPool2D()",
        "block_1_depthwise = DepthwiseConv2D(3, name='block_1_depthwise_with_a_long_name')",
        "Conv2D(64, 3, activation='relu')", "GlobalAveragePooling2D()", "Dense(10)", "summary",
        "help Conv2D", "help",
      ], width: width)
    let lines = text.split(separator: "\n")
    // Table lines fit; a prose line over the width is one word that cannot break.
    for line in lines where line.displayWidthForTest > width {
      #expect(!line.hasPrefix("┃") && !line.hasPrefix("│") && !line.hasPrefix("┏"), "\(line)")
      #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "\(line)")
    }
  }

  @Test func colourOnlyWhereAsked() {
    let env = ["TERM": "xterm-256color"]
    #expect(Colour.enabled(.auto, isTerminal: true, environment: env))
    #expect(!Colour.enabled(.auto, isTerminal: false, environment: env))
    #expect(!Colour.enabled(.auto, isTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(!Colour.enabled(.auto, isTerminal: true, environment: ["TERM": "dumb"]))
    #expect(Colour.enabled(.always, isTerminal: false, environment: ["NO_COLOR": "1"]))
    #expect(!Colour.enabled(.never, isTerminal: true, environment: env))
    let painted = Colour.paint(
      "error: bad\n  Conv2D(3)\n  ^~~~\nhint: try\n  = (None, H, 3)   c (C)")
    #expect(painted.contains("\u{1B}[1;31merror:\u{1B}[0m bad"))
    #expect(painted.contains("\u{1B}[36mhint:\u{1B}[0m try"))
    #expect(painted.contains("\u{1B}[1;32m  ^~~~\u{1B}[0m"))
    #expect(painted.contains("  = \u{1B}[34m(None, H, 3)\u{1B}[0m   c (C)"))
    #expect(painted.replacingOccurrences(of: "\u{1B}[", with: "").count > 0)
  }
}

extension Substring {
  /// Columns on a terminal (two for CJK), for checking fitted output.
  var displayWidthForTest: Int {
    unicodeScalars.reduce(0) { w, s in
      (0x1100...0x115F).contains(s.value) || (0x2E80...0xFFEF).contains(s.value) ? w + 2 : w + 1
    }
  }
}
