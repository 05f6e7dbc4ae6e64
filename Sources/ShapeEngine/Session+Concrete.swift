extension Session {
  /// True when `binding` gives every unknown dim of the network's inputs (a block's own input
  /// aside): at such a size Keras builds every weight from known dims, and a weight whose dim is
  /// still None (EinsumDense's `output_shape=(None, 6)` keeps None at any size) raises there as
  /// it does in Keras, instead of being deferred.
  func bindsEveryInput(_ binding: InputBinding) -> Bool {
    guard !binding.shapes.isEmpty else { return false }
    let own = runtime.host.blockInternals.inputs
    for (i, input) in graph.inputs.enumerated() where !own.contains(input.tensor) {
      if let shape = binding.shapes[i], shape.allSatisfy(\.isKnown) { continue }
      guard i < graph.declaredInputs.count else { return false }
      for d in graph.declaredInputs[i] {
        guard case .known = d else { return false }
      }
    }
    return true
  }

  /// Whether an evaluation at `binding` defers weights whose dims are still None: not under
  /// `--keras-strict`, and not at a size that gives every input dim.
  func defersWeights(at binding: InputBinding) -> Bool {
    !kerasStrict && !bindsEveryInput(binding)
  }
}
