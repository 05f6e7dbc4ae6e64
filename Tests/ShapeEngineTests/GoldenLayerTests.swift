import Foundation
import ShapeEngine
import Testing

/// One layer called on inputs, as real Keras answered it (tools/golden/generate.py).
struct LayerCase: Codable, CustomStringConvertible {
  struct Expect: Codable {
    var ok: Bool
    var name: String?
    var outputs: [GoldenTensor]?
    var params: GoldenParams?
    var stage: String?
    var type: String?
    var message: String?
  }
  var id: String
  var layer: String
  var inputs: [GoldenTensor]
  var call: String
  var listInput: Bool
  /// The call's arguments over x0, x1, ... when more than `layer(x0)` / `layer([x0, x1])`.
  var callArgs: String?
  var expect: Expect
  var description: String { id }
  enum CodingKeys: String, CodingKey {
    case id, layer, inputs, call, expect
    case listInput = "list_input"
    case callArgs = "call_args"
  }

  /// The kshape statements that build this case.
  var statements: [String] {
    var lines = inputs.enumerated().map { i, t in
      let batch = t.shape.first.flatMap { $0 }.map(String.init) ?? "None"
      return
        "x\(i) = Input(shape=\(pythonTuple(Array(t.shape.dropFirst()))), batch_size=\(batch), dtype='\(t.dtype)')"
    }
    let args =
      listInput ? "[" + inputs.indices.map { "x\($0)" }.joined(separator: ", ") + "]" : "x0"
    lines.append("y = \(call)(\(callArgs ?? args))")
    // The generator's Lambda cases call a function `fn` it defined (kshape never runs it).
    if layer == "Lambda" { lines.insert("def fn(x):\n    return x", at: 0) }
    return lines
  }
}

@Suite struct GoldenLayerTests {
  static let cases: [LayerCase] = (try? Golden.layerCases()) ?? []

  @Test func goldenFileIsPresent() throws {
    let cases = try Golden.layerCases()
    #expect(cases.count > 100)
  }

  @Test(arguments: cases)
  func matchesKeras(_ c: LayerCase) throws {
    var session = Session(kerasStrict: true)
    for line in c.statements.dropLast() {
      switch session.submit(line) {
      case .effect, .executed, .nothing: continue
      default:
        Issue.record("input statement failed: \(line)")
        return
      }
    }
    let outcome = session.submit(c.statements[c.statements.count - 1])
    switch (outcome, c.expect.ok) {
    case (.effect(.called(let l, let outs), let graph), true):
      #expect(graph.layers[l].name == c.expect.name, "name")
      let shapes = outs.map { graph.tensors[$0].type.shape.map(\.value) }
      #expect(shapes == c.expect.outputs?.map(\.shape), "output shapes")
      let dtypes = outs.map { graph.tensors[$0].type.dtype.name }
      #expect(dtypes == c.expect.outputs?.map(\.dtype), "dtypes")
      let p = graph.layers[l].params
      #expect(
        GoldenParams(total: p.total, trainable: p.trainable, nonTrainable: p.nonTrainable)
          == c.expect.params, "params")
    case (.failure, false):
      break
    case (.failure(let e), true):
      Issue.record("kshape raised where Keras did not: \(e.message)")
    default:
      Issue.record(
        "Keras raised (\(c.expect.stage ?? "?")) \(c.expect.type ?? ""): \(c.expect.message ?? ""); kshape did not: \(outcome)"
      )
    }
  }
}
