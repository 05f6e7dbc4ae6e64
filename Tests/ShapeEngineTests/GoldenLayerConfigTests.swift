import Foundation
import KerasJSON
import LayerCatalog
import ShapeEngine
import Testing

/// One line of Golden/layer_configs.jsonl (tools/golden/layer_configs.py): a one-layer model as
/// Keras saves it, and what that layer gives in Keras.
struct LayerConfigCase: Decodable, CustomStringConvertible, Sendable {
  var id: String
  var layer: String
  var call: String
  var name: String
  var model: String
  var outputs: [GoldenTensor]
  var params: ParamCount
  /// Keras's error when it cannot load its own config back: kshape must refuse it too.
  var loadError: String?
  var description: String { "\(id) \(call)" }

  enum CodingKeys: String, CodingKey {
    case id, layer, call, name, model, outputs, params
    case loadError = "load_error"
  }

  static func all() -> [LayerConfigCase] {
    (try? Golden.lines("layer_configs.jsonl", as: LayerConfigCase.self)) ?? []
  }
}

/// Every catalog class loads from the config Keras itself saves (all the keys its get_config
/// writes, with serialized initializers, regularizers, constraints, dtype policies and inner
/// layers), and gives Keras's shapes, dtypes and params.
@Suite struct GoldenLayerConfigTests {
  static let cases = LayerConfigCase.all()

  @Test func coversTheCatalog() {
    let classes = Set(Self.cases.map(\.layer))
    let catalog = Set(Catalog.entries.map(\.className))
    // Equalization's symbolic call returns its input tensor: no model can hold it.
    #expect(catalog.subtracting(classes) == ["Equalization"])
    #expect(classes.isSubset(of: catalog))
    #expect(Self.cases.count >= 400)
  }

  @Test(arguments: cases)
  func loadsAsKerasDoes(_ c: LayerConfigCase) throws {
    let model = try SavedModel.decode(try JSONParser.parse(Array(c.model.utf8)))
    let inspection: Inspection
    do {
      inspection = try Inspection.run(model, sizes: [])
    } catch {
      #expect(c.loadError != nil, "\(c.id): kshape refuses the config: \(error.message)")
      return
    }
    let evaluation = try #require(inspection.results.first?.evaluation)
    if let (_, e) = evaluation.failure {
      #expect(c.loadError != nil, "\(c.id): kshape fails at \(e.layer ?? "?"): \(e.message)")
      return
    }
    #expect(
      c.loadError == nil,
      "\(c.id): Keras cannot load this config (\(c.loadError ?? "")), kshape does")
    let layers = JSONOutput.layers(evaluation.graph)
    let got = try #require(layers.first { $0.name == c.name }, "\(c.id): no layer \(c.name)")
    // The class as Keras names its objects (GroupQueryAttention's class is GroupedQueryAttention).
    let kerasClass = Catalog.entry(c.layer)?.pythonClassName ?? c.layer
    #expect(got.className == kerasClass, "\(c.id): class")
    #expect(got.outputShapes == c.outputs.map(\.shape), "\(c.id): output shapes")
    #expect(got.dtypes == c.outputs.map(\.dtype), "\(c.id): output dtypes")
    #expect(got.params == c.params, "\(c.id): params")
  }
}
