import StatementLanguage
import Testing

/// No input traps: every line either parses or gives a diagnostic whose range lies in the line.
@Suite struct RobustnessTests {
  static let alphabet: [Character] = [
    " ", "x", "1", "9", "_", "e", ".", "-", "+", "(", ")", "[", "]", ",", "=", ":", ";", "#", "'",
    "\"", "\\", "é", "*",
  ]

  @Test func everyShortLineParsesOrFailsInsideTheLine() {
    var lines: [String] = [""]
    for _ in 0..<3 {
      lines += lines.filter { $0.count == lines.last?.count }.flatMap { line in
        Self.alphabet.map { line + String($0) }
      }
    }
    #expect(lines.count == 1 + 23 + 23 * 23 + 23 * 23 * 23)
    var failures: [String] = []
    var diagnostics = 0
    for line in lines {
      do {
        _ = try Parser.parse(line, commands: ["x"])
      } catch {
        diagnostics += 1
        guard let range = error.range, 0 <= range.start, range.start <= range.end,
          range.end <= line.count
        else {
          failures.append(line)
          continue
        }
      }
      for piece in Parser.splitStatements(line) where piece.offset + piece.text.count > line.count {
        failures.append(line)
      }
    }
    #expect(failures == [])
    #expect(diagnostics > 0)
  }

  @Test(arguments: [
    String(repeating: "9", count: 400), "-" + String(repeating: "9", count: 40),
    String(repeating: "(", count: 200), String(repeating: "[", count: 200) + "1",
    "1e" + String(repeating: "9", count: 400), "'\\", "\\", "\u{0}", "\u{301}x", "x\u{301} = 1",
    "0x10", "1.2.3", "--1", "f(**kwargs)", "lambda x: x", "x = {'a': 1}", "`x`",
  ])
  func hostileLinesDoNotTrap(line: String) {
    do {
      let statement = try Parser.parse(line, commands: [])
      #expect(statement != .empty)
    } catch {
      #expect(error.range.map { $0.end <= line.count } == true)
      #expect(!error.message.isEmpty)
    }
  }

  @Test func deepNestingParsesUpToTheLimit() {
    let depth = 100
    let line = String(repeating: "f(", count: depth) + String(repeating: ")", count: depth)
    #expect(rendered(line) == line)
    let tuples = String(repeating: "(", count: depth) + "1" + String(repeating: ",)", count: depth)
    #expect(rendered(tuples) == tuples)
  }

  @Test func nestingBeyondTheLimitIsADiagnosticNotAStackOverflow() {
    assertDiagnostic(
      String(repeating: "(", count: 100) + "1️⃣(2️⃣" + String(repeating: "(", count: 10_000),
      "too many nested brackets; the limit is 100",
      hint: "name an inner part with an assignment first, as in 'y = ...'")
    assertDiagnostic(
      String(repeating: "f([", count: 50) + "1️⃣[1]" + String(repeating: "])", count: 50),
      "too many nested brackets; the limit is 100")
  }
}
