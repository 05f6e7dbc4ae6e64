/// A model.summary()-style table, drawn with the box characters Keras (rich) uses.
struct Table {
  var headers: [String]
  /// Right-aligned columns (numbers).
  var rightAligned: Set<Int> = []
  var rows: [[String]] = []
  /// Columns whose units (a shape) stay whole longest when the table is fitted to a width.
  var keptWhole: Set<Int> = []

  func rendered() -> String {
    var widths = headers.map(\.count)
    for row in rows {
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
        return " " + (rightAligned.contains(i) ? pad + cell : cell + pad) + " "
      }
      return bar + padded.joined(separator: bar) + bar
    }
    var out = [line("┏", "┳", "┓", "━"), cells(headers, "┃"), line("┡", "╇", "┩", "━")]
    for (i, row) in rows.enumerated() {
      out.append(cells(row, "│"))
      if i < rows.count - 1 { out.append(line("├", "┼", "┤", "─")) }
    }
    out.append(line("└", "┴", "┘", "─"))
    return out.joined(separator: "\n")
  }
}

/// Keras's `readable_memory_size`: 912.00 B, 1.17 KB.
func readableBytes(_ bytes: Double) -> String {
  var size = bytes
  for unit in ["B", "KB", "MB", "GB", "TB"] {
    if size < 1024 || unit == "TB" { return formatFixed2(size) + " " + unit }
    size /= 1024
  }
  return formatFixed2(size) + " PB"
}

/// A double with two decimals, without Foundation's locale-dependent formatting.
func formatFixed2(_ x: Double) -> String {
  guard x.isFinite, abs(x) < 1e15 else { return String(x) }
  let cents = Int((x * 100).rounded())
  let frac = abs(cents % 100)
  return "\(cents / 100).\(frac < 10 ? "0" : "")\(frac)"
}
