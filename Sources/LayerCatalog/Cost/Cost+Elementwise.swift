import ShapeCore

// Pooling, normalizations and merges: FLOPs per element, no MACs.

extension Pooling: Costed {
  /// Every window element is read once per output: out * prod(pool_size) (a compare or an add).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * Elements.product(poolSize))
  }
}

extension GlobalPooling: Costed {
  /// One compare or add per input element.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(input.tensors))
  }
}

extension AdaptivePooling: Costed {
  /// One compare or add per input element (the windows tile the input).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(input.tensors))
  }
}

extension BatchNormalization: Costed {
  /// At inference the statistics fold into one scale and shift: 2 FLOPs per element
  /// (ptflops's count with an affine transform; 1 without scale and center).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * (scale || center ? 2 : 1))
  }
}

extension LayerNormalization: Costed {
  /// fvcore's norm rule: 4 FLOPs per element (mean, subtract, variance, divide), 5 with an
  /// affine transform.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * (scale || center ? 5 : 4))
  }
}

extension GroupNormalization: Costed {
  /// As LayerNormalization: 4 FLOPs per element, 5 with an affine transform.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * (scale || center ? 5 : 4))
  }
}

extension RMSNormalization: Costed {
  /// 3 FLOPs per element (square, mean, divide), 4 with the scale.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * 4)
  }
}

extension UnitNormalization: Costed {
  /// 3 FLOPs per element (square, sum, divide).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * 3)
  }
}

extension ElementwiseMerge: Costed {
  /// n inputs: n-1 operations per output element; Average adds the division.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    let n = input.tensors.count
    let perElement = operation == .average ? n : max(n - 1, 0)
    return Count(other: try Elements.of(outputs) * perElement)
  }
}

extension PReLU: Costed {
  /// One FLOP per element, as every activation.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs))
  }
}

extension Normalization: Costed {
  /// (x - mean) / sqrt(var): a subtract and a divide per element (the statistics are stored).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    Count(other: try Elements.of(outputs) * 2)
  }
}

extension ImageSize: Costed {
  /// Resizing: bilinear interpolation (Keras's default), 7 FLOPs per output element (4
  /// weighted neighbours); other interpolations are counted the same. Cropping copies.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    kind == .resizing ? Count(other: try Elements.of(outputs) * 7) : .zero
  }
}
