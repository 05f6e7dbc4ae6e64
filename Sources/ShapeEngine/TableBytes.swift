/// A table whose cells are written once, as bytes, into one buffer and drawn from there: the
/// summary tables, thousands of rows at every size. Its text is `Table`'s, byte for byte: drawn
/// here when every cell is printable ASCII and the table needs no fitting (the common case),
/// else handed to `Table` as strings.
struct TableBytes {
  var headers: [String]
  var rightAligned: Set<Int>
  /// As `Table.keptWhole`.
  var keptWhole: Set<Int> = []
  /// Every cell's bytes, row after row; a row has a cell per header.
  var cells = TextBytes()
  /// Where each cell ends in `cells`.
  private(set) var ends: [Int] = []

  init(headers: [String], rightAligned: Set<Int>) {
    self.headers = headers
    self.rightAligned = rightAligned
  }

  var rowCount: Int { headers.isEmpty ? 0 : ends.count / headers.count }

  /// Ends the cell written into `cells` since the last one ended.
  mutating func endCell() { ends.append(cells.count) }

  /// A whole cell.
  mutating func cell(_ text: String) {
    cells.append(text)
    endCell()
  }

  /// Cell `column` of row `row`: its bytes' range in `cells`.
  func range(_ row: Int, _ column: Int) -> Range<Int> {
    let k = row * headers.count + column
    return (k == 0 ? 0 : ends[k - 1])..<ends[k]
  }

  /// The same table as strings.
  var table: Table {
    var t = Table(headers: headers, rightAligned: rightAligned)
    t.keptWhole = keptWhole
    t.rows = (0..<rowCount).map { r in
      headers.indices.map { String(decoding: cells.bytes[range(r, $0)], as: UTF8.self) }
    }
    return t
  }

  /// What `Table.rendered(maxWidth:compact:)` draws, appended to `out`.
  func draw(maxWidth: Int?, compact: Bool, into out: inout TextBytes) {
    guard !compact, let widths = plainWidths(maxWidth: maxWidth) else {
      out.append(table.rendered(maxWidth: maxWidth, compact: compact))
      return
    }
    drawWhole(widths, into: &out)
  }

  /// Column widths when every cell is printable ASCII (a cell's width is then its byte count)
  /// and the table fits `maxWidth`; nil otherwise (`Table.renderedPlainASCII`'s condition).
  private func plainWidths(maxWidth: Int?) -> [Int]? {
    guard headers.allSatisfy(Table.isPlainASCII), TextBytes.isPlainASCII(cells.bytes[...])
    else { return nil }
    var widths = headers.map(\.utf8.count)
    var start = 0
    for (k, end) in ends.enumerated() {
      let i = k % headers.count
      widths[i] = max(widths[i], end - start)
      start = end
    }
    if let maxWidth, Table.totalWidth(widths) > maxWidth { return nil }
    return widths
  }

  /// `Table.drawWhole`: every row on one line, column `i` `widths[i]` wide, rules between rows.
  private func drawWhole(_ widths: [Int], into out: inout TextBytes) {
    let blanks = [UInt8](repeating: UInt8(ascii: " "), count: widths.max() ?? 0)
    func rule(_ l: String, _ m: String, _ r: String, _ fill: String) -> [UInt8] {
      var line = TextBytes()
      line.append(l)
      for (i, w) in widths.enumerated() {
        if i > 0 { line.append(m) }
        for _ in 0..<(w + 2) { line.append(fill) }
      }
      line.append(r)
      return line.bytes
    }
    let between = [UInt8(ascii: "\n")] + rule("├", "┼", "┤", "─")
    let heavyBar = Array("┃".utf8)
    let bar = Array("│".utf8)
    let rows = rowCount
    out.bytes.reserveCapacity(
      out.count + (between.count + Table.totalWidth(widths) + 16) * (rows + 2))
    // One cell between its bars: a blank, the text padded on its side, a blank.
    func cell(_ text: ArraySlice<UInt8>, _ column: Int) {
      let pad = blanks[0..<max(0, widths[column] - text.count)]
      out.append(UInt8(ascii: " "))
      if rightAligned.contains(column) {
        out.bytes.append(contentsOf: pad)
        out.bytes.append(contentsOf: text)
      } else {
        out.bytes.append(contentsOf: text)
        out.bytes.append(contentsOf: pad)
      }
      out.append(UInt8(ascii: " "))
    }
    out.bytes.append(contentsOf: rule("┏", "┳", "┓", "━"))
    out.append(UInt8(ascii: "\n"))
    out.bytes.append(contentsOf: heavyBar)
    for (i, h) in headers.enumerated() {
      if i > 0 { out.bytes.append(contentsOf: heavyBar) }
      cell(ArraySlice(h.utf8), i)
    }
    out.bytes.append(contentsOf: heavyBar)
    out.append(UInt8(ascii: "\n"))
    out.bytes.append(contentsOf: rule("┡", "╇", "┩", "━"))
    let columns = headers.count
    let right = headers.indices.map { rightAligned.contains($0) }
    cells.bytes.withUnsafeBufferPointer { text in
      var start = 0
      var k = 0
      for r in 0..<rows {
        out.append(UInt8(ascii: "\n"))
        out.bytes.append(contentsOf: bar)
        for i in 0..<columns {
          if i > 0 { out.bytes.append(contentsOf: bar) }
          let end = ends[k]
          let body = UnsafeBufferPointer(rebasing: text[start..<end])
          let pad = blanks[0..<max(0, widths[i] - (end - start))]
          out.append(UInt8(ascii: " "))
          if right[i] {
            out.bytes.append(contentsOf: pad)
            out.bytes.append(contentsOf: body)
          } else {
            out.bytes.append(contentsOf: body)
            out.bytes.append(contentsOf: pad)
          }
          out.append(UInt8(ascii: " "))
          start = end
          k += 1
        }
        out.bytes.append(contentsOf: bar)
        if r < rows - 1 { out.bytes.append(contentsOf: between) }
      }
    }
    out.append(UInt8(ascii: "\n"))
    out.bytes.append(contentsOf: rule("└", "┴", "┘", "─"))
  }
}
