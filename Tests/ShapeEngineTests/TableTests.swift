import Testing

@testable import ShapeEngine

/// The table writer must draw what the first, simple version drew (kept here as the reference).
@Suite struct TableTests {
  static func reference(_ t: Table) -> String {
    var widths = t.headers.map(\.count)
    for row in t.rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], cell.count)
      }
    }
    func line(_ l: String, _ m: String, _ r: String, _ fill: String) -> String {
      l + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: m) + r
    }
    func cells(_ row: [String], _ bar: String) -> String {
      let padded = row.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
        return " " + (t.rightAligned.contains(i) ? pad + cell : cell + pad) + " "
      }
      return bar + padded.joined(separator: bar) + bar
    }
    var out = [line("┏", "┳", "┓", "━"), cells(t.headers, "┃"), line("┡", "╇", "┩", "━")]
    for (i, row) in t.rows.enumerated() {
      out.append(cells(row, "│"))
      if i < t.rows.count - 1 { out.append(line("├", "┼", "┤", "─")) }
    }
    out.append(line("└", "┴", "┘", "─"))
    return out.joined(separator: "\n")
  }

  @Test func drawsWhatTheReferenceDraws() {
    let cells = [
      "", "a", "conv2d (Conv2D)", "(None, 7, 7, 2048)", "é", "😀x", "a\r\nb", "\t", "ｗｉｄｅ",
    ]
    for rows in 0...3 {
      for right in [Set<Int>(), [1], [0, 2]] {
        var t = Table(headers: ["Layer (type)", "Output Shape", "Param #"], rightAligned: right)
        for r in 0..<rows {
          t.rows.append((0..<3).map { cells[(r * 3 + $0 + rows) % cells.count] })
        }
        #expect(t.rendered() == Self.reference(t), "\(rows) rows, right \(right)")
      }
    }
  }
}
