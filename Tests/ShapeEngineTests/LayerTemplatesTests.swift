import Foundation
import KerasJSON
import LayerCatalog
import Testing

@testable import ShapeEngine

/// `LayerTemplates`: a layer made again from a config seen before but for its name is the layer
/// `construct` makes from that config, for every layer of every golden model file; and a config
/// that differs in anything but its name is made on its own.
@Suite struct LayerTemplatesTests {
  /// Each layer of `model` made by `importLayer`, with templates (one import's) or without.
  static func nodes(_ model: SavedModel, templates: Bool, hits: inout Int) throws -> [LayerNode] {
    var evaluator = Evaluator()
    let shared = templates ? ConfigValues.SharedValues() : nil
    var made: [Int] = []
    for layer in model.layers where layer.className != "InputLayer" {
      made.append(try evaluator.importLayer(layer, ImportOptions(), shared: shared))
    }
    hits += shared?.templates.hits ?? 0
    return made.map { evaluator.graph.layers[$0] }
  }

  /// The parts of a node construction sets, the layer as its stored fields (a model inside a
  /// layer is left out: its description holds dictionaries, in no fixed order).
  static func same(_ a: LayerNode, _ b: LayerNode) -> Bool {
    a.name == b.name && a.className == b.className && a.policy == b.policy
      && a.trainable == b.trainable && a.autocastsInputs == b.autocastsInputs
      && a.arguments == b.arguments && a.module == b.module && a.savedConfig == b.savedConfig
      && (String(describing: a.layer).contains("NestedModel")
        || String(describing: a.layer) == String(describing: b.layer))
  }

  @Test func goldenModelFilesGiveTheSameLayers() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: ModelFileCase.folder, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasSuffix(".expected.json") }
    var compared = 0
    var hits = 0
    for file in files {
      guard let model = try? SavedModel.decode(try JSONParser.parse(Array(Data(contentsOf: file))))
      else { continue }
      // Models whose layers can all be made alone (custom classes are refused either way).
      var none = 0
      guard let alone = try? Self.nodes(model, templates: false, hits: &none) else { continue }
      let again = try Self.nodes(model, templates: true, hits: &hits)
      #expect(alone.count == again.count)
      for (a, b) in zip(alone, again) where Catalog.entry(a.className) != nil {
        #expect(Self.same(a, b), Comment(rawValue: file.lastPathComponent + ": " + a.name))
        compared += 1
      }
    }
    #expect(compared > 1000)
    // The golden models repeat their configs (BatchNormalization, activations).
    #expect(hits > compared / 4)
  }

  struct NotAnObject: Error {}

  static func layer(_ config: String, className: String = "Dense", module: String = "keras.layers")
    throws -> SavedLayer
  {
    guard case .object(let members) = try JSONParser.parse(config) else {
      throw NotAnObject()
    }
    return SavedLayer(
      name: "", className: className, module: module, registeredName: nil, config: members,
      entry: .null, nodes: [], nested: nil, path: .root)
  }

  @Test func onlyTheNameMayDiffer() throws {
    let templates = LayerTemplates()
    var evaluator = Evaluator()
    let first = try Self.layer(#"{"name": "a", "units": 4, "use_bias": true}"#)
    let keywords = ConfigValues.keywords(first.config)
    let l = try evaluator.construct(
      "Dense", entry: try #require(Catalog.entry("Dense")), CallArguments(keywords: keywords),
      at: nil)
    templates.remember(first, keywords: keywords, sublayers: [], node: evaluator.graph.layers[l])
    let renamed = #"{"name": "b", "units": 4, "use_bias": true}"#
    #expect(templates.match(try Self.layer(renamed))?.nameIndex == 0)
    #expect(templates.match(try Self.layer(renamed, className: "EinsumDense")) == nil)
    #expect(templates.match(try Self.layer(renamed, module: "my.layers")) == nil)
    for other in [
      #"{"name": "b", "units": 5, "use_bias": true}"#,
      #"{"name": "b", "units": 4, "use_bias": false}"#,
      #"{"name": "b", "units": 4.0, "use_bias": true}"#,
      #"{"name": "b", "use_bias": true, "units": 4}"#,
      #"{"name": "b", "units": 4}"#,
      #"{"name": null, "units": 4, "use_bias": true}"#,
      #"{"names": "b", "units": 4, "use_bias": true}"#,
    ] {
      #expect(templates.match(try Self.layer(other)) == nil, "\(other)")
    }
    #expect(templates.hits == 1)
  }

  @Test func equalValuesOfOtherBitsAreEqual() throws {
    func same(_ a: JSONMember, _ b: JSONMember) -> Bool {
      withUnsafePointer(to: a) { a in withUnsafePointer(to: b) { LayerTemplates.same(a, $0) } }
    }
    // Strings longer than 15 bytes live in storage of their own: two made apart differ in bits.
    let a = String(repeating: "channels_last", count: 2)
    let b = String(repeating: "channels", count: 1) + "_last" + "channels_last"
    #expect(same(JSONMember("k", .string(a)), JSONMember("k", .string(b))))
    #expect(same(JSONMember(a, .null), JSONMember(b, .null)))
    #expect(!same(JSONMember(a, .null), JSONMember(a + "x", .null)))
    #expect(
      same(
        JSONMember("k", .array([.int(1), .int(1)])), JSONMember("k", .array([.int(1), .int(1)]))))
    #expect(!same(JSONMember("k", .array([.int(1)])), JSONMember("k", .array([.int(2)]))))
    #expect(!same(JSONMember("k", .int(1)), JSONMember("k", .double(1))))
    #expect(!same(JSONMember("k", .int(1)), JSONMember("j", .int(1))))
    // Equal as Swift values, but not the same text: made apart.
    #expect(!same(JSONMember("k", .double(0.0)), JSONMember("k", .double(-0.0))))
    #expect(!same(JSONMember("k", .string("caf\u{E9}")), JSONMember("k", .string("cafe\u{301}"))))
    #expect(!same(JSONMember("caf\u{E9}", .null), JSONMember("cafe\u{301}", .null)))
    #expect(
      !same(JSONMember("k", .array([.double(0.0)])), JSONMember("k", .array([.double(-0.0)]))))
  }
}
