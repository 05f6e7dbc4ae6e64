import PythonRuntime

/// Names a program did not define: kshape's handles on what the session built.
extension KerasHost {
  /// `_` is the last tensor (Python's REPL habit); a layer's Keras name (`dense_2`) is its latest
  /// call's output, or the layer itself when it was never called. A program's own name wins:
  /// this is asked only after the globals and builtins.
  func layerNameValue(_ name: String) -> PyValue? {
    if name == "_" { return graph.current.map { .object(tensor($0)) } }
    // Every name a program reads that it did not define comes here (a NameError's too): the
    // name set answers most of them without a walk over the layers.
    guard graph.layerNames.contains(name),
      let l = graph.layers.indices.last(where: { graph.layers[$0].name == name })
    else { return nil }
    guard let outputs = graph.layers[l].calls.last?.outputs, !outputs.isEmpty else {
      return .object(LayerObject(host: self, index: l))
    }
    return self.outputs(outputs)
  }
}
