import Testing

@testable import ShapeEngine

/// Prose must wrap as the first version wrapped (kept here as the reference), on long lines of
/// words, shapes and labels, ASCII or not, at every width.
@Suite struct ProseReferenceTests {
  static func referenceLine(_ line: String, width: Int) -> [String] {
    guard line.displayWidth > width else { return [line] }
    let indent = String(repeating: " ", count: min(Prose.hangingIndent(line), width / 2))
    var pieces: [String] = []
    var current = ""
    var depth = 0
    var lastBreak: String.Index?
    var lastNestedBreak: String.Index?
    for ch in line {
      if ch == "(" || ch == "[" || ch == "{" { depth += 1 }
      if ch == ")" || ch == "]" || ch == "}" { depth = max(0, depth - 1) }
      if ch == " ", !current.allSatisfy({ $0 == " " }) {
        if depth <= 1 { lastBreak = current.endIndex } else { lastNestedBreak = current.endIndex }
      }
      current.append(ch)
      if current.displayWidth > width, let at = lastBreak ?? lastNestedBreak {
        pieces.append(String(current[..<at]))
        current = indent + String(current[current.index(after: at)...])
        lastBreak = nil
        lastNestedBreak = nil
      }
    }
    pieces.append(current)
    return pieces
  }

  static let words = [
    "error:", "hint:", "  Convolution:", "Dense(3,", "(None,", "224,", "3)", "((1, 1), (2, 2))",
    "a_very_long_identifier_without_any_space_in_it", "   ", " ", "x", "[0][0]", "{", "}", "画像",
    "e\u{301}", "😀", "ｗｉｄｅ", "floor((H+1)/2),", "note:", "Keras",
  ]

  @Test func wrapsWhatTheReferenceWraps() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for round in 0..<300 {
      let pool = round % 2 == 0 ? Self.words.filter(Table.isPlainASCII) : Self.words
      let line = (0..<(1 + next(60))).map { _ in pool[next(pool.count)] }
        .joined(separator: next(4) == 0 ? "  " : " ")
      for width in [4, 10, 17, 30, 60, 80, 100] {
        #expect(
          Prose.wrapLine(line, width: width) == Self.referenceLine(line, width: width),
          "\(line) at \(width)")
      }
    }
  }
}
