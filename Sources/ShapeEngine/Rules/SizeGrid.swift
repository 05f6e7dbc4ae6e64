import KerasJSON
import ShapeCore

/// `scan 1-64 x 1-64`, `scan H=1-64 W=1-32`, and over several inputs (`scan H=1-32 W=1-32
/// L=1-16`): every combination of sizes evaluated, reported compactly: the values of the
/// leading axes grouped by which sizes of the last axis evaluate with them.
enum SizeGrid {
  /// The most combinations one scan evaluates.
  static let maxPoints = 1 << 16

  /// A scan over several axes: `A-B x C-D` or `NAME=A-B ...`.
  static func isGrid(_ argument: String) -> Bool {
    let t = argument.trimmingSpaces
    return t.contains("=") || t.split(separator: "x").count > 1
  }

  static func run(_ session: Session, _ argument: String) throws(EngineError) -> Report {
    let symbols = SizeProbe.symbols(session.graph)
    let axes = try parse(argument.trimmingSpaces, symbols: symbols)
    var total = 1
    for a in axes {
      let (n, overflow) = total.multipliedReportingOverflow(by: a.range.count)
      guard !overflow, n <= maxPoints else {
        throw EngineError(
          "that is more than \(maxPoints) combinations of sizes, the most one scan evaluates",
          hint: "narrow the ranges")
      }
      total = n
    }
    var probe = SizeProbe(session)
    var outcomes: [SizeScan.Outcome] = []
    outcomes.reserveCapacity(total)
    var index = axes.map { _ in 0 }
    for _ in 0..<total {
      try Interrupt.check("at point \(outcomes.count + 1) of \(total)")
      var values: [String: Int] = [:]
      for (k, a) in axes.enumerated() { values[a.symbol] = a.range.lowerBound + index[k] }
      outcomes.append(try probe.outcome(values))
      // The last axis varies fastest.
      var k = axes.count - 1
      while k >= 0 {
        index[k] += 1
        if index[k] < axes[k].range.count { break }
        index[k] = 0
        k -= 1
      }
    }
    return report(axes, outcomes)
  }

  static func parse(_ text: String, symbols: [String]) throws(EngineError)
    -> [(symbol: String, range: ClosedRange<Int>)]
  {
    var axes: [(symbol: String, range: ClosedRange<Int>)] = []
    if text.contains("=") {
      for word in text.split(separator: " ") {
        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
        if axes.contains(where: { $0.symbol == parts.first }) {
          throw EngineError("\(parts[0]) is given twice", hint: "one range per size")
        }
        guard parts.count == 2, symbols.contains(parts[0]) else {
          throw EngineError(
            "'\(word)' does not name an unknown size of the inputs",
            hint: "the unknown sizes are \(symbols.joined(separator: ", ")): scan "
              + symbols.map { "\($0)=1-64" }.joined(separator: " "))
        }
        axes.append((parts[0], try SizeScan.parseRange(parts[1])))
      }
    } else {
      let ranges = text.split(separator: "x").map { String($0).trimmingSpaces }
      guard ranges.count == symbols.count else {
        throw EngineError(
          "\(ranges.count) ranges for \(symbols.count) unknown sizes "
            + "(\(symbols.joined(separator: ", ")))",
          hint: "give one range per size, or name them: scan "
            + symbols.map { "\($0)=1-64" }.joined(separator: " "))
      }
      for (s, r) in zip(symbols, ranges) { axes.append((s, try SizeScan.parseRange(r))) }
    }
    let missing = symbols.filter { s in !axes.contains { $0.symbol == s } }
    guard missing.isEmpty else {
      throw EngineError(
        "no range for \(missing.joined(separator: ", "))",
        hint: "every unknown size needs a range: "
          + missing.map { "\($0)=1-64" }.joined(separator: " "))
    }
    return axes
  }

