import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// kshape's pictures against Keras's own (`keras.utils.model_to_dot(show_shapes=True)`, written
/// by tools/pictures/keras_dot.py): the same layers with the same classes and shapes, the same
/// edges; and the terminal diagram's structure.
@Suite struct PictureTests {
  static let folder = Golden.folder.appendingPathComponent("pictures")
  static let models = ["resnet_block", "inception_branches", "unet_skip", "nested"]

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
