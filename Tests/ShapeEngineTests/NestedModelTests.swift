import KerasJSON
import LayerCatalog
import ShapeCore
import Testing

@testable import ShapeEngine

/// A model used as a layer runs its compiled plan; importing it at the call must give the same
/// outputs, weights and errors, at the tensors every golden size gives it (under both choices of
/// deferring weights), and at tensors it refuses.
@Suite struct NestedModelTests {
  /// The result of one call, as text.
  static func outcome(_ f: () throws(LayerError) -> LayerOutput) -> String {
    do {
      let out = try f()
      return "\(out.outputs) \(out.weights)"
    } catch {
      return "error \(error.message) | \(error.hint ?? "-") | \(error.argument ?? "-")"
    }
  }

  /// Every call of a nested model in `graph`: the layer, its context and the tensors given.
  static func calls(_ graph: Graph) -> [(NestedModel, LayerContext, [TensorType])] {
    var out: [(NestedModel, LayerContext, [TensorType])] = []
    for node in graph.layers {
      guard let nested = node.layer as? NestedModel else { continue }
      let context = LayerContext(
        className: node.className, name: node.name, policy: node.policy,
        autocastsInputs: node.autocastsInputs, defersWeights: graph.defersWeights)
      for c in node.calls { out.append((nested, context, c.inputs.map { graph.tensors[$0].type })) }
    }
    return out
  }

  /// Other tensors than a size gives: one more in the last dim, one rank more, a known batch.
  static func variants(_ given: [TensorType]) -> [[TensorType]] {
    guard let first = given.first, let last = first.shape.last else { return [] }
    let wider = TensorType(
      shape: first.shape.dropLast() + [last.value.map { .known($0 + 1) } ?? last],
      dtype: first.dtype)
    let deeper = TensorType(shape: first.shape + [.known(2)], dtype: first.dtype)
    let batched = TensorType(shape: [.known(4)] + first.shape.dropFirst(), dtype: first.dtype)
    return [wider, deeper, batched].map { [$0] + given.dropFirst() }
  }

  @Test(arguments: ModelFileCase.all())
  func plannedCallsMatchImporting(_ c: ModelFileCase) throws {
    let (model, expected) = try c.load()
    let inspection = try Inspection.run(model, sizes: expected.results.map(\.size))
    var seen = 0
    for graph in [inspection.session.graph] + inspection.results.map(\.evaluation.graph) {
      for (nested, context, given) in Self.calls(graph) {
        seen += 1
        for inputs in [given] + Self.variants(given) {
          for defers in [true, false] {
            var context = context
            context.defersWeights = defers
            let input: LayerInput = inputs.count == 1 ? .single(inputs[0]) : .list(inputs)
            let planned = Self.outcome { () throws(LayerError) in try nested.call(input, context) }
            let imported = Self.outcome { () throws(LayerError) in
              try nested.callImporting(input, context)
            }
            #expect(planned == imported, "\(c.name) \(context.name) at \(inputs) defers \(defers)")
          }
        }
      }
    }
    let nestedClasses = ["Functional", "Sequential", "Model"]
    let hasNested = model.layers.contains { nestedClasses.contains($0.className) }
    #expect(!hasNested || seen > 0, "\(c.name): a nested model was never called")
  }

  /// The golden models used as layers are compiled, except a Sequential without an input shape.
  @Test func nestedModelsAreCompiled() throws {
    for name in ["frozen_backbone", "siamese", "shared_nested"] {
      let (model, _) = try ModelFileCase(name: name).load()
      let inspection = try Inspection.run(model, sizes: [])
      let nested = Self.calls(inspection.session.graph).map(\.0)
      #expect(!nested.isEmpty && nested.allSatisfy { $0.plan != nil }, "\(name)")
    }
  }
}
