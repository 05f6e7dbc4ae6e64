import Foundation
import KerasJSON
import Testing

@testable import ShapeEngine

/// The JSON Lines writer must write the bytes Foundation's JSONEncoder writes for every record.
@Suite struct JSONOutputWriterTests {
  static func foundation(_ r: JSONOutput.Record) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(r), as: UTF8.self)
  }

  @Test(arguments: ["resnet50", "lstm_state", "ops_shapes", "mixed_precision", "dict_io"])
  func goldenEvaluationsAsJSONEncoderWritesThem(_ name: String) throws {
    let (model, expected) = try ModelFileCase(name: name).load()
    let failing = model.inputs.count == 1 ? ["1x1"] : []
    let inspection = try Inspection.run(model, sizes: expected.results.map(\.size) + failing)
    for r in inspection.results {
      let outcome = Outcome.applied(r.evaluation, size: r.size)
      let record = try #require(JSONOutput.record(outcome, line: 3, source: "apply x"))
      #expect(JSONOutput.encode(record) == (try Self.foundation(record)))
    }
  }

  @Test func everyFieldAndEveryEscape() throws {
    var odd = ""
    for u in 0..<0x30 { odd.unicodeScalars.append(Unicode.Scalar(UInt8(u))) }
    odd += "\u{7F}\u{80}\u{2028}é😀/\\\"\u{FEFF}\r\n"
    var r = JSONOutput.Record(line: 1, ok: false, kind: odd, source: odd)
    r.name = odd
    r.className = "C"
    r.variable = "v"
    r.outputs = [
      JSONOutput.TensorJSON(name: odd, shape: [nil, 3], dtype: "f", formula: ["H", odd])
    ]
    r.inputs = [JSONOutput.TensorJSON(name: nil, shape: [], dtype: "i", formula: nil)]
    r.params = ParamCount(total: Int.max, trainable: Int.min, nonTrainable: 0)
    r.size = "1x1"
    r.layers = [
      JSONOutput.LayerJSON(
        name: odd, className: odd, outputShapes: [[nil], []], dtypes: [odd, "x"],
        params: ParamCount())
    ]
    r.text = odd
    r.error = JSONOutput.ErrorJSON(
      message: odd, layer: odd, className: odd, hint: odd, column: -1, statement: 7,
      inputs: [[1, nil]], path: odd)
    r.path = odd
    r.format = "keras"
    #expect(JSONOutput.encode(r) == (try Self.foundation(r)))
    let empty = JSONOutput.Record(line: nil, ok: true, kind: "", source: nil)
    #expect(JSONOutput.encode(empty) == (try Self.foundation(empty)))
  }
}
