import KerasJSON
import Testing

@testable import ShapeEngine

/// An import into a session without bindings writes each layer's name once when every name is
/// its own identifier (`importModel` wrote them), and again in order when one is not: the graph's
/// bindings must be those of writing both every time, and a replay (which always writes them
/// again) must agree.
@Suite struct ImportBindingTests {
  /// A Sequential of ReLUs named `names`, in order, after an InputLayer or with its input shape
  /// declared (`build_input_shape`).
  static func model(_ names: [String], inputLayer: Bool = true) throws -> SavedModel {
    let layers = names.map {
      #"{"class_name": "ReLU", "config": {"name": "\#($0)"}}"#
    }
    let input = #"{"class_name": "InputLayer", "config": {"name": "x", "batch_shape": [null, 4]}}"#
    let text =
      #"{"class_name": "Sequential", "config": {"name": "m", "#
      + (inputLayer ? "" : #""build_input_shape": [null, 4], "#) + #""layers": ["#
      + ((inputLayer ? [input] : []) + layers).joined(separator: ", ") + "]}}"
    return try SavedModel.decode(JSONParser.parse(text))
  }

  /// Each layer's output by its name and by its identifier, the later layer winning, as the two
  /// passes write them.
  static func expected(_ graph: Graph) -> [String: String] {
    var out: [String: String] = [:]
    for layer in graph.layers {
      guard let outs = layer.calls.last?.outputs, let t = outs.first else { continue }
      out[Evaluator.identifier(layer.name)] = "\(Binding.tensor(t))"
    }
    for layer in graph.layers {
      guard let outs = layer.calls.last?.outputs, let t = outs.first else { continue }
      out[layer.name] = "\(Binding.tensor(t))"
    }
    return out
  }

  static func bindings(_ graph: Graph) -> [String: String] {
    graph.bindings.mapValues { "\($0)" }
  }

  @Test(arguments: [
    ["relu_1", "relu_2", "relu_3"],
    // Two names with one identifier: the plain name keeps its own layer's output.
    ["a_b", "a-b"], ["a-b", "a_b"], ["x1", "1x", "_1x"],
  ])
  func bindingsAreEveryNameAndIdentifier(_ names: [String]) throws {
    for (bindsNames, inputLayer) in [(false, true), (true, true), (false, false), (true, false)] {
      var session = Session()
      guard
        case .imported = session.importModel(
          try Self.model(names, inputLayer: inputLayer), source: "load m",
          bindsNames: bindsNames)
      else {
        Issue.record("\(names) \(inputLayer) did not import")
        continue
      }
      #expect(Self.bindings(session.graph) == Self.expected(session.graph), "\(names)")
      #expect(
        Self.bindings(session.replayed(InputBinding()).graph) == Self.bindings(session.graph),
        "\(names)")
    }
  }

  /// `inspect`'s import (no names bound, the inputs named from their own layers, the program's
  /// plan not extended) leaves the graph a replay of the session builds, for every golden model.
  @Test(arguments: ModelFileCase.all())
  func inspectImportMatchesTheReplay(_ c: ModelFileCase) throws {
    let (model, _) = try c.load()
    for bindsNames in [false, true] {
      var session = Session()
      guard
        case .imported = session.importModel(
          model, source: "load \(c.name)", bindsNames: bindsNames, extendsPlan: bindsNames)
      else { continue }
      PlanTests.expectSameGraph(
        session.graph, session.replayed(InputBinding()).graph, "\(c.name) \(bindsNames)")
    }
  }
}
