import StatementLanguage

/// Fitting a `Table` into a terminal's width, as Keras's rich tables do: the widest columns give
/// way first, cells wrap at spaces (a shape after a comma, a layer's class after its name), and a
/// word too long for its column is cut after an underscore where it can be. Numbers never wrap.
/// Widths are display widths, so CJK names keep the borders straight.
extension Table {
  /// The table within `maxWidth` columns (nil: as wide as its cells); `compact` leaves out the
  /// rules between rows.
  func rendered(maxWidth: Int?, compact: Bool = false) -> String {
    if !compact, let plain = renderedPlainASCII(maxWidth: maxWidth) { return plain }
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

  /// Column widths within `maxWidth`. Floors in the order columns give way: whole units (a
  /// shape tuple, a layer's name, its class), then whole words; a column kept whole (the
  /// shapes) keeps 14 columns for a shape while the others go down to eight; then four.
  /// Right-aligned number columns keep their numbers and header whole. From the natural
  /// widths, the widest column gives way first, down to the floors of the first step that
  /// fits, so that columns shrink together rather than one to its floor.
  func fittedWidths(maxWidth: Int?) -> [Int] {
    var widths = naturalWidths()
    guard let maxWidth, Self.totalWidth(widths) > maxWidth else { return widths }
    let cells = headers.indices.map { i in rows.compactMap { $0.indices.contains(i) ? $0[i] : nil }
    }
    // A number keeps its width; a formula in a number column (deferred params, MACs) may wrap
    // after its operators, down to 12 columns. (Only number columns need it.)
    let numbers: [Int] = headers.indices.map { i in
      guard rightAligned.contains(i) else { return 0 }
      var plain: Int?
      var formulas = 0
      for cell in cells[i] {
        if Self.isFormula(cell) {
          formulas = max(formulas, cell.displayWidth)
        } else {
          plain = max(plain ?? 0, cell.displayWidth)
        }
      }
      return max(plain ?? 1, headers[i].displayWidth, min(formulas, 12))
    }
    /// The widest piece of column `i`'s cells, pieces cut where `at` says.
    func floor(_ i: Int, _ at: Piece) -> Int {
      if rightAligned.contains(i) { return numbers[i] }
      var longest: Int?
      for cell in cells[i] + [headers[i]] {
        if let widest = Self.widestPiece(cell, at) { longest = max(longest ?? 0, widest) }
      }
      return min(widths[i], max(longest ?? 1, 4))
    }
    let unitFloors: [Int] = headers.indices.map { floor($0, .unit) }
    let wordFloors: [Int] = headers.indices.map { floor($0, .word) }
    let hard: [Int] = headers.indices.map {
      rightAligned.contains($0) ? numbers[$0] : min(widths[$0], 4)
    }
    let eight: [Int] = headers.indices.map { min(widths[$0], max(8, hard[$0])) }
    let shapeLine: [Int] = headers.indices.map { max(wordFloors[$0], min(unitFloors[$0], 14)) }
    func kept(_ others: [Int], _ whole: [Int]) -> [Int] {
      headers.indices.map { keptWhole.contains($0) ? whole[$0] : others[$0] }
    }
    let steps: [[Int]] = [
      unitFloors, kept(wordFloors, unitFloors), kept(wordFloors, shapeLine),
      kept(eight, shapeLine), kept(eight, wordFloors), hard,
    ]
    let floors = steps.first { Self.totalWidth($0) <= maxWidth } ?? hard
    var excess = Self.totalWidth(widths) - maxWidth
    while excess > 0 {
      let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
      guard let i = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[i] -= 1
      excess -= 1
    }
    return widths
  }

  /// Draws the table with cells wrapped to `widths`, into one string (each rule made once,
  /// padding a slice of one run of blanks).
  func draw(widths: [Int], compact: Bool) -> String {
    let right = widths.indices.map { rightAligned.contains($0) }
    let blanks = String(repeating: " ", count: widths.max() ?? 0)
    func line(_ l: String, _ m: String, _ r: String, _ fill: String) -> String {
      l + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: m) + r
    }
    var out = line("┏", "┳", "┓", "━")
    func cells(_ row: [String], _ bar: String) {
      let wrapped = widths.indices.map { i in
        Self.wrap(row.indices.contains(i) ? row[i] : "", width: widths[i])
      }
      let height = wrapped.map(\.count).max() ?? 1
      for k in 0..<height {
        out += "\n"
        out += bar
        for i in widths.indices {
          if i > 0 { out += bar }
          let text = k < wrapped[i].count ? wrapped[i][k] : ""
          Table.appendCell(
            text, padding: max(0, widths[i] - text.displayWidth), right: right[i], blanks: blanks,
            to: &out)
        }
        out += bar
      }
    }
    cells(headers, "┃")
    out += "\n" + line("┡", "╇", "┩", "━")
    let between = "\n" + line("├", "┼", "┤", "─")
    for (i, row) in rows.enumerated() {
      cells(row, "│")
      if i < rows.count - 1 && !compact { out += between }
    }
    out += "\n" + line("└", "┴", "┘", "─")
    return out
  }

