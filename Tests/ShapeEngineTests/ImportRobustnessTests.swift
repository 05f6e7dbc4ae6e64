import KerasJSON
import ShapeEngine
import Testing

/// Saved configs that are valid JSON but push the importer: long chains, repeated names.
@Suite struct ImportRobustnessTests {
  static func entry(_ name: String, input: String?) -> String {
    let nodes =
      input.map {
        "[{\"args\": [{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 4], "
          + "\"dtype\": \"float32\", \"keras_history\": [\"\($0)\", 0, 0]}}], \"kwargs\": {}}]"
      } ?? "[]"
    let cls = input == nil ? "InputLayer" : "Activation"
    let config =
      input == nil
      ? "{\"batch_shape\": [null, null, 4], \"name\": \"\(name)\"}"
      : "{\"name\": \"\(name)\", \"activation\": \"relu\"}"
    return "{\"class_name\": \"\(cls)\", \"config\": \(config), \"name\": \"\(name)\", "
      + "\"inbound_nodes\": \(nodes)}"
  }

  static func chain(_ n: Int, names: (Int) -> String = { "a\($0)" }) -> String {
    var layers = [entry("in", input: nil)]
    var previous = "in"
    for i in 0..<n {
      layers.append(entry(names(i), input: previous))
      previous = names(i)
    }
    return "{\"class_name\": \"Functional\", \"config\": {\"name\": \"chain\", \"layers\": ["
      + layers.joined(separator: ", ") + "], \"input_layers\": [[\"in\", 0, 0]], "
      + "\"output_layers\": [[\"\(previous)\", 0, 0]]}}"
  }

  /// Keras's graph walk is recursive; kshape's must not be, or a long chain overflows the stack.
  @Test func aLongChainDoesNotExhaustTheStack() throws {
    let model = try SavedModel.decode(try JSONParser.parse(Self.chain(20_000)))
    let inspection = try Inspection.run(model, sizes: ["7"])
    #expect(inspection.allEvaluated)
    let g = inspection.results[0].evaluation.graph
    #expect(g.outputs.map { g.tensors[$0].type.shape.map(\.value) } == [[nil, 7, 4]])
  }

  @Test func repeatedLayerNamesAreRefused() throws {
    let json = try JSONParser.parse(Self.chain(3, names: { $0 == 2 ? "a0" : "a\($0)" }))
    #expect(throws: ConfigError.self) { try SavedModel.decode(json) }
    do {
      _ = try SavedModel.decode(json)
    } catch {
      #expect(error.message.contains("two layers are named \"a0\""))
      #expect(error.path.description == "$.config.layers[3].name")
    }
  }
}
