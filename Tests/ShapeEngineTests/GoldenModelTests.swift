import Foundation
import ShapeEngine
import Testing

/// A program of statements evaluated by real Keras at several sizes, as `apply` evaluates it.
struct ModelCase: Codable, CustomStringConvertible {
  struct Layer: Codable, Equatable {
    var name: String
    var className: String
    var outputShapes: [[Int?]]
    var dtypes: [String]
    var params: GoldenParams
    enum CodingKeys: String, CodingKey {
      case name, dtypes, params
      case className = "class_name"
      case outputShapes = "output_shapes"
    }
  }
  struct Evaluation: Codable {
    var size: String?
    var ok: Bool
    var layers: [Layer]?
    var params: GoldenParams?
    var statement: Int?
    var message: String?
  }
  var id: String
  var statements: [String]
  var evaluations: [Evaluation]
  var description: String { id }
}

@Suite struct GoldenModelTests {
  static let cases: [ModelCase] = (try? Golden.lines("models.jsonl", as: ModelCase.self)) ?? []

  @Test func goldenFileIsPresent() throws {
    #expect(try Golden.lines("models.jsonl", as: ModelCase.self).count >= 25)
  }

  @Test(arguments: cases)
  func applyMatchesKeras(_ c: ModelCase) throws {
    // Statements join the session as typed; a statement Keras rejects at the declared shapes
    // must be rejected here too (and then later evaluations never see it).
    var session = Session()
    var failedAt: Int?
    for (i, s) in c.statements.enumerated() {
      if case .failure = session.submit(s) {
        failedAt = i
        break
      }
    }
    for ev in c.evaluations {
      let label = "\(c.id) at \(ev.size ?? "declared")"
      if let failedAt {
        // Only the declared evaluation can be checked: the session stopped at the failure.
        if ev.size == nil {
          #expect(
            !ev.ok && ev.statement == failedAt, "\(label): kshape rejected statement \(failedAt)")
        }
        continue
      }
      let outcome = session.submit(ev.size.map { "apply \($0)" } ?? "apply")
      guard case .applied(let result, _) = outcome else {
        Issue.record("\(label): apply did not evaluate: \(outcome)")
        continue
      }
      if ev.ok {
        #expect(result.failure == nil, "\(label): \(result.failure?.error.message ?? "")")
        let layers = JSONOutput.layers(result.graph).map {
          ModelCase.Layer(
            name: $0.name, className: $0.className, outputShapes: $0.outputShapes,
            dtypes: $0.dtypes,
            params: GoldenParams(
              total: $0.params.total, trainable: $0.params.trainable,
              nonTrainable: $0.params.nonTrainable))
        }
        #expect(layers == ev.layers, "\(label)")
      } else {
        #expect(
          result.failure?.statement == ev.statement,
          "\(label): Keras raised at statement \(ev.statement ?? -1): \(ev.message ?? "")")
      }
    }
  }
}
