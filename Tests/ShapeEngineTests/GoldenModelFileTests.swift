import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// What Keras gave for a saved model at one size (Golden/modelfiles/NAME.expected.json).
struct ExpectedApply: Decodable {
  struct Failure: Decodable {
    var layer: String?
    var className: String?
    var message: String
    enum CodingKeys: String, CodingKey {
      case layer, message
      case className = "class_name"
    }
  }
  var size: String
  var ok: Bool
  var inputs: [JSONOutput.TensorJSON]?
  var layers: [JSONOutput.LayerJSON]?
  var outputs: [JSONOutput.TensorJSON]?
  var params: ParamCount?
  var error: Failure?
}

struct ExpectedModel: Decodable {
  var model: String
  var results: [ExpectedApply]
}

/// A saved model (a Keras config written by real Keras) and Keras's results at several sizes.
struct ModelFileCase: CustomStringConvertible, Sendable {
  var name: String
  var description: String { name }

  static var folder: URL { Golden.folder.appendingPathComponent("modelfiles") }

  static func all() -> [ModelFileCase] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".expected.json") }.sorted().map {
      ModelFileCase(name: String($0.dropLast(".expected.json".count)))
    }
  }

  func load() throws -> (SavedModel, ExpectedModel) {
    let config = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).json"))
    let expected = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).expected.json"))
    return (
      try SavedModel.decode(try JSONParser.parse(Array(config))),
      try JSONDecoder().decode(ExpectedModel.self, from: expected)
    )
  }
}

@Suite struct GoldenModelFileTests {
  static let cases = ModelFileCase.all()

  @Test func applicationsAndHandModelsArePresent() {
    let names = Set(Self.cases.map(\.name))
    for app in ["resnet50", "mobilenetv2", "efficientnetb0", "convnexttiny", "nasnetmobile"] {
      #expect(names.contains(app), "Golden/modelfiles has no \(app)")
    }
    #expect(Self.cases.count >= 20)
  }

  /// Every layer's output shapes, dtypes and params at every size, and the failing layer where
  /// Keras raises.
  @Test(arguments: cases)
  func matchesKeras(_ c: ModelFileCase) throws {
    let (model, expected) = try c.load()
    #expect(model.name == expected.model)
    let inspection = try Inspection.run(model, sizes: expected.results.map(\.size))
    #expect(inspection.results.count == expected.results.count)
    for (want, got) in zip(expected.results, inspection.results) {
      let ev = got.evaluation
      if !want.ok {
        let failed = ev.failure?.error
        #expect(
          failed != nil,
          "\(c.name) at \(want.size): Keras raises at \(want.error?.layer ?? "?") (\(want.error?.message.prefix(160) ?? "")), kshape does not"
        )
        #expect(
          failed?.layer == want.error?.layer,
          "\(c.name) at \(want.size): Keras raises at \(want.error?.layer ?? "?"), kshape at \(failed?.layer ?? "?"): \(failed?.message ?? "")"
        )
        continue
      }
      if let (_, e) = ev.failure {
        Issue.record("\(c.name) at \(want.size): kshape fails at \(e.layer ?? "?"): \(e.message)")
        continue
      }
      let layers = JSONOutput.layers(ev.graph)
      let byName = Dictionary(layers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
      var mismatches: [String] = []
      for w in want.layers ?? [] {
        guard let g = byName[w.name] else {
          mismatches.append("\(w.name): missing")
          continue
        }
        if g != w { mismatches.append("\(w.name): Keras \(w), kshape \(g)") }
      }
      #expect(
        mismatches.isEmpty,
        "\(c.name) at \(want.size): \(mismatches.count) layers differ: \(mismatches.prefix(3))")
      #expect(
        layers.map(\.name) == (want.layers ?? []).map(\.name),
        "\(c.name) at \(want.size): layer order")
      #expect(ev.graph.totalParams == want.params, "\(c.name) at \(want.size): params")
      let outs = ev.graph.outputs.map { ev.graph.tensors[$0].type.shape.map(\.value) }
      #expect(outs == (want.outputs ?? []).map(\.shape), "\(c.name) at \(want.size): outputs")
    }
  }
}
