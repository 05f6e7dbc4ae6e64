import ShapeCore

/// `apply` and `scan` through the session's compiled calls (`SessionPlan`) while the program has
/// them; the replay stays the way to every failure (its statement, traceback and partial graph
/// are the interpreter's) and to programs that read the size.
extension Session {
  /// Extends the plan with what the statement just accepted made, or drops it for good when the
  /// program read something size-dependent or made a tensor the plan cannot describe.
  mutating func extendPlan() {
    guard var p = plan else { return }
    plan = nil  // the only reference: extending does not copy
    if runtime.host.observed == nil, p.extend(runtime.host.graph) { plan = p }
  }

  /// Why the session has no plan (the first size-dependent thing its program read), or nil.
  var unplannedReason: String? {
    if plan != nil { return nil }
    return runtime.host.observed ?? "a model file, or a tensor the plan cannot describe"
  }

  /// The plan that describes the whole declared graph, if there is one.
  private var currentPlan: SessionPlan? {
    guard let plan, plan.tensorCount == graph.tensors.count, runtime.host.observed == nil else {
      return nil
    }
    return plan
  }

  /// The evaluation `replay` would give at `binding`, from the plan, when the plan has one and
  /// every call succeeds; nil otherwise (the caller replays).
  func planned(_ binding: InputBinding, model: Int? = nil) -> Evaluation? {
    guard let plan = currentPlan else { return nil }
    let run = plan.run(binding, declared: graph, strictWeights: bindsEveryInput(binding))
    guard run.failedLayer == nil, !run.undescribed else { return nil }
    var ev = Evaluation(graph: plan.graph(run, declared: graph), failure: nil, sources: statements)
    if let model, model < runtime.host.models.count {
      ev.graph = runtime.host.models[model].view(of: ev.graph)
      ev.model = runtime.host.models[model].name
    }
    return ev
  }

  /// Tensor `t`'s type at `binding`, from the plan alone: `.some(nil)` when a call fails before
  /// it or the tensor is not made; nil without a plan (the caller replays).
  func plannedType(of t: Int, _ binding: InputBinding) -> TensorType?? {
    guard let plan = currentPlan else { return nil }
    let run = plan.run(binding, declared: graph, strictWeights: bindsEveryInput(binding))
    if run.undescribed { return nil }
    guard run.failedLayer == nil, t < run.tensors.count else { return .some(nil) }
    return .some(run.tensors[t])
  }

  /// Whether the program evaluates at `binding` and, if not, the layer that rejects it, from the
  /// plan alone; nil without a plan.
  func plannedOutcome(_ binding: InputBinding) -> SizeScan.Outcome? {
    guard let plan = currentPlan else { return nil }
    let run = plan.run(binding, declared: graph, strictWeights: bindsEveryInput(binding))
    if run.undescribed { return nil }
    guard let l = run.failedLayer else { return .evaluates }
    guard graph.layers.indices.contains(l) else { return nil }
    return .fails(layer: graph.layers[l].name, className: graph.layers[l].className)
  }
}
