import Foundation
import Testing

/// `apply` at three sizes in a real terminal (tmux) at 60, 80 and 140 columns: one table, every
/// line within the width, the borders lined up, each size's output shape on screen.
@Suite(.serialized) struct SideBySideTerminalTests {
  @Test(arguments: [60, 80, 140])
  func sideBySideFitsTheTerminal(_ columns: Int) throws {
    let t = try TerminalTests.smallCNN(columns: columns)
    t.type("apply 224x224 320x320 512x512")
    t.keys("Enter")
    #expect(t.waitFor("Total params: 84,392"), "\(t.screen())")
    let screen = t.screen()
    #expect(screen.components(separatedBy: "┏").count == 2, "one table")
    let table = TerminalTests.tableLines(screen)
    #expect(table.count >= 8)
    let widths = Set(table.map { $0.trimmingCharacters(in: .whitespaces).count as Int })
    #expect(widths.count == 1, "borders line up: \(widths)")
    #expect(widths.allSatisfy { $0 <= columns })
    // Each size's pooled map, whole or wrapped at a comma: its numbers are on screen.
    for n in ["112", "160", "256"] { #expect(screen.contains(n), "\(n) at \(columns)") }
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }
}
