import Foundation
import ShapeEngine
import Testing

/// `layer.supports_masking` and `layer.built` (before a call) as Keras gives them (tools/golden/layer_attributes.py).
@Suite struct GoldenLayerAttributeTests {
  struct Row: Codable, CustomStringConvertible {
    var call: String
    var supportsMasking: Bool
    var built: Bool
    enum CodingKeys: String, CodingKey {
      case call, built
      case supportsMasking = "supports_masking"
    }
    var description: String { call }
  }

  static let rows: [Row] = (try? Golden.lines("layer_attributes.jsonl", as: Row.self)) ?? []

  @Test func goldenFileIsPresent() {
    #expect(Self.rows.count > 100)
  }

  @Test(arguments: rows)
  func attributesMatchKeras(_ row: Row) {
    var session = Session()
    let outcome = session.submit(
      "fn = lambda t: t\nlayer = \(row.call)\nprint(layer.supports_masking, layer.built)")
    guard case .executed(let x) = outcome else {
      Issue.record("\(row.call): \(outcome)")
      return
    }
    let want = "\(row.supportsMasking ? "True" : "False") \(row.built ? "True" : "False")"
    #expect(x.text.trimmingCharacters(in: .newlines) == want, "\(row.call)")
  }
}
