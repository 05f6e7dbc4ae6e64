import ShapeCore

// The layers whose work is a product: convolutions, Dense, EinsumDense, Dot.
// MACs exclude the bias; its adds are `other` (one per output element).

extension Conv: Costed {
  /// plain: out * prod(k) * C_in/groups; transposed: in * prod(k) * filters (every input
  /// element scatters into a window of every filter); depthwise: out * prod(k);
  /// separable: the depthwise step, then a 1x1 convolution C_in*depth_multiplier -> filters.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let x = input.tensors.first, let y = outputs.first else { return nil }
    let window = try Elements.product(kernelSize)
    let out = try Elements.of(y)
    let channels = dataFormat.split(x.shape).channels
    let macs: Dim
    switch kind {
    case .plain:
      guard let perGroup = channels.exactDiv(groups) else { return nil }
      macs = try out * window * perGroup
    case .transposed:
      macs = try Elements.of(x) * window * filters
    case .depthwise:
      macs = try out * window
    case .separable:
      let (outBatch, outSpatial, _) = dataFormat.split(y.shape)
      let positions = try Dim.product([outBatch] + outSpatial)
      let spread = try channels * depthMultiplier
      macs = try positions * spread * window + positions * spread * filters
    }
    return Count(macs: macs, other: useBias ? out : .known(0))
  }
}

extension Dense: Costed {
  /// out * C_in: a (C_in x units) matmul at every position of every leading axis.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let x = input.tensors.first, let y = outputs.first, let cIn = x.shape.last else {
      return nil
    }
    let out = try Elements.of(y)
    return Count(macs: try out * cIn, other: useBias ? out : .known(0))
  }
}

extension EinsumDense: Costed {
  /// The product of every letter's size, as fvcore counts an einsum: the input's letters from
  /// the input (an `output_shape` entry of None takes the input's size, which Keras's output
  /// shape may leave None), the output's other letters from the output. Bias: an add per
  /// output element.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let eq = equation, let x = input.tensors.first, let y = outputs.first,
      eq.input.count <= x.rank, eq.output.count <= y.rank
    else { return nil }
    var sizes: [Character: Dim] = [:]
    let inOffset = eq.leftElided ? x.rank - eq.input.count : 0
    for (i, letter) in eq.input.enumerated() { sizes[letter] = x.shape[inOffset + i] }
    let outOffset = eq.leftElided ? y.rank - eq.output.count : 0
    for (i, letter) in eq.output.enumerated() where sizes[letter] == nil {
      sizes[letter] = y.shape[outOffset + i]
    }
    guard eq.weight.allSatisfy({ sizes[$0] != nil }) else { return nil }
    // Dims the ellipsis stands for: in both input and output, never summed.
    let elided = eq.leftElided ? x.shape.prefix(inOffset) : x.shape.dropFirst(eq.input.count)
    let free = try Dim.product(elided)
    let macs = try free * Dim.product(sizes.sorted { $0.key < $1.key }.map(\.value))
    let out = try free * Dim.product(eq.output.compactMap { sizes[$0] })
    return Count(macs: macs, other: biasAxes == nil ? .known(0) : out)
  }
}

extension Dot: Costed {
  /// out * (the size of the contracted axis). (`normalize=True`'s l2 normalisation of the
  /// inputs is not counted.)
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    let xs = input.tensors
    guard xs.count == 2, let y = outputs.first, xs[0].rank >= 2, xs[1].rank >= 2 else {
      return nil
    }
    var (a, _) = resolved(xs[0].rank, xs[1].rank)
    if a < 0 { a += xs[0].rank }
    guard xs[0].shape.indices.contains(a) else { return nil }
    return Count(macs: try Elements.of(y) * xs[0].shape[a])
  }
}
