import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// kshape's pictures against Keras's own (`keras.utils.model_to_dot(show_shapes=True)`, written
/// by tools/pictures/keras_dot.py): the same layers with the same classes and shapes, the same
/// edges; and the terminal diagram's structure.
@Suite struct PictureTests {
  static let folder = Golden.folder.appendingPathComponent("pictures")
  static let models = ["resnet_block", "inception_branches", "unet_skip", "nested", "shared_layer"]

  /// A DOT file's layers (by node id: name, class, input shape, output shape) and edges.
  struct ParsedDot: Equatable {
    var nodes: [String: [String]] = [:]
    var edges: [(String, String)] = []
    static func == (a: ParsedDot, b: ParsedDot) -> Bool { a.nodes == b.nodes }

    init(_ text: String) {
      for line in text.split(separator: "\n").map(String.init) {
        if let arrow = line.range(of: " -> ") {
          let from = String(line[..<arrow.lowerBound])
          let to = String(line[arrow.upperBound...].prefix { $0 != " " && $0 != ";" })
          edges.append((from, to))
        } else if let label = line.range(of: " [label=<") {
          let id = String(line[..<label.lowerBound])
          let bolds = Self.between(line, "<b>", "</b>")
          let className = Self.between(line, "</b> (", ")</font>").first ?? ""
          nodes[id] = [bolds.first ?? "", className] + bolds.dropFirst()
        }
      }
    }

    static func between(_ s: String, _ open: String, _ close: String) -> [String] {
      var out: [String] = []
      var rest = Substring(s)
      while let a = rest.range(of: open), let b = rest[a.upperBound...].range(of: close) {
        out.append(String(rest[a.upperBound..<b.lowerBound]))
        rest = rest[b.upperBound...]
      }
      return out
    }

    /// Layers as (name, class, shapes...) and edges by layer name.
    var named: (layers: Set<[String]>, edges: Set<[String]>) {
      (
        Set(nodes.values),
        Set(edges.map { [nodes[$0.0]?.first ?? $0.0, nodes[$0.1]?.first ?? $0.1] })
      )
    }
  }

  static func graph(_ name: String) throws -> Graph {
    let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
    let model = try SavedModel.decode(try JSONParser.parse(Array(data)))
    let inspection = try Inspection.run(model, sizes: [])
    return try #require(inspection.results.first?.evaluation.graph)
  }

  @Test(arguments: models)
  func dotMatchesKeras(_ name: String) throws {
    let g = try Self.graph(name)
    for (suffix, depth) in [(".nested", nil as Int?), ("", 1)] {
      let keras = ParsedDot(
        try String(
          contentsOf: Self.folder.appendingPathComponent(name + suffix + ".dot"), encoding: .utf8))
      let mine = ParsedDot(Picture(g, depth: depth).dot)
      let (kLayers, kEdges) = keras.named
      let (mLayers, mEdges) = mine.named
      #expect(kLayers.count >= 3)
      #expect(
        mLayers == kLayers,
        "\(name)\(suffix): only Keras \(kLayers.subtracting(mLayers)); only kshape \(mLayers.subtracting(kLayers))"
      )
      #expect(
        mEdges == kEdges,
        "\(name)\(suffix): only Keras \(kEdges.subtracting(mEdges)); only kshape \(mEdges.subtracting(kEdges))"
      )
    }
  }
}

/// The terminal diagram's structure, whatever its exact look: every layer drawn once, every
/// edge a line that can be followed down from its layer to the layer it feeds, no line wider
/// than the terminal, only ASCII when asked.
@Suite struct DiagramTests {
  /// The pictures' four models (Keras-made configs) and three applications.
  static let fixtures: [(folder: String, name: String)] =
    PictureTests.models.map { ("pictures", $0) } + [
      ("modelfiles", "resnet50"), ("modelfiles", "inceptionv3"), ("modelfiles", "unet"),
    ]

  static func picture(_ f: (folder: String, name: String), depth: Int? = nil) throws -> Picture {
    let data = try Data(
      contentsOf: Golden.folder.appendingPathComponent("\(f.folder)/\(f.name).json"))
    let model = try SavedModel.decode(try JSONParser.parse(Array(data)))
    let g = try #require(try Inspection.run(model, sizes: []).results.first?.evaluation.graph)
    return Picture(g, depth: depth)
  }

