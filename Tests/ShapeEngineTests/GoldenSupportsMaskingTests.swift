import Foundation
import ShapeEngine
import Testing

/// `layer.supports_masking` as Keras gives it (tools/golden/supports_masking.py).
@Suite struct GoldenSupportsMaskingTests {
  struct Row: Codable, CustomStringConvertible {
    var call: String
    var supportsMasking: Bool
    enum CodingKeys: String, CodingKey {
      case call
      case supportsMasking = "supports_masking"
    }
    var description: String { call }
  }

  static let rows: [Row] = (try? Golden.lines("supports_masking.jsonl", as: Row.self)) ?? []

  @Test func goldenFileIsPresent() {
    #expect(Self.rows.count > 100)
  }

  @Test(arguments: rows)
  func supportsMaskingMatchesKeras(_ row: Row) {
    var session = Session()
    let outcome = session.submit(
      "fn = lambda t: t\nprint((\(row.call)).supports_masking)")
    guard case .executed(let x) = outcome else {
      Issue.record("\(row.call): \(outcome)")
      return
    }
    #expect(
      x.text.trimmingCharacters(in: .newlines) == (row.supportsMasking ? "True" : "False"),
      "\(row.call)")
  }
}
