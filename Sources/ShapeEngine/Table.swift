/// A model.summary()-style table, drawn with the box characters Keras (rich) uses.
struct Table {
  var headers: [String]
  /// Right-aligned columns (numbers).
  var rightAligned: Set<Int> = []
  var rows: [[String]] = []
  /// Columns whose units (a shape) stay whole longest when the table is fitted to a width.
  var keptWhole: Set<Int> = []

  func rendered() -> String {
    // Widths in Characters, as a terminal shows them; measured once per cell.
    let headerWidths = headers.map(Self.width)
    let rowWidths = rows.map { $0.map(Self.width) }
    var widths = headerWidths
    for row in rowWidths {
      for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
    }
    func line(_ l: String, _ m: String, _ r: String, _ fill: String) -> [UInt8] {
      var out = Array(l.utf8)
      for (i, w) in widths.enumerated() {
        if i > 0 { out += m.utf8 }
        for _ in 0..<(w + 2) { out += fill.utf8 }
      }
      return out + r.utf8
    }
    // Everything is written into one buffer; each separator is made once.
    var out: [UInt8] = []
    func cells(_ row: [String], _ cellWidths: [Int], _ bar: String) {
      out += bar.utf8
      for (i, cell) in row.enumerated() {
        if i > 0 { out += bar.utf8 }
        let pad = repeatElement(UInt8(ascii: " "), count: max(0, widths[i] - cellWidths[i]))
        out.append(UInt8(ascii: " "))
        if rightAligned.contains(i) {
          out += pad
          out += cell.utf8
        } else {
          out += cell.utf8
          out += pad
        }
        out.append(UInt8(ascii: " "))
      }
      out += bar.utf8
    }
    let newline = UInt8(ascii: "\n")
    out += line("┏", "┳", "┓", "━")
    out.append(newline)
    cells(headers, headerWidths, "┃")
    out.append(newline)
    out += line("┡", "╇", "┩", "━")
    let between = [newline] + line("├", "┼", "┤", "─")
    for (i, row) in rows.enumerated() {
      out.append(newline)
      cells(row, rowWidths[i], "│")
      if i < rows.count - 1 { out += between }
    }
    out.append(newline)
    out += line("└", "┴", "┘", "─")
    return String(decoding: out, as: UTF8.self)
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
