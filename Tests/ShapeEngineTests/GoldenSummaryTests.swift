import Foundation
import ShapeEngine
import Testing

/// `model.summary()` as Keras prints it in the golden programs' output, cell by cell: layer and
/// class, output shape (kshape's formulas read as Keras's `None`), params, "Connected to", and
/// the title and totals lines. Layout (column widths, wrapping) is kshape's own; Keras cuts long
/// cells with "…", and a cut cell must be a prefix, in pieces, of kshape's.
@Suite struct GoldenSummaryTests {
  struct Table: Equatable {
    var title: String
    var rows: [[String]]
    var footer: [String]
  }

  static let cases = GoldenProgramTests.cases.filter {
    $0.stdout.contains("Model: \"") && GoldenProgramTests.refused[$0.name] == nil
  }

  @Test func someProgramsPrintSummaries() {
    #expect(Self.cases.count >= 40)
  }

  /// Programs whose summary kshape does not draw as Keras yet, with why. Each must still
  /// differ: one that matches is taken off this list.
  static let knownGaps = [
    "dlwp_bidirectional_one_hot":
      "Embedding(mask_zero=True) makes its mask with a not_equal operation that Keras's graph "
      + "records (a row, and an input of the next layer); kshape keeps no masks"
  ]

  @Test(arguments: cases)
  func summariesMatchKeras(_ c: ProgramCase) {
    let problems = Self.differences(c)
    if let gap = Self.knownGaps[c.name] {
      #expect(!problems.isEmpty, "\(c.name) now matches Keras: take it off knownGaps (\(gap))")
    } else {
      #expect(problems.isEmpty, "\(c.name):\n\(problems.joined(separator: "\n"))")
    }
  }

  /// Where the program's summaries differ from Keras's.
  static func differences(_ c: ProgramCase) -> [String] {
    let (_, printed, _) = GoldenProgramTests.run(c)
    let keras = tables(c.stdout)
    let mine = tables(printed)
    var problems: [String] = []
    if mine.count != keras.count {
      problems.append("\(mine.count) summaries, Keras \(keras.count)")
    }
    for (k, m) in zip(keras, mine) {
      if m.title != k.title { problems.append("title \(m.title), Keras \(k.title)") }
      if m.footer != k.footer {
        problems.append("\(k.title): totals \(m.footer), Keras \(k.footer)")
      }
      if m.rows.count != k.rows.count {
        problems.append("\(k.title): \(m.rows.count) rows, Keras \(k.rows.count)")
      }
      for (kr, mr) in zip(k.rows, m.rows) {
        let mine = mr.enumerated().map { $0.offset == 1 ? kerasShapes($0.element) : $0.element }
        if !(mine.count == kr.count && zip(kr, mine).allSatisfy({ matches($0, $1) })) {
          problems.append("\(k.title)\n  Keras:  \(kr)\n  kshape: \(mine)")
        }
      }
    }
    return problems
  }

  /// Keras's cell, maybe cut with "…", against kshape's whole cell.
  static func matches(_ keras: String, _ mine: String) -> Bool {
    guard keras.contains("…") else { return keras == mine }
    var rest = Substring(mine)
    for (i, piece) in keras.split(separator: "…", omittingEmptySubsequences: false).enumerated() {
      if piece.isEmpty { continue }
      if i == 0 {
        guard rest.hasPrefix(piece) else { return false }
        rest = rest.dropFirst(piece.count)
      } else {
        guard let r = rest.range(of: piece) else { return false }
        rest = rest[r.upperBound...]
      }
    }
    return true
  }

  /// `(None,H-2,8)` -> `(None,None,8)`: each tuple item that is not a number is None.
  static func kerasShapes(_ cell: String) -> String {
    var out = ""
    var depth = 0
    var item = ""
    func flush() {
      out += Int(item) != nil || item == "None" || item.isEmpty ? item : "None"
      item = ""
    }
    for ch in cell {
      switch ch {
      case "(":
        depth += 1
        if depth == 1 {
          out.append(ch)
        } else {
          item.append(ch)
        }
      case ")":
        if depth == 1 {
          flush()
          out.append(ch)
        } else {
          item.append(ch)
        }
        depth -= 1
      case "," where depth == 1:
        flush()
        out.append(ch)
      default:
        if depth >= 1 { item.append(ch) } else { out.append(ch) }
      }
    }
    return out
  }

  /// The summary tables of a program's output: title, rows of cells (whitespace removed, a
  /// wrapped cell joined), and the totals lines.
  static func tables(_ text: String) -> [Table] {
    var tables: [Table] = []
    var current: Table?
    var row: [String]?
    func endRow() {
      if let r = row { current?.rows.append(r) }
      row = nil
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let squeezed = line.filter { !$0.isWhitespace }
      if line.hasPrefix("Model: \"") {
        if let t = current { tables.append(t) }
        current = Table(title: String(line), rows: [], footer: [])
        continue
      }
      guard current != nil else { continue }
      if let first = line.first, "┃│".contains(first) {
        let cells = squeezed.split(separator: first, omittingEmptySubsequences: false)
          .dropFirst().dropLast().map(String.init)
        if var r = row, r.count == cells.count {
          for i in r.indices { r[i] += cells[i] }
          row = r
        } else {
          endRow()
          row = cells
        }
      } else if let first = line.first, "├┡└".contains(first) {
        endRow()
      } else if line.hasPrefix(" Total params:") || line.hasPrefix(" Trainable params:")
        || line.hasPrefix(" Non-trainable params:")
      {
        current?.footer.append(String(line))
        if line.hasPrefix(" Non-trainable params:"), let t = current {
          tables.append(t)
          current = nil
        }
      }
    }
    if let t = current { tables.append(t) }
    return tables
  }
}
