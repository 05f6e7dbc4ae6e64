import ShapeCore

// Raw tensor operations written by model code (`x + 3.0`, `ops.matmul(q, k)`), as saved configs
// hold them.

extension TensorOperation: Costed {
  /// Elementwise operations, softmax and cumulative ones: a FLOP per output element; reductions:
  /// a FLOP per input element; matmul and einsum: MACs as fvcore counts them; casts and
  /// reshaping, indexing and joining operations: nothing.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    switch rule {
    case .cast, .reshape, .transpose, .expandDims, .squeeze, .concatenate, .stack, .tile,
      .repeat, .ravel, .swapaxes, .moveaxis, .split, .getItem, .oneHot:
      return .zero
    case .unary, .binary, .where, .clip, .softmax, .cumulative:
      return Count(other: try Elements.of(outputs))
    case .reduce:
      return Count(other: try Elements.of(input.tensors))
    case .matmul:
      // (..., M, K) @ (..., K, N): out * K; a vector operand has K as its only dim.
      let xs = operandTensors(input)
      guard xs.count == 2, let k = xs[0].shape.last else { return nil }
      return Count(macs: try Elements.of(outputs) * k)
    case .einsum:
      guard case .string(let subscripts)? = config["subscripts"] else { return nil }
      return try Self.einsum(subscripts, operandTensors(input), outputs)
    }
  }

  /// The tensors a call operates on, constants written into the node (`ops.ones((8,))`)
  /// included, in argument order, as `call` reads them.
  func operandTensors(_ input: LayerInput) -> [TensorType] {
    guard case .call(let p, let k) = input else { return input.tensors }
    return (p + k.map(\.1)).flatMap { v -> [TensorType] in
      switch v {
      case .tensor(let t): return [t]
      case .tensors(let ts): return ts
      case .value(let s): return Self.constant(s).map { [$0] } ?? []
      }
    }
  }

  /// out * (the product of the letters summed over: in an operand, not in the output). The
  /// letters before `...` are an operand's first dims, those after it its last ones.
  /// (`Einsum` as a raw operation: a config's subscripts with a call's operands.)
  static func einsum(_ subscripts: String, _ xs: [TensorType], _ outputs: [TensorType])
    throws(ArithmeticOverflow) -> Count?
  {
    let sides = subscripts.replacingOccurrences(" ", "").split(
      separator: "->", omittingEmptySubsequences: false
    ).map(String.init)
    let specs = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard sides.count <= 2, specs.count == xs.count else { return nil }
    // Without `->`, numpy's output: the letters that appear once.
    var seen: [Character: Int] = [:]
    for ch in sides[0] where ch.isLetter { seen[ch, default: 0] += 1 }
    let target = sides.count == 2 ? Set(sides[1]) : Set(seen.filter { $0.value == 1 }.keys)
    var sizes: [Character: Dim] = [:]
    for (x, spec) in zip(xs, specs) {
      let parts = spec.split(separator: "...", omittingEmptySubsequences: false).map(Array.init)
      let head = parts[0]
      let tail = parts.count > 1 ? parts[1] : []
      guard head.count + tail.count <= x.rank else { return nil }
      for (i, ch) in head.enumerated() { sizes[ch] = x.shape[i] }
      for (i, ch) in tail.enumerated() { sizes[ch] = x.shape[x.rank - tail.count + i] }
    }
    var summed = Dim.known(1)
    for (ch, size) in sizes.sorted(by: { $0.key < $1.key }) where !target.contains(ch) {
      summed = try summed * size
    }
    return Count(macs: try Elements.of(outputs) * summed)
  }
}

extension ApplicationHelper: Costed {
  /// ConvNeXt's LayerScale and a custom scale multiply each element; StochasticDepth is the
  /// identity at inference.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    switch kind {
    case .layerScale?, .customScale?: return Count(other: try Elements.of(outputs))
    case .stochasticDepth?: return .zero
    case nil: return nil
    }
  }
}