  static func report(
    _ axes: [(symbol: String, range: ClosedRange<Int>)], _ outcomes: [SizeScan.Outcome]
  ) -> Report {
    let lastAxis = axes[axes.count - 1]
    let width = lastAxis.range.count
    let rowCount = outcomes.count / width
    // Rows with the same pattern of the last axis, in order of their first row.
    var groups: [(pattern: [Bool], rows: [Int])] = []
    var byPattern: [[Bool]: Int] = [:]
    for r in 0..<rowCount {
      let pattern = outcomes[(r * width)..<((r + 1) * width)].map { $0 == .evaluates }
      if let g = byPattern[pattern] {
        groups[g].rows.append(r)
      } else {
        byPattern[pattern] = groups.count
        groups.append((pattern, [r]))
      }
    }
    let leading = axes.dropLast()
    func leadingValues(_ row: Int) -> [Int] {
      var rest = row
      var values: [Int] = []
      for a in leading.reversed() {
        values.append(a.range.lowerBound + rest % a.range.count)
        rest /= a.range.count
      }
      return values.reversed()
    }
    func rowsText(_ rows: [Int]) -> String {
      if leading.count == 1, let a = leading.first {
        let members = Set(rows)
        let scan = SizeScan(
          range: a.range, unknownDims: 1,
          outcomes: a.range.map { v in
            members.contains(v - a.range.lowerBound) ? .evaluates : .fails(layer: "", className: "")
          })
        return "\(a.symbol) \(scan.acceptedSummary)"
      }
      let shown = rows.prefix(4).map { r in
        "(" + zip(leading, leadingValues(r)).map { "\($0.symbol)=\($1)" }.joined(separator: ", ")
          + ")"
      }
      return shown.joined(separator: ", ") + (rows.count > 4 ? " and \(rows.count - 4) more" : "")
    }
    let accepted = outcomes.filter { $0 == .evaluates }.count
    let ranges = axes.map { "\($0.symbol) in \($0.range.lowerBound)-\($0.range.upperBound)" }
    var lines = [
      "Sizes \(axes.map(\.symbol).joined(separator: " x ")) for \(ranges.joined(separator: ", ")): "
        + "\(accepted) of \(outcomes.count) evaluate"
    ]
    var rowsJSON: [JSONValue] = []
    for g in groups where g.pattern.contains(true) {
      let scan = SizeScan(
        range: lastAxis.range, unknownDims: 1,
        outcomes: g.pattern.map { $0 ? .evaluates : .fails(layer: "", className: "") })
      lines.append("  \(rowsText(g.rows)): \(lastAxis.symbol) \(scan.acceptedSummary)")
      rowsJSON.append(
        .fields([
          (
            "leading",
            .array(g.rows.map { r in .array(leadingValues(r).map { .int($0) }) })
          ),
          ("evaluates", pairs(scan.runs(.evaluates))),
        ]))
    }
    if groups.contains(where: { !$0.pattern.contains(true) }) || accepted == 0 {
      lines.append(accepted == 0 ? "  no combination evaluates" : "  any other: none")
    }
    var counts: [(SizeScan.Outcome, Int)] = []
    for o in outcomes where o != .evaluates {
      if let i = counts.firstIndex(where: { $0.0 == o }) {
        counts[i].1 += 1
      } else {
        counts.append((o, 1))
      }
    }
    var rejected: [JSONValue] = []
    for case (.fails(let layer, let cls), let n) in counts {
      lines.append("  rejected by \(layer) (\(cls)): \(n) combination\(n == 1 ? "" : "s")")
      rejected.append(
        .fields([("layer", .string(layer)), ("class_name", .string(cls)), ("count", .int(n))]))
    }
    let json = JSONValue.fields([
      (
        "axes",
        .array(
          axes.map {
            .fields([
              ("symbol", .string($0.symbol)), ("from", .int($0.range.lowerBound)),
              ("to", .int($0.range.upperBound)),
            ])
          })
      ),
      ("evaluated", .int(outcomes.count)), ("evaluates", .int(accepted)),
      ("rows", .array(rowsJSON)), ("rejected_by", .array(rejected)),
    ])
    return Report(kind: "scan", text: lines.joined(separator: "\n"), json: json)
  }

  static func pairs(_ r: [ClosedRange<Int>]) -> JSONValue {
    .array(r.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
  }
}
