import Testing

@testable import ShapeEngine

/// The fitted table must draw what the first version drew (kept here as the reference), on
/// plain ASCII, formulas, wide and combining characters and control characters, at every width.
@Suite struct TableFittingReferenceTests {
  static func reference(_ t: Table, maxWidth: Int?, compact: Bool) -> String {
    let natural = t.naturalWidths()
    let isASCII = (t.headers + t.rows.joined()).allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    if !compact, isASCII, maxWidth.map({ Table.totalWidth(natural) <= $0 }) ?? true {
      return TableTests.reference(t)
    }
    return draw(t, widths: fittedWidths(t, maxWidth: maxWidth), compact: compact)
  }

  static func isFormula(_ cell: String) -> Bool {
    cell.contains { "*+/".contains($0) }
      || (cell.contains(where: \.isLetter) && !cell.contains("unbuilt") && !cell.hasSuffix("B"))
  }

  static func fittedWidths(_ t: Table, maxWidth: Int?) -> [Int] {
    var widths = t.naturalWidths()
    guard let maxWidth, Table.totalWidth(widths) > maxWidth else { return widths }
    let headers = t.headers
    let cells = headers.indices.map { i in
      t.rows.compactMap { $0.indices.contains(i) ? $0[i] : nil }
    }
    let numbers: [Int] = headers.indices.map { i in
      let plain = cells[i].filter { !isFormula($0) }.map(\.displayWidth).max() ?? 1
      let formulas = cells[i].filter(isFormula).map(\.displayWidth).max() ?? 0
      return max(plain, headers[i].displayWidth, min(formulas, 12))
    }
    func floor(_ i: Int, _ split: (String) -> [String]) -> Int {
      let longest = (cells[i] + [headers[i]]).flatMap(split).map(\.displayWidth).max() ?? 1
      return t.rightAligned.contains(i) ? numbers[i] : min(widths[i], max(longest, 4))
    }
    let unitFloors: [Int] = headers.indices.map { floor($0, Table.units) }
    let wordFloors: [Int] = headers.indices.map {
      floor($0) { $0.split(separator: " ").map(String.init) }
    }
    let hard: [Int] = headers.indices.map {
      t.rightAligned.contains($0) ? numbers[$0] : min(widths[$0], 4)
    }
    let eight: [Int] = headers.indices.map { min(widths[$0], max(8, hard[$0])) }
    let shapeLine: [Int] = headers.indices.map { max(wordFloors[$0], min(unitFloors[$0], 14)) }
    func kept(_ others: [Int], _ whole: [Int]) -> [Int] {
      headers.indices.map { t.keptWhole.contains($0) ? whole[$0] : others[$0] }
    }
    let steps: [[Int]] = [
      unitFloors, kept(wordFloors, unitFloors), kept(wordFloors, shapeLine),
      kept(eight, shapeLine), kept(eight, wordFloors), hard,
    ]
    let floors = steps.first { Table.totalWidth($0) <= maxWidth } ?? hard
    var excess = Table.totalWidth(widths) - maxWidth
    while excess > 0 {
      let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
      guard let i = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[i] -= 1
      excess -= 1
    }
    return widths
  }

  static func draw(_ t: Table, widths: [Int], compact: Bool) -> String {
    func line(_ l: String, _ m: String, _ r: String, _ fill: String) -> String {
      l + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: m) + r
    }
    func cells(_ row: [String], _ bar: String) -> [String] {
      let wrapped = widths.indices.map { i in
        Table.wrap(row.indices.contains(i) ? row[i] : "", width: widths[i])
      }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { k in
        let padded = widths.indices.map { i -> String in
          let text = k < wrapped[i].count ? wrapped[i][k] : ""
          let pad = String(repeating: " ", count: max(0, widths[i] - text.displayWidth))
          return " " + (t.rightAligned.contains(i) ? pad + text : text + pad) + " "
        }
        return bar + padded.joined(separator: bar) + bar
      }
    }
    var out = [line("┏", "┳", "┓", "━")] + cells(t.headers, "┃") + [line("┡", "╇", "┩", "━")]
    for (i, row) in t.rows.enumerated() {
      out += cells(row, "│")
      if i < t.rows.count - 1 && !compact { out.append(line("├", "┼", "┤", "─")) }
    }
    out.append(line("└", "┴", "┘", "─"))
    return out.joined(separator: "\n")
  }

  static let pool = [
    "", "0", "9,472", "23,587,712", "0 (unbuilt)", "1.17 KB", "80*(floor(H/2)-1)+10",
    "216*(H-2)*(W-2) B", "?", "input_layer (InputLayer)",
    "conv2_block1_preact_bn (BatchNormalization)",
    "(None, 224, 224, 3)", "(None, floor((H+1)/2), floor((W+1)/2), 96)",
    "[(None, 5, 16), (None, 16)]",
    "(None, 5, 16), (None, 16), (None, 16)", "conv1_pad[0][0]", "a, b, c", "-",
    "block_16_project_BN_with_a_very_long_name", "画像の入力層 (Conv2D)", "é", "e\u{301}x", "😀x",
    "a\r\nb", "tab\there", "ｗｉｄｅ cells", "x  y", " lead", "trail ", "unbuiltB", "B", "H",
    "plain words and some more words",
  ]

  @Test func drawsWhatTheReferenceDrawsAtEveryWidth() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var compared = 0
    for round in 0..<160 {
      let columns = 1 + next(5)
      var t = Table(headers: (0..<columns).map { Self.pool[next(Self.pool.count)] + "h\($0)" })
      t.rightAligned = Set((0..<columns).filter { _ in next(3) == 0 })
      t.keptWhole = Set((0..<columns).filter { _ in next(3) == 0 })
      // Half the tables plain ASCII (the fast paths), half drawn from the whole pool.
      let ascii = round % 2 == 0
      let cellPool = ascii ? Self.pool.filter(Table.isPlainASCII) : Self.pool
      t.rows = (0..<next(7)).map { _ in (0..<columns).map { _ in cellPool[next(cellPool.count)] } }
      for width in [nil, 10, 20, 30, 45, 60, 80, 100, 140, 300] as [Int?] {
        for compact in [false, true] {
          let new = t.rendered(maxWidth: width, compact: compact)
          let old = Self.reference(t, maxWidth: width, compact: compact)
          #expect(new == old, "\(t.headers) \(t.rows) width \(width ?? -1) compact \(compact)")
          compared += 1
        }
      }
    }
    #expect(compared == 3200)
  }

  @Test func formulasAreToldApartAsBefore() {
    for cell in Self.pool + ["12 unbuilt", "x/y", "a+b", "3*4", "KB", "abc", "12"] {
      #expect(Table.isFormula(cell) == Self.isFormula(cell), "\(cell)")
    }
  }
}