  @Test(arguments: fixtures.map(\.name))
  func everyLayerAndEdgeIsDrawn(_ name: String) throws {
    let fixture = try #require(Self.fixtures.first { $0.name == name })
    for depth in [nil, 1] as [Int?] {
      let picture = try Self.picture(fixture, depth: depth)
      let text = picture.diagram()
      let grid = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
      // Node rows, in order: one per layer, each naming its layer.
      var at: [(row: Int, column: Int)] = []
      for (r, line) in grid.enumerated() {
        let columns = line.indices.filter { line[$0] == "●" }
        #expect(columns.count <= 1, "row \(r) has several layers")
        if let c = columns.first { at.append((r, c)) }
      }
      try #require(at.count == picture.nodes.count, "\(name): \(at.count) layers drawn")
      for (i, p) in at.enumerated() {
        let label = String(grid[p.row][(p.column + 1)...])
        #expect(label.contains(picture.nodes[i].name + " (" + picture.nodes[i].className + ")"))
      }
      for e in picture.edges where e.from != e.to {
        let reached = Self.follow(from: at[e.from], in: grid)
        #expect(
          reached.contains(at[e.to].row),
          "\(name) depth \(String(describing: depth)): no line from \(picture.nodes[e.from].name) to \(picture.nodes[e.to].name)"
        )
      }
    }
  }

  @Test(arguments: fixtures.map(\.name))
  func fitsTheTerminalAndFallsBackToASCII(_ name: String) throws {
    let picture = try Self.picture(try #require(Self.fixtures.first { $0.name == name }))
    for width in [60, 80, 140] {
      for line in picture.diagram(width: width).split(separator: "\n") {
        #expect(line.count <= width, "\(name) at \(width): \(line)")
      }
    }
    let ascii = picture.diagram(width: 80, ascii: true)
    #expect(ascii.allSatisfy { $0.isASCII }, "\(name): not ASCII")
    #expect(ascii.split(separator: "\n").count == picture.diagram().split(separator: "\n").count)
  }

  /// The rows of the layers reachable down the lines from the layer at `start`.
  static func follow(from start: (row: Int, column: Int), in grid: [[Character]]) -> Set<Int> {
    func has(_ ch: Character, _ d: Character) -> Bool {
      let table: [Character: String] = [
        "│": "ud", "─": "lr", "┼": "udlr", "├": "udr", "┤": "udl", "┘": "ul", "└": "ur",
        "┐": "dl", "┌": "dr", "┬": "dlr", "┴": "ulr", "●": "ud",
      ]
      return table[ch]?.contains(d) ?? false
    }
    func cell(_ r: Int, _ c: Int) -> Character? {
      grid.indices.contains(r) && grid[r].indices.contains(c) ? grid[r][c] : nil
    }
    var reached: Set<Int> = []
    var seen: Set<[Int]> = []
    // (row, column, how we arrived: "d" down into it, "l"/"r" moving left/right)
    var stack: [(Int, Int, Character)] = [(start.row + 1, start.column, "d")]
    while let (r, c, move) = stack.popLast() {
      guard let ch = cell(r, c), seen.insert([r, c, Int(move.asciiValue ?? 0)]).inserted else {
        continue
      }
      if move == "d" {
        guard has(ch, "u") else { continue }
        if ch == "●" {
          reached.insert(r)
          continue
        }
      } else if ch == "│" {
        // A lane the line passes behind.
        stack.append((r, move == "r" ? c + 1 : c - 1, move))
        continue
      } else {
        guard has(ch, move == "r" ? "l" : "r") else { continue }
      }
      if has(ch, "d") { stack.append((r + 1, c, "d")) }
      if has(ch, "l") && move != "r" { stack.append((r, c - 1, "l")) }
      if has(ch, "r") && move != "l" { stack.append((r, c + 1, "r")) }
    }
    return reached
  }
}

extension PictureTests {
  /// A model imported into a session that goes on after it: a cluster, or one box at depth 1.
  @Test func anImportedModelIsAClusterOrOneBox() throws {
    let data = try Data(contentsOf: Self.folder.appendingPathComponent("resnet_block.json"))
    let model = try SavedModel.decode(try JSONParser.parse(Array(data)))
    var session = Session()
    _ = session.importModel(model, source: "load resnet_block.json")
    if case .failure(let e) = session.submit("y = Conv2D(2, 1, name='after')(out)") {
      Issue.record("\(e.message)")
    }
    let expanded = Picture(session.graph)
    #expect(expanded.clusters.map(\.label) == ["resnet_block (Functional)"])
    #expect(expanded.dot.contains("subgraph cluster_0"))
    #expect(expanded.nodes.filter { $0.cluster == 0 }.count == 7)
    let folded = Picture(session.graph, depth: 1)
    #expect(folded.clusters.isEmpty)
    #expect(folded.nodes.map(\.name) == ["resnet_block", "after"])
    #expect(folded.edges.map { [$0.from, $0.to] } == [[0, 1]])
    #expect(folded.mermaid.contains("n0 -->|\"(None, 32, 32, 16)\"| n1"))
  }
}
