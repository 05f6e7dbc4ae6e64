import ShapeCore

/// Evaluates a session with each input symbol (H, W, L...) set to a size: one point of a scan,
/// a rule's check or a solve. A session that is one compiled import runs only its calls,
/// sharing the previous point's work, as `SizeScan` does.
struct SizeProbe {
  let session: Session
  private var plan: ImportPlan?
  private var previous: PlanRun?

  init(_ session: Session) {
    self.session = session
    if session.events.count == 1, case .model(_, _, let p?) = session.events[0] { plan = p }
  }

  /// The input symbols of the session, in the order the inputs declare them.
  static func symbols(_ g: Graph) -> [String] {
    var out: [String] = []
    for input in g.inputs {
      for d in g.tensors[input.tensor].type.shape.dropFirst() {
        if let s = d.symbolName, !out.contains(s) { out.append(s) }
      }
    }
    return out
  }

  /// The inputs bound to the sizes `values` gives their symbols.
  func binding(_ values: [String: Int]) throws(EngineError) -> InputBinding {
    let g = session.graph
    var binding = InputBinding()
    for (i, input) in g.inputs.enumerated() {
      var dims: [Dim] = []
      for d in g.tensors[input.tensor].type.shape.dropFirst() {
        if d.symbols.isEmpty {
          dims.append(d)
          continue
        }
        guard let v = try? d.evaluated(values) else {
          throw EngineError("no size given for \(d.formula)")
        }
        dims.append(.known(v))
      }
      binding.shapes[i] = dims
    }
    return binding
  }

  /// Whether the session evaluates at `values`, and if not, the layer that rejects it.
  mutating func outcome(_ values: [String: Int]) throws(EngineError) -> SizeScan.Outcome {
    let b = try binding(values)
    var evaluator = Evaluator(binding: b)
    if let plan, let run = evaluator.runCalls(plan, previous: previous) {
      previous = run
      if let f = run.failure, let e = Evaluator.error(f, plan) {
        return .fails(layer: e.layer ?? "?", className: e.className ?? "?")
      }
      return .evaluates
    }
    // The session's compiled calls answer without building the graph at the size (as a scan's
    // sizes are answered); a replay where they cannot.
    if let outcome = session.plannedOutcome(b) { return outcome }
    if let (_, e) = session.evaluate(b).failure {
      return .fails(layer: e.layer ?? "?", className: e.className ?? "?")
    }
    return .evaluates
  }
}