  /// Where a cell is cut into the pieces that set a column's floor: units (`units`) or words.
  enum Piece { case unit, word }

  /// The width of the widest piece of `text` (nil when it has none): for printable ASCII, one
  /// pass over the bytes, with `units`' bracket depth; else the pieces measured.
  static func widestPiece(_ text: String, _ at: Piece) -> Int? {
    guard isPlainASCII(text) else {
      let pieces = at == .unit ? units(text) : text.split(separator: " ").map(String.init)
      return pieces.map(\.displayWidth).max()
    }
    var widest: Int?
    var current = 0
    var depth = 0
    for byte in text.utf8 {
      if at == .unit {
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
        if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
      }
      if byte == UInt8(ascii: " ") && depth == 0 {
        if current > 0 { widest = max(widest ?? 0, current) }
        current = 0
      } else {
        current += 1
      }
    }
    if current > 0 { widest = max(widest ?? 0, current) }
    return widest
  }

  /// The parts of a cell that read as one: split at the spaces outside brackets, so that
  /// `(None, 5, 16), (None, 16)` is two shapes and `conv2d (Conv2D)` a name and a class.
  static func units(_ text: String) -> [String] {
    if isPlainASCII(text) {
      // The runs between the spaces outside brackets, cut from the bytes.
      var out: [String] = []
      let bytes = text.utf8
      var start = bytes.startIndex
      var depth = 0
      for i in bytes.indices {
        let byte = bytes[i]
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
        if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
        if byte == UInt8(ascii: " ") && depth == 0 {
          if start < i { out.append(String(Substring(bytes[start..<i]))) }
          start = bytes.index(after: i)
        }
      }
      if start < bytes.endIndex { out.append(String(Substring(bytes[start...]))) }
      return out
    }
    var out: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
      if ch == "(" || ch == "[" { depth += 1 }
      if ch == ")" || ch == "]" { depth = max(0, depth - 1) }
      if ch == " " && depth == 0 {
        if !current.isEmpty { out.append(current) }
        current = ""
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// `text` in lines at most `width` columns wide: whole units (`units`) where they fit, else
  /// broken at the spaces inside them; a longer word is cut, after an underscore or comma when
  /// one falls in the line.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.displayWidth > width, width > 0 else { return [text] }
    var lines: [String] = []
    var current = ""
    for unit in units(text) {
      let candidate = current.isEmpty ? unit : current + " " + unit
      if candidate.displayWidth <= width {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      let pieces = wrapWords(unit, width: width)
      lines += pieces.dropLast()
      current = pieces.last ?? ""
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// `text` broken at any space; a word longer than `width` is cut.
  static func wrapWords(_ text: String, width: Int) -> [String] {
    guard text.displayWidth > width else { return [text] }
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

  /// A cell that is a formula (`80*(floor(H/2)-1)+10`, `216*(H-2)*(W-2) B`), not a number.
  static func isFormula(_ cell: String) -> Bool {
    if isPlainASCII(cell) {
      // The same test on bytes: an operator, or a letter in a cell that is not `0 (unbuilt)`
      // or a size in bytes.
      let bytes = cell.utf8
      if bytes.contains(where: { $0 == 0x2A || $0 == 0x2B || $0 == 0x2F }) { return true }
      let letter = bytes.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
      return letter && bytes.last != UInt8(ascii: "B") && !contains(bytes, "unbuilt")
    }
    return cell.contains { "*+/".contains($0) }
      || (cell.contains(where: \.isLetter) && !cell.contains("unbuilt")
        && !cell.hasSuffix("B"))
  }

  /// True when `bytes` holds `needle`'s bytes in a row.
  static func contains(_ bytes: String.UTF8View, _ needle: String) -> Bool {
    guard let first = needle.utf8.first else { return true }
    var rest = bytes[...]
    while let i = rest.firstIndex(of: first) {
      if rest[i...].starts(with: needle.utf8) { return true }
      rest = rest[rest.index(after: i)...]
    }
    return false
  }

  /// The longest head of `word` within `width` columns, ending after `_`, `,`, `+` or `*` when
  /// possible.
  static func cut(_ word: String, width: Int) -> (String, String) {
    var used = 0
    var end = word.startIndex
    var lastBreak: String.Index?
    for i in word.indices {
      let w = word[i].displayWidth
      if used + w > width { break }
      used += w
      end = word.index(after: i)
      if "_,+*".contains(word[i]) { lastBreak = end }
    }
    if end == word.startIndex { end = word.index(after: word.startIndex) }
    let at =
      lastBreak.map { word.distance(from: word.startIndex, to: $0) * 2 >= width ? $0 : end } ?? end
    return (String(word[..<at]), String(word[at...]))
  }
}
