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
  /// Every line's length is known from the widths, so the text is written into a buffer of its
  /// exact size, a cell a copy and its padding a fill.
  private func drawWhole(_ widths: [Int], into out: inout TextBytes) {
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
    let top = rule("┏", "┳", "┓", "━")
    let below = rule("┡", "╇", "┩", "━")
    let between = rule("├", "┼", "┤", "─")
    let bottom = rule("└", "┴", "┘", "─")
    let heavyBar = Array("┃".utf8)
    let bar = Array("│".utf8)
    let rows = rowCount
    let columns = headers.count
    // A line of cells: a bar before each cell and after the last, each cell a blank, its
    // column's width and a blank.
    let cellsWidth = widths.reduce(0) { $0 + $1 + 2 }
    let headerLine = heavyBar.count * (columns + 1) + cellsWidth
    let rowLine = bar.count * (columns + 1) + cellsWidth
    let size =
      top.count + 1 + headerLine + 1 + below.count + rows * (1 + rowLine)
      + max(0, rows - 1) * (1 + between.count) + 1 + bottom.count
    let right = headers.indices.map { rightAligned.contains($0) }
    // A new buffer with what `out` holds, the table, and room for the lines under it.
    let before = out.bytes
    out.bytes = [UInt8](unsafeUninitializedCapacity: before.count + size + 4096) {
      buffer, written in
      guard let base = buffer.baseAddress else { return }
      var p = base
      func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        p.initialize(from: base, count: bytes.count)
        p += bytes.count
      }
      func put(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { put($0) } }
      func put(_ byte: UInt8) {
        p.initialize(to: byte)
        p += 1
      }
      // One cell between its bars: a blank, the text padded on its side, a blank.
      func cell(_ body: UnsafeBufferPointer<UInt8>, _ column: Int) {
        let pad = max(0, widths[column] - body.count)
        put(UInt8(ascii: " "))
        if right[column] {
          p.initialize(repeating: UInt8(ascii: " "), count: pad)
          p += pad
          put(body)
        } else {
          put(body)
          p.initialize(repeating: UInt8(ascii: " "), count: pad)
          p += pad
        }
        put(UInt8(ascii: " "))
      }
      put(before)
      put(top)
      put(UInt8(ascii: "\n"))
      heavyBar.withUnsafeBufferPointer { heavyBar in
        put(heavyBar)
        for (i, h) in headers.enumerated() {
          if i > 0 { put(heavyBar) }
          var h = h
          h.withUTF8 { cell($0, i) }
        }
        put(heavyBar)
      }
      put(UInt8(ascii: "\n"))
      put(below)
      cells.bytes.withUnsafeBufferPointer { text in
        bar.withUnsafeBufferPointer { bar in
          between.withUnsafeBufferPointer { between in
            ends.withUnsafeBufferPointer { ends in
              var start = 0
              var k = 0
              for r in 0..<rows {
                put(UInt8(ascii: "\n"))
                put(bar)
                for i in 0..<columns {
                  if i > 0 { put(bar) }
                  let end = ends[k]
                  cell(UnsafeBufferPointer(rebasing: text[start..<end]), i)
                  start = end
                  k += 1
                }
                put(bar)
                if r < rows - 1 {
                  put(UInt8(ascii: "\n"))
                  put(between)
                }
              }
            }
          }
        }
      }
      put(UInt8(ascii: "\n"))
      put(bottom)
      written = p - base
      assert(written == before.count + size, "the widths give the size")
    }
  }
}
