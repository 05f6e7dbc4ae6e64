import KerasJSON
import ShapeEngine
import Testing

/// A call's tensor references are read without paths; one that does not resolve when the call is
/// made is read again with its path, so the message still says where it is written.
@Suite struct ImportReferenceTests {
  /// `in` -> a0 -> a1, where a1's argument is written by `argument` (a `__keras_tensor__`).
  static func model(argument: String) -> String {
    func ref(_ layer: String, _ tensor: Int) -> String {
      "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 4], "
        + "\"dtype\": \"float32\", \"keras_history\": [\"\(layer)\", 0, \(tensor)]}}"
    }
    func layer(_ name: String, _ args: String) -> String {
      "{\"class_name\": \"Activation\", \"config\": {\"name\": \"\(name)\", \"activation\": "
        + "\"relu\"}, \"name\": \"\(name)\", \"inbound_nodes\": [{\"args\": [\(args)], "
        + "\"kwargs\": {}}]}"
    }
    let input =
      "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 4], \"name\": "
      + "\"in\"}, \"name\": \"in\", \"inbound_nodes\": []}"
    let a1Argument = argument.replacingOccurrences(of: "REF", with: ref("a0", 1))
    return "{\"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
      + [input, layer("a0", ref("in", 0)), layer("a1", a1Argument)].joined(separator: ", ")
      + "], \"input_layers\": [[\"in\", 0, 0]], \"output_layers\": [[\"a1\", 0, 0]]}}"
  }

  static func failure(_ argument: String) throws -> EngineError? {
    let model = try SavedModel.decode(try JSONParser.parse(Self.model(argument: argument)))
    do {
      _ = try Inspection.run(model, sizes: [])
    } catch {
      return error
    }
    return nil
  }

  @Test func anOutputTheLayerDoesNotGiveIsReportedWhereItIsWritten() throws {
    let e = try #require(try Self.failure("REF"))
    #expect(e.message.contains("refers to output 1 of layer \"a0\", which gives 1 output"))
    #expect(
      e.path?.description == "$.config.layers[2].inbound_nodes[0].args[0].config.keras_history")
  }

  @Test func inAListTheItemIsNamed() throws {
    let e = try #require(try Self.failure("[REF]"))
    #expect(e.message.contains("refers to output 1 of layer \"a0\""))
    #expect(
      e.path?.description
        == "$.config.layers[2].inbound_nodes[0].args[0][0].config.keras_history")
  }
}
