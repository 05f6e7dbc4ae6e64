import Foundation
import Testing

@testable import ShapeEngine

/// Tables and prose fitted to a terminal's width, measured in display columns.
@Suite struct TableFittingTests {
  @Test(arguments: [
    ("conv2d", 6), ("日本語", 6), ("e\u{301}", 1), ("😀", 2), ("ｆｕｌｌ", 8), ("a\u{200B}b", 2),
    ("층", 2),
  ])
  func displayWidth(_ text: String, _ width: Int) {
    #expect(text.displayWidth == width)
  }

  static func sample() -> Table {
    var t = Table(headers: ["Layer (type)", "Output Shape", "Param #"], rightAligned: [2])
    t.rows = [
      ["input_layer (InputLayer)", "(None, H, W, 3)", "0"],
      ["block_1_depthwise (DepthwiseConv2D)", "(None, floor((H+1)/2), floor((W+1)/2), 96)", "864"],
      ["画像の入力層 (Conv2D)", "(None, 112, 112, 32)", "23,587,712"],
    ]
    return t
  }

  @Test(arguments: [40, 50, 60, 80, 100, 140])
  func everyLineFitsAndBordersAreStraight(_ width: Int) {
    let text = Self.sample().rendered(maxWidth: width)
    let lines = text.split(separator: "\n").map(String.init)
    let widths = Set(lines.map(\.displayWidth))
    #expect(widths.count == 1, "every line of the table is as wide as the others")
    #expect(lines.allSatisfy { $0.displayWidth <= width })
    // Numbers and the number column's header never wrap.
    #expect(text.contains("23,587,712"))
    #expect(text.contains("Param #"))
  }

  @Test func wideEnoughIsTheNaturalTable() {
    let t = Self.sample()
    #expect(t.rendered(maxWidth: 500) == t.rendered(maxWidth: nil))
    let natural = Table.totalWidth(t.naturalWidths())
    #expect(
      t.rendered(maxWidth: nil).split(separator: "\n").allSatisfy {
        String($0).displayWidth == natural
      })
  }

  @Test func asciiTablesUseTheUnfittedRendering() {
    var t = Table(headers: ["a", "b"])
    t.rows = [["x", "y"]]
    #expect(t.rendered(maxWidth: nil) == t.rendered())
  }

  @Test func cellsWrapAtSpacesAndLongWordsAfterUnderscores() {
    #expect(Table.wrap("(None, 112, 112, 32)", width: 10) == ["(None,", "112, 112,", "32)"])
    #expect(Table.wrap("block_16_project_BN", width: 10) == ["block_16_", "project_BN"])
    #expect(Table.wrap("short", width: 10) == ["short"])
    for line in Table.wrap("conv2d_1 (Conv2D) with a very_long_identifier_here", width: 8) {
      #expect(line.displayWidth <= 8)
    }
  }

  @Test func shapesStayWholeWhileNamesGiveWay() {
    var t = Table(
      headers: ["Layer (type)", "Output Shape", "Param #", "Connected to"], rightAligned: [2])
    t.keptWhole = [1]
    t.rows = [
      ["lstm (LSTM)", "(None, 5, 16), (None, 16), (None, 16)", "1,600", "series"],
      [
        "global_average_pooling1d (GlobalAveragePooling1D)", "(None, 16)", "0",
        "global_average_pooling1d, lstm, lstm",
      ],
    ]
    let text = t.rendered(maxWidth: 70)
    #expect(text.contains("(None, 5, 16),"), "a shape is not cut")
    #expect(text.split(separator: "\n").allSatisfy { String($0).displayWidth == 70 })
  }

  @Test func compactLeavesOutTheRulesBetweenRows() {
    let t = Self.sample()
    #expect(t.rendered(maxWidth: nil).contains("├"))
    #expect(!t.rendered(maxWidth: nil, compact: true).contains("├"))
  }

  @Test(arguments: [
    (0, "0"), (999, "999"), (1000, "1,000"), (5418, "5,418"), (23_587_712, "23,587,712"),
    (-1234, "-1,234"),
  ])
  func groupedLikePython(_ n: Int, _ text: String) {
    #expect(groupedDigits(n) == text)
  }

  @Test(arguments: [30, 60, 80])
  func proseWrapsAtWordBoundaries(_ width: Int) {
    let help = Help.text("Conv2D") + "\n" + Help.text("")
    let wrapped = Prose.wrap(help, width: width)
    let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
    #expect(words(wrapped) == words(help), "no word is cut or lost")
    for line in wrapped.split(separator: "\n") where line.contains(" ") {
      // A line longer than the width is one unbreakable word after its indent.
      if String(line).displayWidth > width {
        #expect(
          line.trimmingCharacters(in: .whitespaces).split(separator: " ").count == 1, "\(line)")
      }
    }
  }

  /// A help table's row wraps under its own second column; a tensor's line does not.
  @Test func helpRowsHangUnderTheirDescription() {
    let row = "  rules          which sizes work, as rules; solve 7x7: the sizes giving an output"
    let lines = Prose.wrapLine(row, width: 60)
    #expect(lines.count == 2)
    #expect(
      lines[1].hasPrefix(String(repeating: " ", count: 17)) && lines[1].dropFirst(17).first != " ")
    for width in [60, 80] {
      // Every line is a row (the heading at 0, an example at 2) or goes on under its row's
      // description (16 for the heading's, 27 for the examples').
      for line in Prose.wrap(Help.text("apply"), width: width).split(separator: "\n") {
        let lead = line.prefix { $0 == " " }.count
        #expect([0, 2, 16, 27].contains(lead), "\(line)")
      }
    }
    let tensor = "  = (None, ceil(H/2), ceil(W/2), 32)   conv2d (Conv2D), 896 params"
    #expect(Prose.wrapLine(tensor, width: 60).last == "    params")
  }

  @Test func continuationLinesHangUnderTheLabel() {
    let lines = Prose.wrapLine(
      "error: conv2d: height floor((4 - 5)/1) + 1 = 0 <= 0 with padding 'valid'", width: 30)
    #expect(lines.count > 1)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("       ") && !$0.hasPrefix("        ") })
  }
}
