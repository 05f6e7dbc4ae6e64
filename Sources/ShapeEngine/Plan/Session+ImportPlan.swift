/// `apply`, `inspect --size` and `evaluate` of a session made only of compiled imports (what
/// `kshape inspect` and `load` make): each import's plan run on a bare evaluator, with no
/// interpreter and no Python objects for the layers' names, which a replay of such a session
/// makes only to bind names the plan already holds (`ImportPlan.bindings`).
extension Session {
  /// The evaluation `replayed` gives at `binding`, from the imports' plans; nil (the caller
  /// replays) when an event is not a compiled import, a model is asked for, or a plan does not
  /// describe this evaluation.
  func importsPlanned(_ binding: InputBinding, model: Int?) -> Evaluation? {
    guard model == nil, !events.isEmpty, namesTaken.isEmpty else { return nil }
    var plans: [ImportPlan] = []
    plans.reserveCapacity(events.count)
    for event in events {
      guard case .model(_, _, let p?) = event else { return nil }
      plans.append(p)
    }
    // As the replay's host sets its evaluator up (KerasHost.init, Session.replay).
    var evaluator = Evaluator(binding: binding)
    evaluator.uniqueNames = false
    evaluator.graph.defersWeights = defersWeights(at: binding)
    var failure: (Int, EngineError)?
    for (i, p) in plans.enumerated() {
      evaluator.statement = i
      do throws(EngineError) {
        try Interrupt.check("at statement \(i + 1)")
        guard try evaluator.runImport(p) != nil else { return nil }
      } catch {
        failure = (i, error)
        break
      }
    }
    return Evaluation(graph: evaluator.graph, failure: failure, sources: statements)
  }
}

extension Session {
  /// Names each input that an imported layer (from `first`) made after that layer, as the
  /// import's binding loop does (an input layer's last call gives the input's one tensor; the
  /// first input holding it takes the name), reading only the inputs' layers instead of every
  /// layer's calls.
  static func nameInputs(_ host: KerasHost, _ layers: [LayerNode], from first: Int) {
    let inputs = host.evaluator.graph.inputs
    for (i, input) in inputs.enumerated() {
      let t = input.tensor
      guard host.evaluator.graph.tensors.indices.contains(t) else { continue }
      let l = host.evaluator.graph.tensors[t].layer
      guard l >= first, l < layers.count, let out = layers[l].calls.last?.outputs,
        out.count == 1, out[0] == t, inputs.firstIndex(where: { $0.tensor == t }) == i
      else { continue }
      host.evaluator.graph.inputs[i].variable = layers[l].name
    }
  }
}
