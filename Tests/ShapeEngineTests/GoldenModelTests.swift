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

  /// With `--keras-strict`, Keras exactly: statements Keras rejects at the declared shapes are
  /// rejected, and every size matches.
  @Test(arguments: cases)
  func applyMatchesKeras(_ c: ModelCase) throws {
    var session = Session(kerasStrict: true)
    let failedAt = Self.submit(c, &session)
    Self.compare(c, &session, failedAt: failedAt)
  }

  /// kshape's default: a layer whose weights need a dim declared None is accepted (deferred)
  /// where Keras raises at the declared shapes; every applied size must still give Keras's
  /// layers, shapes, params and failing statement, and each deferred params formula, evaluated
  /// at the size, Keras's count there.
  @Test(arguments: cases)
  func deferredWeightsMatchKerasAtEverySize(_ c: ModelCase) throws {
    var session = Session()
    let failedAt = Self.submit(c, &session)
    if let failedAt, let declared = c.evaluations.first(where: { $0.size == nil }) {
      // Only failures Keras also has at the declared shapes, other than the weights' refusal.
      #expect(
        !declared.ok && declared.statement == failedAt
          && !Self.isWeightRefusal(declared.message),
        "\(c.id): kshape rejected statement \(failedAt) although its weights could be deferred")
    }
    Self.compare(c, &session, failedAt: failedAt, skipDeclaredWeightRefusal: true)
    guard failedAt == nil else { return }
    let declared = session.graph
    for ev in c.evaluations where ev.ok {
      guard let size = ev.size, case .applied(let result, _) = session.submit("apply \(size)")
      else { continue }
      let values = Self.symbolValues(declared: declared, applied: result.graph)
      for (l, node) in declared.layers.enumerated() where node.params.isDeferred {
        guard let f = node.params.formulas, f.total.formulaText != nil else { continue }
        let want = result.graph.layers[l].params
        #expect(
          try f.total.evaluated(values) == want.total
            && f.trainable.evaluated(values) == want.trainable
            && f.nonTrainable.evaluated(values) == want.nonTrainable,
          "\(c.id) at \(size): \(node.name)'s params \(f.total.formula) at \(values) should be \(want.total)"
        )
      }
    }
  }

  /// Each input symbol (`H`) with its value at an applied size: where a declared input dim is
  /// a bare symbol, the applied dim at the same place.
  static func symbolValues(declared: Graph, applied: Graph) -> [String: Int] {
    var values: [String: Int] = [:]
    for (d, a) in zip(declared.inputs, applied.inputs) {
      let dt = declared.tensors[d.tensor].type.shape
      let at = applied.tensors[a.tensor].type.shape
      for (x, y) in zip(dt, at) {
        if let name = x.formulaText, x.value == nil, let v = y.value { values[name] = v }
      }
    }
    return values
  }

  /// Keras's refusals of a layer whose weights (or zero state) need a dim declared None: the
  /// ones kshape defers.
  static func isWeightRefusal(_ message: String?) -> Bool {
    guard let message else { return false }
    return ["fully-defined", "NoneType", "static input shapes", "should be defined"].contains {
      message.contains($0)
    }
  }

  /// Submits the statements as typed; the index of the first that fails (later ones are not
  /// typed, as a user stops there).
  static func submit(_ c: ModelCase, _ session: inout Session) -> Int? {
    for (i, s) in c.statements.enumerated() {
      if case .failure = session.submit(s) { return i }
    }
    return nil
  }

  /// Applies every size of `c` and compares with Keras.
  static func compare(
    _ c: ModelCase, _ session: inout Session, failedAt: Int?,
    skipDeclaredWeightRefusal: Bool = false
  ) {
    for ev in c.evaluations {
      if skipDeclaredWeightRefusal, ev.size == nil, !ev.ok, isWeightRefusal(ev.message) {
        continue
      }
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
