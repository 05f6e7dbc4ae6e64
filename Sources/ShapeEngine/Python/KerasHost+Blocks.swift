/// A model that the program calls as a layer is a block of its network, not the network:
/// `apply 32x32` and `summary` without a model's name take the last model that is not a block,
/// and, when every model is one, the whole session, with each block as its one row.
extension KerasHost {
  /// A model called as a layer (a Sequential block, an encoder in an autoencoder); one whose
  /// call failed too, so a failed `apply` does not list the layers it built on the way.
  func isBlock(_ m: ModelObject) -> Bool { m.calledAsLayer }

  /// The model `apply` and `summary` take without a name; nil for the whole session.
  var defaultModel: ModelObject? { models.last { $0.built && !isBlock($0) } }

  /// The blocks' own inputs (tensor ids) and layers (their InputLayers included), which the
  /// session's network shows as the blocks' rows.
  var blockInternals: (inputs: Set<Int>, layers: Set<Int>) {
    var inputs: Set<Int> = []
    var layers: Set<Int> = []
    for m in models where isBlock(m) {
      inputs.formUnion(m.inputIDs + (m.sequentialInput.map { [$0] } ?? []))
      layers.formUnion(m.layerIndices)
      layers.formUnion(inputs.map { graph.tensors[$0].layer })
    }
    return (inputs, layers)
  }
}

extension Graph {
  /// The session's network: the blocks' own layers are not called in it (a model's view keeps
  /// only its calls the same way), so tables and totals count each block once, as its row.
  func hiding(_ internals: Set<Int>) -> Graph {
    var g = self
    for l in internals where l < g.layers.count { g.layers[l].calls = [] }
    return g
  }
}
