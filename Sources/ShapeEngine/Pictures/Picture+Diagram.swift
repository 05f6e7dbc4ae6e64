/// The picture drawn as text for a terminal: layers top to bottom in Keras's order, each on the
/// lane of the tensor it reads; a branch opens a lane to the right, a merge joins lanes back, a
/// skip connection is a lane running down beside the layers it skips (as `git log --graph`
/// draws history). Under each layer, the shape of the tensor it makes.
extension Picture {
  /// The diagram fitted to `width` columns (labels cut with `…`), in box-drawing characters or
  /// in ASCII.
  public func diagram(width: Int? = nil, ascii: Bool = false) -> String {
    var consumers = [Int](repeating: 0, count: nodes.count)
    var sources = [[Int]](repeating: [], count: nodes.count)
    for e in edges where !sources[e.to].contains(e.from) {
      sources[e.to].append(e.from)
      consumers[e.from] += 1
    }
    // Lanes: the node whose output each carries down, nil when free.
    var lanes: [Int?] = []
    var laneOf: [Int: Int] = [:]
    var rows: [String] = []
    let maxLanes = max(1, Self.maxLanes(sources, consumers))
    let gap = maxLanes * 2 + 24 > (width ?? .max) ? 1 : 2
    let glyphs = Glyphs(ascii: ascii)

    func freeLane() -> Int {
      if let i = lanes.firstIndex(where: { $0 == nil }) { return i }
      lanes.append(nil)
      return lanes.count - 1
    }
    func render(_ cells: [Set<Direction>], label: String) -> String {
      var line = ""
      for (i, c) in cells.enumerated() {
        line += glyphs.char(c)
        if i < cells.count - 1 || !label.isEmpty {
          let right =
            (c.contains(.right) || c.contains(.behind)) && cells.indices.contains(i + 1)
          line += String(repeating: right ? glyphs.horizontal : " ", count: gap - 1)
        }
      }
      var text = line + (label.isEmpty ? "" : " " + label)
      while text.last == " " { text.removeLast() }
      if let width, text.count > width {
        text = String(text.prefix(max(0, width - 1))) + glyphs.ellipsis
      }
      return text
    }
    func passing(_ count: Int) -> [Set<Direction>] {
      (0..<count).map { lanes.indices.contains($0) && lanes[$0] != nil ? [.up, .down] : [] }
    }

    for v in nodes.indices {
      let srcLanes = sources[v].compactMap { laneOf[$0] }
      for s in sources[v] { consumers[s] -= 1 }
      let ending = Set(srcLanes.filter { l in lanes[l].map { consumers[$0] == 0 } ?? false })
      // The node takes the leftmost lane it ends, else a new one.
      let column: Int
      if let l = srcLanes.filter({ ending.contains($0) }).min() {
        column = l
      } else {
        column = freeLane()
      }
      // Joins and branches: one row of lines from the lanes it reads to its column.
      if !(srcLanes.count == 1 && srcLanes[0] == column) && !srcLanes.isEmpty {
        let span = (srcLanes + [column]).min()!...(srcLanes + [column]).max()!
        var cells = passing(max(lanes.count, column + 1))
        for i in span {
          var c: Set<Direction> = []
          let isSource = srcLanes.contains(i)
          if isSource || i == column {
            if isSource { c.insert(.up) }
            if (isSource && !ending.contains(i)) || i == column { c.insert(.down) }
            if i > span.lowerBound { c.insert(.left) }
            if i < span.upperBound { c.insert(.right) }
          } else if lanes.indices.contains(i), lanes[i] != nil {
            c = [.up, .down, .behind]  // a lane crossing the line
          } else {
            c = [.left, .right]
          }
          cells[i] = c
        }
        rows.append(render(cells, label: ""))
      }
      for l in ending where l != column { lanes[l] = nil }
      if lanes.indices.contains(column) { lanes[column] = nil }
      while lanes.count <= column { lanes.append(nil) }
      // The node's row.
      let used = (lanes.lastIndex { $0 != nil } ?? -1) + 1
      var cells = passing(max(used, column + 1))
      cells[column] = [.node]
      let prefix = path(of: v).map { $0 + glyphs.pathSeparator }.joined()
      let n = nodes[v]
      // A shared layer called on its own output: said, as a line cannot go back up.
      let again = sources[v].contains(v) ? " (called again on its output)" : ""
      rows.append(render(cells, label: prefix + n.name + " (" + n.className + ")" + again))
      // Its output flows down its lane, labelled with its shape.
      if consumers[v] > 0 {
        lanes[column] = v
        laneOf[v] = column
      }
      while let last = lanes.last, last == nil { lanes.removeLast() }
      let shapeCells = passing(max(lanes.count, column + 1))
      var shapeRow = shapeCells
      if consumers[v] == 0 && column < shapeRow.count { shapeRow[column] = [] }
      rows.append(render(shapeRow, label: n.outputShapes.joined(separator: ", ")))
    }
    return rows.joined(separator: "\n")
  }

  /// The most lanes open at once (to choose the spacing before drawing).
  static func maxLanes(_ sources: [[Int]], _ consumers: [Int]) -> Int {
    var remaining = consumers
    var open = 0
    var most = 0
    for v in sources.indices {
      for s in sources[v] {
        remaining[s] -= 1
        if remaining[s] == 0 { open -= 1 }
      }
      if consumers[v] > 0 { open += 1 }
      most = max(most, open + 1)
    }
    return most
  }

  /// Where a cell's lines go; `behind`: a lane the line passes behind.
  enum Direction: Hashable { case up, down, left, right, node, behind }

  /// The characters of a diagram.
  struct Glyphs {
    var ascii: Bool
    var horizontal: String { ascii ? "-" : "─" }
    var ellipsis: String { ascii ? "~" : "…" }
    var pathSeparator: String { ascii ? " > " : " › " }

    func char(_ d: Set<Direction>) -> String {
      if d.contains(.node) { return ascii ? "*" : "●" }
      if d.contains(.behind) { return ascii ? "|" : "│" }
      let (u, dn, l, r) = (
        d.contains(.up), d.contains(.down), d.contains(.left), d.contains(.right)
      )
      if ascii {
        switch (u || dn, l || r) {
        case (true, false): return "|"
        case (false, true): return "-"
        case (true, true): return "+"
        default: return " "
        }
      }
      switch (u, dn, l, r) {
      case (true, true, false, false), (true, false, false, false), (false, true, false, false):
        return "│"
      case (false, false, true, true), (false, false, true, false), (false, false, false, true):
        return "─"
      case (true, true, true, true): return "┼"
      case (true, false, false, true): return "└"
      case (true, false, true, false): return "┘"
      case (false, true, false, true): return "┌"
      case (false, true, true, false): return "┐"
      case (true, true, false, true): return "├"
      case (true, true, true, false): return "┤"
      case (true, false, true, true): return "┴"
      case (false, true, true, true): return "┬"
      default: return " "
      }
    }
  }
}
