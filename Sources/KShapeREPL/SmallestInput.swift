import ShapeEngine

/// The 'too small' hint of a failed `apply` speaks of the failing layer's own input ("the
/// smallest height that works is 3"); people also need the smallest size of the model's input
/// that gets past that layer, which is what `scan` finds. Found by evaluating s x s for s = 1,
/// 2, ... within a time budget (Ctrl-C stops it too).
extension REPL {
  func withSmallestInput(_ outcome: Outcome) -> Outcome {
    guard case .applied(var evaluation, let size) = outcome,
      let (statement, error) = evaluation.failure, let layer = error.layer,
      let hint = error.diagnostic.hint, hint.hasPrefix("the smallest"),
      let smallest = smallestInput(passing: layer)
    else { return outcome }
    // On a layer fed by the input itself, the layer's own hint already says it.
    let layerMinimum = hint.split(separator: ";").first?.split(separator: " ").last.map(String.init)
    if smallest.split(separator: "x").allSatisfy({ String($0) == layerMinimum }) { return outcome }
    var improved = error
    improved.diagnostic.hint =
      hint + "; the smallest input size that gets past \(layer) is \(smallest)"
      + " (scan shows every size)"
    evaluation.failure = (statement, improved)
    return .applied(evaluation, size: size)
  }

  /// `s x s` (one s per unknown dim of the one input) for the smallest s whose evaluation gets
  /// past `layer`; nil when the model has several inputs, none unknown, or none is found in time.
  func smallestInput(passing layer: String, budget: Duration = .milliseconds(500)) -> String? {
    let g = session.graph
    guard g.inputs.count == 1, let declared = g.declaredInputs.first else { return nil }
    let unknown = declared.filter {
      if case .known = $0 { return false } else { return true }
    }.count
    guard unknown > 0 else { return nil }
    let clock = ContinuousClock()
    let start = clock.now
    for s in 1...SizeScan.maxCount {
      if clock.now - start > budget || Interrupt.requested() { return nil }
      let size = Array(repeating: String(s), count: unknown).joined(separator: "x")
      guard let binding = try? SizeSpec.parse(size, graph: g) else { return nil }
      let result = session.evaluate(binding)
      let passed = result.graph.layers.contains { $0.name == layer && !$0.calls.isEmpty }
      if passed && result.failure?.error.layer != layer { return size }
    }
    return nil
  }
}
