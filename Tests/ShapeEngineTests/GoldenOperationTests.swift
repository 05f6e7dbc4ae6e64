import Foundation
import KerasJSON
import LayerCatalog
import ShapeCore
import Testing

@testable import ShapeEngine

/// One raw operation called on symbolic tensors, as Keras's `compute_output_spec` answered it
/// (tools/golden/ops_cases.py): outputs, or the error Keras raises.
struct OperationCase: CustomStringConvertible, Sendable {
  var line: String
  var description: String { String(line.prefix(160)) }

  static func all() -> [OperationCase] {
    let url = Golden.folder.appendingPathComponent("ops/cases.jsonl")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map { OperationCase(line: String($0)) }
  }
}

@Suite struct GoldenOperationTests {
  static let cases = OperationCase.all()

  @Test func casesArePresent() { #expect(Self.cases.count >= 60) }

  static func tensor(_ json: JSONValue) throws -> TensorType {
    let dims = (json["shape"]?.arrayValue ?? []).map { $0.intValue.map(Dim.known) ?? .unknown }
    let dtype = try #require(DType(json["dtype"]?.stringValue ?? ""))
    return TensorType(shape: dims, dtype: dtype)
  }

  @Test(arguments: cases)
  func matchesKeras(_ c: OperationCase) throws {
    let json = try JSONParser.parse(Array(c.line.utf8))
    let cls = try #require(json["class_name"]?.stringValue)
    var op = try #require(
      TensorOperation(module: json["module"]?.stringValue ?? "", className: cls),
      "kshape does not know \(cls)")
    op.configure(
      Dictionary(uniqueKeysWithValues: ConfigValues.keywords(json["config"]?.objectValue ?? [])))
    var args: [CallValue] = []
    for a in json["args"]?.arrayValue ?? [] {
      if let t = a["tensor"] {
        args.append(.tensor(try Self.tensor(t)))
      } else if let ts = a["tensors"]?.arrayValue {
        args.append(.tensors(try ts.map { try Self.tensor($0) }))
      } else {
        args.append(.value(ConfigValues.value(a["value"] ?? .null)))
      }
    }
    let context = LayerContext(className: cls, name: cls.lowercased())
    let result = Result { () throws(LayerError) in
      try op.call(.call(positional: args, keywords: []), context)
    }
    guard json["ok"] == .bool(true) else {
      if case .success(let out) = result {
        Issue.record(
          "Keras raises \(json["error"]?.stringValue ?? ""), kshape gives \(out.outputs.map(\.kerasShape))"
        )
      }
      return
    }
    let out = try result.get()
    let want = try (json["outputs"]?.arrayValue ?? []).map { try Self.tensor($0) }
    #expect(out.outputs.map(\.kerasShape) == want.map(\.kerasShape))
    #expect(out.outputs.map(\.dtype) == want.map(\.dtype))
  }

  /// Messages name the operation and the shapes.
  @Test func errorsNameTheOperationAndShapes() throws {
    var op = try #require(TensorOperation(module: "keras.src.ops.numpy", className: "Reshape"))
    op.configure(["newshape": .list([.int(5), .int(-1)])])
    let x = TensorType(shape: [.known(3), .known(4)], dtype: .float32)
    #expect {
      try op.call(.single(x), LayerContext(className: "Reshape", name: "reshape_1"))
    } throws: { e in
      let m = (e as? LayerError)?.message ?? ""
      return m.hasPrefix("reshape_1 (Reshape):") && m.contains("input_shape=(3, 4)")
        && m.contains("newshape=(5, -1)")
    }
  }
}
