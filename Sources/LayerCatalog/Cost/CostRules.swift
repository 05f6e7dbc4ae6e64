import ShapeCore

/// A layer that knows what one of its calls computes.
protocol Costed {
  /// The count of one call on `input` giving `outputs`; nil when it cannot be told (a call whose
  /// arguments do not bind, attention axes kshape does not model).
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
}

/// The cost rules: one handler per layer family (Cost+*.swift), as fvcore and ptflops keep one
/// per operation kind. A layer without one is reported as not counted, never as zero.
public enum CostRules {
  /// What one call computes, or nil when kshape has no rule for the layer.
  public static func count(
    _ layer: any Layer, _ input: LayerInput, outputs: [TensorType], _ c: LayerContext
  ) throws(ArithmeticOverflow) -> Count? {
    if let costed = layer as? any Costed {
      return try costed.count(input, outputs: outputs, c)
    }
    if layer is SameShape || layer is Elementwise || layer is Identity {
      return try sameShape(c.className, outputs: outputs)
    }
    return nil
  }

  /// Classes whose call is one elementwise function: one FLOP per output element.
  static let activations: Set<String> = [
    "Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax", "ThresholdedReLU",
  ]

  /// Classes that are the identity at inference (Keras's `training=False`), or only pass a mask.
  static let inferenceIdentity: Set<String> = [
    "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianNoise",
    "GaussianDropout", "AlphaDropout", "ActivityRegularization", "Masking", "Identity",
  ]

  /// Shape-preserving layers told apart by class: activations, Rescaling (a multiply and an
  /// add per element), and layers that compute nothing at inference.
  static func sameShape(_ className: String, outputs: [TensorType]) throws(ArithmeticOverflow)
    -> Count?
  {
    if activations.contains(className) { return Count(other: try Elements.of(outputs)) }
    if className == "Rescaling" { return Count(other: try Elements.of(outputs) * 2) }
    if inferenceIdentity.contains(className) { return .zero }
    return nil
  }
}

// Layers that move or copy data and compute nothing.
extension Flatten: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension Reshape: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension Permute: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension RepeatVector: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension Cropping: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension ZeroPadding: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
/// Nearest-neighbour upsampling copies (Keras's default); bilinear is not modelled.
extension UpSampling: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension Concatenate: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
/// A table lookup: no arithmetic.
extension Embedding: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
extension SpatialDropout: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
/// Random augmentations are the identity at inference.
extension Augmentation: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  { .zero }
}
