import ShapeCore

/// Layers whose output has the input's shape, in the layer's compute dtype (LeakyReLU, ELU,
/// Softmax, the noise layers, Masking...): their `compute_output_shape` returns the input shape.
///
/// Called on a list, Keras maps that over the list (one output per input), except where the
/// layer's mask or input spec needs one tensor (`acceptsList` false).
public struct SameShape: Layer {
  public var acceptsList: Bool

  public init(acceptsList: Bool = true) { self.acceptsList = acceptsList }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let xs: [TensorType]
    switch input {
    case .single(let x): xs = [x]
    case .list(let ts) where acceptsList: xs = ts
    case .list(let ts):
      throw LayerError(
        "\(c.name) (\(c.className)) takes one tensor but was called on a list of \(ts.count)")
    case .call: xs = [try c.single(input)]
    }
    return LayerOutput(xs.map { TensorType(shape: $0.shape, dtype: c.policy.computeDType) })
  }
}

/// Identity: its input unchanged, dtype included (a float input is autocast); a list maps.
public struct Identity: Layer {
  public static let signature = Signature([])

  public init(_ a: BoundArguments) throws(LayerError) {}

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    LayerOutput(input.tensors.map { TensorType(shape: $0.shape, dtype: c.autocast($0.dtype)) })
  }
}

extension SameShape {
  /// Masking(mask_value): any value; a list input fails in Keras's compute_mask.
  public static let maskingSignature = Signature([Parameter("mask_value", .float(0))])

  public static func masking(_ a: BoundArguments) throws(LayerError) -> SameShape {
    SameShape(acceptsList: false)
  }
}
