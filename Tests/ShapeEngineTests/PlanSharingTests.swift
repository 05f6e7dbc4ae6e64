import ShapeCore
import Testing

@testable import ShapeEngine

/// A plan run given the last size's run (`previous`, what a scan passes) takes the steps whose
/// inputs did not change from it; the run must be exactly the one made from nothing, at sizes
/// that evaluate and at sizes that fail (the failing layer, its inputs, the shape a shared layer
/// was built for).
@Suite struct PlanSharingTests {
  static func fingerprint(_ r: PlanRun) -> [String] {
    var out = r.tensors.map { "\($0)" }
    out += r.weights.map { w in w.map { "\($0)" } ?? "nil" }
    out.append("completed \(r.completed)")
    if let f = r.failure {
      out.append("failure at \(f.step.map(String.init) ?? "-"): \(f.reason) \(f.inputs)")
      out.append("built for \(f.builtFor.map { "\($0)" } ?? "nil")")
    }
    return out
  }

  @Test(arguments: ModelFileCase.all())
  func runOnTheLastSizeEqualsAFreshRun(_ c: ModelFileCase) throws {
    let (model, _) = try c.load()
    var full = Evaluator()
    _ = try full.importModel(model, options: ImportOptions())
    let plan = try #require(ImportPlan(model, before: Graph(), after: full.graph), "\(c.name)")
    guard full.graph.inputs.count == 1, let declared = full.graph.declaredInputs.first else {
      return
    }
    let unknown = declared.filter { if case .known = $0 { false } else { true } }.count
    guard unknown > 0 else { return }
    // Small sizes fail in turn at deeper layers; then a stretch where strides meet, then jumps.
    var previous: PlanRun?
    for s in Array(1...24) + [31, 32, 33, 64, 65, 96, 32, 7] {
      let size = Array(repeating: String(s), count: unknown).joined(separator: "x")
      let binding = try SizeSpec.parse(size, graph: full.graph)
      var shared = Evaluator(binding: binding)
      var fresh = Evaluator(binding: binding)
      let sharedRun = shared.runCalls(plan, previous: previous)
      let freshRun = fresh.runCalls(plan)
      let a = try #require(sharedRun, "\(c.name) at \(size)")
      let b = try #require(freshRun, "\(c.name) at \(size)")
      #expect(Self.fingerprint(a) == Self.fingerprint(b), "\(c.name) at \(size)")
      previous = a
    }
  }
}
