/// A model.summary()-style table, drawn with the box characters Keras (rich) uses.
struct Table {
  var headers: [String]
  /// Right-aligned columns (numbers).
  var rightAligned: Set<Int> = []
  var rows: [[String]] = []
  /// Columns whose units (a shape) stay whole longest when the table is fitted to a width.
  var keptWhole: Set<Int> = []

  /// The table unfitted, a column as wide as its widest cell in Characters.
  func rendered() -> String {
    // Widths in Characters, as a terminal shows them; measured once per cell.
    let headerWidths = headers.map(Self.width)
    let rowWidths = rows.map { $0.map(Self.width) }
    var widths = headerWidths
    for row in rowWidths {
      for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
    }
    return drawWhole(widths) { rowWidths[$0][$1] }
  }

  /// The table unfitted when every cell is printable ASCII, where a cell's width is its byte
  /// count by every measure; nil otherwise. One pass over the cells, none over Characters.
  func renderedPlainASCII(maxWidth: Int?) -> String? {
    var widths = [Int](repeating: 0, count: headers.count)
    for (i, cell) in headers.enumerated() {
      guard Self.isPlainASCII(cell) else { return nil }
      widths[i] = cell.utf8.count
    }
    for row in rows {
      for (i, cell) in row.enumerated() {
        guard Self.isPlainASCII(cell) else { return nil }
        if i < widths.count { widths[i] = max(widths[i], cell.utf8.count) }
      }
    }
    if let maxWidth, Self.totalWidth(widths) > maxWidth { return nil }
    return drawWhole(widths) { rows[$0][$1].utf8.count }
  }

  /// Draws every row on one line, column `i` `widths[i]` wide, where `cellWidth(row, column)`
  /// is a body cell's width (-1: the header row). Written into one string: each rule is made
  /// once, padding is a slice of one run of blanks, and nothing is validated again.
  private func drawWhole(_ widths: [Int], _ cellWidth: (Int, Int) -> Int) -> String {
    let right = widths.indices.map { rightAligned.contains($0) }
    let blanks = String(repeating: " ", count: widths.max() ?? 0)
    func rule(_ l: String, _ m: String, _ r: String, _ fill: String) -> String {
      l + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: m) + r
    }
    var out = ""
    func cells(_ texts: [String], _ row: Int, _ bar: String) {
      out += bar
      for (i, cell) in texts.enumerated() {
        if i > 0 { out += bar }
        let n = max(0, widths[i] - (row < 0 ? Self.width(cell) : cellWidth(row, i)))
        Self.appendCell(cell, padding: n, right: right[i], blanks: blanks, to: &out)
      }
      out += bar
    }
    let between = "\n" + rule("├", "┼", "┤", "─")
    out.reserveCapacity((between.utf8.count + Self.totalWidth(widths) + 16) * (rows.count + 2))
    out += rule("┏", "┳", "┓", "━")
    out += "\n"
    cells(headers, -1, "┃")
    out += "\n"
    out += rule("┡", "╇", "┩", "━")
    for (i, row) in rows.enumerated() {
      out += "\n"
      cells(row, i, "│")
      if i < rows.count - 1 { out += between }
    }
    out += "\n"
    out += rule("└", "┴", "┘", "─")
    return out
  }

  /// Printable ASCII only (no control character, which Characters and columns count apart).
  static func isPlainASCII(_ s: String) -> Bool {
    s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// A cell's width in Characters: its byte count when it is plain ASCII without a carriage
  /// return (`\r\n` is one Character), else the Characters counted.
  static func width(_ s: String) -> Int {
    s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? s.utf8.count : s.count
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
  // Python's f"{x:.2f}": a tie rounds to even (45.625 -> 45.62), as Keras prints it.
  let cents = Int((x * 100).rounded(.toNearestOrEven))
  let frac = abs(cents % 100)
  return "\(cents / 100).\(frac < 10 ? "0" : "")\(frac)"
}

extension Table {
  /// One cell between its bars: a blank, the text padded with `padding` blanks on the side
  /// `right` says (a slice of `blanks`, which is at least as long), a blank.
  static func appendCell(
    _ text: some StringProtocol, padding: Int, right: Bool, blanks: String, to out: inout String
  ) {
    let pad = Substring(blanks.utf8.prefix(padding))
    out += " "
    if right {
      out += pad
      out += text
    } else {
      out += text
      out += pad
    }
    out += " "
  }
}
