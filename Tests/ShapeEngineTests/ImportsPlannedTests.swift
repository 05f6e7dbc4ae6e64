import Foundation
import KerasJSON
import ShapeCore
import Testing

@testable import ShapeEngine

/// A session made of imports evaluates a size through the imports' plans (no interpreter); it
/// must give exactly what the replay gives: the graph whole, the failing statement and the error,
/// at the golden sizes, at sizes that fail, at a batch, and under `--keras-strict`.
@Suite struct ImportsPlannedTests {
  static func sizes(_ expected: ExpectedModel) -> [String] {
    expected.results.map(\.size) + ["1x1", "5x5", "3", "batch=7", ""]
  }

  static func compare(_ session: Session, _ binding: InputBinding, _ what: String) {
    guard let fast = session.importsPlanned(binding, model: nil) else {
      // A failing size of a model whose layers name sub-layers when built is replayed.
      if case .model(_, _, let p?) = session.events.last, p.namesAtBuild,
        session.replayed(binding).failure != nil
      {
        return
      }
      Issue.record("\(what): the plans were not used")
      return
    }
    let slow = session.replayed(binding)
    #expect(fast.failure?.statement == slow.failure?.statement, "\(what)")
    #expect(
      PlanTests.fingerprint(fast.failure?.error) == PlanTests.fingerprint(slow.failure?.error),
      "\(what)")
    #expect(fast.sources == slow.sources, "\(what)")
    PlanTests.expectSameGraph(fast.graph, slow.graph, what)
  }

  @Test(arguments: ModelFileCase.all())
  func plannedSizesMatchTheReplay(_ c: ModelFileCase) throws {
    let (model, expected) = try c.load()
    for strict in [false, true] {
      var session = Session(kerasStrict: strict)
      guard case .imported = session.importModel(model, source: "load \(c.name)") else { continue }
      guard case .model(_, _, .some) = session.events[0] else {
        Issue.record("\(c.name): no plan")
        continue
      }
      for size in Self.sizes(expected) {
        guard let binding = try? SizeSpec.parse(size, graph: session.graph) else { continue }
        Self.compare(session, binding, "\(c.name) at '\(size)' strict \(strict)")
      }
    }
  }

  /// Two models in one session: the second's layers and tensors follow the first's, and a size
  /// the second rejects fails at its statement.
  @Test func twoImportsMatchTheReplay() throws {
    var session = Session()
    for name in ["vgg16", "gan_generator"] {
      let (model, _) = try ModelFileCase(name: name).load()
      guard case .imported = session.importModel(model, source: "load \(name)") else {
        Issue.record("\(name) did not import")
        return
      }
    }
    let names = session.graph.inputs.compactMap(\.variable)
    try #require(names.count == 2)
    let (a, b) = (names[0], names[1])
    for size in [
      "\(a)=224x224 \(b)=64", "\(a)=32x32 \(b)=7 batch=2", "\(a)=1x1 \(b)=64", "\(a)=64x64 \(b)=1",
    ] {
      let binding = try SizeSpec.parse(size, graph: session.graph)
      Self.compare(session, binding, "two imports at '\(size)'")
    }
  }

  /// The same model imported twice has two inputs of one name: the name is refused as ambiguous
  /// and the places name them; each place binds its own import, as the replay does (the second
  /// import's layer names keep meaning the first's: a name the session uses keeps its meaning).
  @Test func sameModelTwiceByPlace() throws {
    var session = Session()
    for _ in 0..<2 {
      let (model, _) = try ModelFileCase(name: "autoencoder").load()
      guard case .imported = session.importModel(model, source: "load autoencoder") else {
        Issue.record("autoencoder did not import")
        return
      }
    }
    let name = session.graph.layerName(of: session.graph.inputs[0].tensor)
    #expect(name == session.graph.layerName(of: session.graph.inputs[1].tensor))
    do {
      _ = try SizeSpec.parse("\(name)=28x28", graph: session.graph)
      Issue.record("a name two inputs share was accepted")
    } catch {
      #expect(error.message == "'\(name)' names 2 inputs (inputs 1 and 2)")
      #expect(error.diagnostic.hint == "name them by their place instead: 1=... 2=...")
    }
    #expect(throws: EngineError.self) { try SizeSpec.parse("3=28x28", graph: session.graph) }
    let binding = try SizeSpec.parse("1=28x28 2=32x32", graph: session.graph)
    #expect(binding.shapes[0] == [.known(28), .known(28), .known(1)])
    #expect(binding.shapes[1] == [.known(32), .known(32), .known(1)])
    Self.compare(session, binding, "autoencoder twice at 1=28x28 2=32x32")
  }

  /// Anything else than imports (a Python statement) is replayed.
  @Test func pythonIsReplayed() throws {
    var session = Session()
    let (model, _) = try ModelFileCase(name: "sequential").load()
    _ = session.importModel(model, source: "load sequential")
    _ = session.submit("Dense(3)")
    #expect(session.importsPlanned(InputBinding(), model: nil) == nil)
  }
}
