import Foundation
import KerasJSON
import LayerCatalog
import ShapeCore
import Testing

@testable import ShapeEngine

/// A compiled import must leave exactly the graph (and the error) the full import leaves, at
/// every size Keras was asked about and at sizes that fail.
@Suite struct PlanTests {
  /// Expects two graphs to be the same whole, naming the first line where they differ.
  static func expectSameGraph(
    _ fast: Graph, _ slow: Graph, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let a = fingerprint(fast)
    let b = fingerprint(slow)
    let difference = zip(a, b).first { $0 != $1 }.map {
      "\($0.prefix(300))\n vs \($1.prefix(300))"
    }
    #expect(
      a.count == b.count && difference == nil,
      "\(what): \(difference ?? "\(a.count) vs \(b.count) lines")", sourceLocation: sourceLocation)
  }

  /// Everything a graph shows, as text, so that two graphs compare whole.
  static func fingerprint(_ g: Graph) -> [String] {
    var out: [String] = []
    for (i, l) in g.layers.enumerated() {
      out.append(
        "L\(i) \(l.name) \(l.className) \(l.policy) \(l.trainable) \(l.autocastsInputs) "
          + "\(l.weights.map { "\($0)" } ?? "nil") statement \(l.statement) calls "
          + l.calls.map { "\($0.inputs)->\($0.outputs) \($0.site.map { "\($0)" } ?? "-")" }
          .joined(separator: "; "))
    }
    for t in g.tensors { out.append("T\(t.id) \(t.kerasName) \(t.type) \(t.layer)") }
    out.append("inputs \(g.inputs) \(g.declaredInputs)")
    out.append(
      "bindings " + g.bindings.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ","))
    out.append("current \(String(describing: g.current)) imports \(g.imports) outputs \(g.outputs)")
    out.append(
      "names \(g.nameCounters.sorted { $0.key < $1.key }) \(g.tensorCounter) \(g.symbols.sorted())")
    out.append("layerNames \(g.layerNames.sorted())")
    return out
  }

  static func fingerprint(_ e: EngineError?) -> String {
    guard let e else { return "ok" }
    return "\(e.message) | \(e.layer ?? "-") | \(e.className ?? "-") | \(e.inputs) | "
      + "\(e.path?.description ?? "-") | \(e.diagnostic.hint ?? "-") | \(e.isConfigError)"
  }

  @Test(arguments: ModelFileCase.all())
  func compiledImportMatchesTheFullImport(_ c: ModelFileCase) throws {
    let (model, expected) = try c.load()
    var full = Evaluator()
    _ = try full.importModel(model, options: ImportOptions())
    // Every golden model has a plan (layers naming sub-layers when built included).
    let plan = try #require(ImportPlan(model, before: Graph(), after: full.graph), "\(c.name)")
    var sizes = expected.results.map(\.size) + ["1x1", "5x5", "3"]
    sizes.append("batch=7")
    // Each size as a deferring session evaluates it, and strictly (a size that gives every dim).
    for size in sizes + sizes.map({ "strict " + $0 }) {
      let strict = size.hasPrefix("strict ")
      guard
        let binding = try? SizeSpec.parse(
          strict ? String(size.dropFirst(7)) : size, graph: full.graph)
      else { continue }
      var slow = Evaluator(binding: binding)
      slow.graph.defersWeights = !strict
      var slowError: EngineError?
      do { _ = try slow.importModel(model, options: ImportOptions()) } catch { slowError = error }
      var fast = Evaluator(binding: binding)
      fast.graph.defersWeights = !strict
      var fastError: EngineError?
      var ran: [Int]?
      do { ran = try fast.runImport(plan) } catch { fastError = error }
      // A failing run of a model whose layers name sub-layers when built is imported in full.
      if ran == nil, fastError == nil, plan.namesAtBuild, slowError != nil { continue }
      #expect(ran != nil || fastError != nil, "\(c.name) at \(size): the plan was not used")
      #expect(Self.fingerprint(fastError) == Self.fingerprint(slowError), "\(c.name) at \(size)")
      Self.expectSameGraph(fast.graph, slow.graph, "\(c.name) at \(size)")
    }
  }
}
