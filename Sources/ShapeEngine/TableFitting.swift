/// Fitting a `Table` into a terminal's width, as Keras's rich tables do: the widest columns give
/// way first, cells wrap at spaces (a shape after a comma, a layer's class after its name), and a
/// word too long for its column is cut after an underscore where it can be. Numbers never wrap.
/// Widths are display widths, so CJK names keep the borders straight.
extension Table {
  /// The table within `maxWidth` columns (nil: as wide as its cells); `compact` leaves out the
  /// rules between rows.
  func rendered(maxWidth: Int?, compact: Bool = false) -> String {
    let natural = naturalWidths()
    let isASCII = (headers + rows.joined()).allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    if !compact, isASCII, maxWidth.map({ Self.totalWidth(natural) <= $0 }) ?? true {
      return rendered()
    }
    return draw(widths: fittedWidths(maxWidth: maxWidth), compact: compact)
  }

  /// The printed width of a table whose cells are `widths` wide: borders and padding included.
  static func totalWidth(_ widths: [Int]) -> Int { widths.reduce(0, +) + 3 * widths.count + 1 }

  /// Each column's width when nothing has to fit.
  func naturalWidths() -> [Int] {
    var widths = headers.map(\.displayWidth)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], cell.displayWidth)
      }
    }
    return widths
  }

  /// Column widths within `maxWidth`: the widest column shrinks first, down to its longest word,
  /// then (if the terminal is narrower still) down to 4 columns; right-aligned number columns
  /// keep their numbers whole.
  func fittedWidths(maxWidth: Int?) -> [Int] {
    var widths = naturalWidths()
    guard let maxWidth, Self.totalWidth(widths) > maxWidth else { return widths }
    let cells = headers.indices.map { i in rows.compactMap { $0.indices.contains(i) ? $0[i] : nil }
    }
    // A number column keeps its numbers and its header whole (`Param #`).
    let numbers = headers.indices.map { i in
      max(cells[i].map(\.displayWidth).max() ?? 1, headers[i].displayWidth)
    }
    let longestWords = headers.indices.map { i in
      (cells[i] + [headers[i]]).flatMap { $0.split(separator: " ") }.map {
        String($0).displayWidth
      }.max() ?? 1
    }
    let soft = headers.indices.map { i in
      rightAligned.contains(i) ? numbers[i] : min(widths[i], max(longestWords[i], 4))
    }
    let hard = headers.indices.map { i in
      rightAligned.contains(i) ? numbers[i] : min(widths[i], 4)
    }
    for floor in [soft, hard] {
      var excess = Self.totalWidth(widths) - maxWidth
      while excess > 0 {
        // The widest column that can still give way gives one column.
        guard
          let i = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: {
            widths[$0] < widths[$1]
          })
        else { break }
        widths[i] -= 1
        excess -= 1
      }
      if excess <= 0 { break }
    }
    return widths
  }

  /// Draws the table with cells wrapped to `widths`.
  func draw(widths: [Int], compact: Bool) -> String {
    func line(_ l: String, _ m: String, _ r: String, _ fill: String) -> String {
      l + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: m) + r
    }
    func cells(_ row: [String], _ bar: String) -> [String] {
      let wrapped = widths.indices.map { i in
        Self.wrap(row.indices.contains(i) ? row[i] : "", width: widths[i])
      }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { k in
        let padded = widths.indices.map { i -> String in
          let text = k < wrapped[i].count ? wrapped[i][k] : ""
          let pad = String(repeating: " ", count: max(0, widths[i] - text.displayWidth))
          return " " + (rightAligned.contains(i) ? pad + text : text + pad) + " "
        }
        return bar + padded.joined(separator: bar) + bar
      }
    }
    var out = [line("┏", "┳", "┓", "━")] + cells(headers, "┃") + [line("┡", "╇", "┩", "━")]
    for (i, row) in rows.enumerated() {
      out += cells(row, "│")
      if i < rows.count - 1 && !compact { out.append(line("├", "┼", "┤", "─")) }
    }
    out.append(line("└", "┴", "┘", "─"))
    return out.joined(separator: "\n")
  }

  /// `text` in lines at most `width` columns wide, broken at spaces; a longer word is cut,
  /// after an underscore or comma when one falls in the line.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.displayWidth > width, width > 0 else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ").map(String.init) {
      let candidate = current.isEmpty ? word : current + " " + word
      if candidate.displayWidth <= width {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      var rest = word
      while rest.displayWidth > width {
        let (head, tail) = cut(rest, width: width)
        lines.append(head)
        rest = tail
      }
      current = rest
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// The longest head of `word` within `width` columns, ending after `_` or `,` when possible.
  static func cut(_ word: String, width: Int) -> (String, String) {
    var used = 0
    var end = word.startIndex
    var lastBreak: String.Index?
    for i in word.indices {
      let w = word[i].displayWidth
      if used + w > width { break }
      used += w
      end = word.index(after: i)
      if word[i] == "_" || word[i] == "," { lastBreak = end }
    }
    if end == word.startIndex { end = word.index(after: word.startIndex) }
    let at =
      lastBreak.map { word.distance(from: word.startIndex, to: $0) * 2 >= width ? $0 : end } ?? end
    return (String(word[..<at]), String(word[at...]))
  }
}
