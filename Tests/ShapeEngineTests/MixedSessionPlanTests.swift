import Foundation
import KerasJSON
import ShapeCore
import Testing

@testable import ShapeEngine

/// A session that imports a model and then adds Python statements (a head on a loaded backbone)
/// runs its compiled calls per size, imports included: it must give exactly what the replay gives
/// (the graph whole), and a scan's outcome must be the replay's, at the golden sizes and at sizes
/// that fail.
@Suite struct MixedSessionPlanTests {
  /// The golden model, imported, with `head` typed after it; nil when the head does not apply
  /// to the model's output (the session then has nothing to compare).
  static func session(_ c: ModelFileCase, head: String, strict: Bool = false) throws -> (
    Session, ExpectedModel
  )? {
    let (model, expected) = try c.load()
    var session = Session(kerasStrict: strict)
    guard case .imported = session.importModel(model, source: "load \(c.name)") else { return nil }
    if case .failure = session.submit(head) { return nil }
    return (session, expected)
  }

  @Test(arguments: ModelFileCase.all())
  func plannedSizesMatchTheReplay(_ c: ModelFileCase) throws {
    for strict in [false, true] {
      guard let (session, expected) = try Self.session(c, head: "Dense(3)", strict: strict)
      else { continue }
      var used = 0
      var evaluated = 0
      for size in ImportsPlannedTests.sizes(expected) {
        guard let binding = try? SizeSpec.parse(size, graph: session.graph) else { continue }
        let what = "\(c.name) + Dense(3) at '\(size)' strict \(strict)"
        let slow = session.replayed(binding)
        if slow.failure == nil { evaluated += 1 }
        // A scan's verdict from the plan alone is the replay's.
        if let outcome = session.plannedOutcome(binding) {
          let replayed: SizeScan.Outcome =
            slow.failure.map { .fails(layer: $0.1.layer ?? "?", className: $0.1.className ?? "?") }
            ?? .evaluates
          #expect(outcome == replayed, "\(what): scan outcome")
        }
        guard let fast = session.planned(binding) else { continue }
        used += 1
        #expect(slow.failure == nil, "\(what): the plan evaluated where the replay fails")
        PlanTests.expectSameGraph(fast.graph, slow.graph, what)
        // `evaluate` takes the plan's evaluation.
        #expect(
          PlanTests.fingerprint(session.evaluate(binding).graph)
            == PlanTests.fingerprint(fast.graph), "\(what)")
      }
      // Every golden model's calls are describable: every size the replay evaluates is the
      // plan's (so this test cannot pass by never planning).
      #expect(session.unplannedReason == nil, "\(c.name) strict \(strict)")
      #expect(used == evaluated && used > 0, "\(c.name) strict \(strict): \(used) of \(evaluated)")
    }
  }

  /// Without the import's calls in the plan, every size of such a session replayed the import.
  @Test func aHeadOnALoadedModelIsPlanned() throws {
    let c = ModelFileCase(name: "densenet121")
    let (session, _) = try #require(try Self.session(c, head: "Dense(3)"))
    #expect(session.unplannedReason == nil)
    let binding = try SizeSpec.parse("96x96", graph: session.graph)
    let ev = try #require(session.planned(binding))
    #expect(ev.graph.tensors.last?.type.kerasShape == "(None, 3, 3, 3)")
    #expect(ev.failure == nil)
  }

  /// Python first, then an import, then more Python: one plan through all three.
  @Test func pythonAroundAnImport() throws {
    var session = Session()
    _ = session.submit("x = Input((None, None, 3))")
    _ = session.submit("Conv2D(8, 3, strides=2)")
    let (model, _) = try ModelFileCase(name: "autoencoder").load()
    guard case .imported = session.importModel(model, source: "load autoencoder") else {
      Issue.record("autoencoder did not import")
      return
    }
    _ = session.submit("Dense(4)")
    #expect(session.unplannedReason == nil)
    let inputs = session.graph.inputs.count
    var planned = 0
    for size in ["1=64x64 2=28x28", "1=9x9 2=28x28", "1=2x2 2=28x28", "1=64x64 2=27x27"] {
      guard inputs == 2, let binding = try? SizeSpec.parse(size, graph: session.graph) else {
        Issue.record("'\(size)' does not bind \(inputs) inputs")
        continue
      }
      let slow = session.replayed(binding)
      if let fast = session.planned(binding) {
        planned += 1
        #expect(PlanTests.fingerprint(fast.graph) == PlanTests.fingerprint(slow.graph), "\(size)")
      } else {
        #expect(slow.failure != nil, "\(size): the plan was not used where the replay evaluates")
      }
    }
    #expect(planned == 2)
  }

  /// A program that reads a size after the import keeps the replay.
  @Test func readingAShapeDropsThePlan() throws {
    let c = ModelFileCase(name: "densenet121")
    let (session, _) = try #require(try Self.session(c, head: "n = _.shape[-1]"))
    #expect(session.unplannedReason != nil)
    #expect(session.planned(InputBinding()) == nil)
  }
}
