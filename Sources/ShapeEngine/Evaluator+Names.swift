/// Name lookup: what a name in a statement stands for.
extension Evaluator {
  /// The user's own binding wins; then `_`, the last tensor (Python's REPL habit); then a
  /// layer's Keras name (`dense_2`), for its latest call's output, or for the layer itself when
  /// it was never called.
  func lookup(_ name: String) -> Binding? {
    if let bound = graph.bindings[name] { return bound }
    if name == "_" { return graph.current.map { .tensor($0) } }
    guard let l = graph.layers.lastIndex(where: { $0.name == name }) else { return nil }
    guard let outputs = graph.layers[l].calls.last?.outputs, let first = outputs.first else {
      return .layer(l)
    }
    return outputs.count == 1 ? .tensor(first) : .tuple(outputs)
  }
}
