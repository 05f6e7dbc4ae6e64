import Foundation
import ShapeEngine
import Testing

/// One program of Golden/tensor_names.jsonl (tools/golden/tensor_names.py, from real Keras).
struct TensorNameCase: Codable, CustomTestStringConvertible {
  struct Names: Codable, Equatable {
    var tensor: String
    var layer: String
  }
  var id: String
  var statements: [String]
  var names: [String: Names]
  /// The statements that fail (run as REPL lines: the next ones still run).
  var failed: [Int]
  var testDescription: String { id }
}

/// KerasTensor and layer names where Keras's numbering depends on more than one counter per
/// call: input casts (skipped by layers that never cast) and layers made inside other layers.
@Suite struct GoldenTensorNameTests {
  static let cases = (try? Golden.lines("tensor_names.jsonl", as: TensorNameCase.self)) ?? []

  @Test func goldenFileIsPresent() { #expect(Self.cases.count >= 10) }

  @Test(arguments: cases)
  func namesMatchKeras(_ c: TensorNameCase) throws {
    var session = Session(kerasStrict: true)
    var failed: [Int] = []
    for (i, statement) in c.statements.enumerated() {
      if case .failure = session.submit(statement) { failed.append(i) }
    }
    #expect(failed == c.failed, "\(c.id): the statements that fail")
    // `apply` at the declared shapes replays the session: the same names.
    let replay = session.evaluate(InputBinding())
    #expect(replay.failure == nil)
    for (variable, expected) in c.names {
      guard case .tensor(let t)? = replay.graph.bindings[variable] else { continue }
      #expect(replay.graph.tensors[t].kerasName == expected.tensor, "\(c.id): \(variable) replayed")
      #expect(replay.graph.layerName(of: t) == expected.layer, "\(c.id): \(variable) replayed")
    }
    let g = session.graph
    for (variable, expected) in c.names {
      guard case .tensor(let t)? = g.bindings[variable] else {
        Issue.record("\(c.id): \(variable) is not a tensor")
        continue
      }
      let got = TensorNameCase.Names(tensor: g.tensors[t].kerasName, layer: g.layerName(of: t))
      #expect(got == expected, "\(c.id): \(variable)")
    }
  }
}
