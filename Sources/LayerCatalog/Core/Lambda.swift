import ShapeCore

/// Lambda with an explicit `output_shape`: (batch,) + output_shape, in the compute dtype.
/// Its function is never run, so without `output_shape` kshape cannot know the shape and says so.
public struct Lambda: Layer {
  public var outputShape: [Int?]

  public static let signature = Signature([
    Parameter("function"), Parameter("output_shape", Value.none), Parameter("mask", Value.none),
    Parameter("arguments", Value.none),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    switch a["output_shape"] {
    case .none:
      throw LayerError(
        "\(a.layer): a Lambda's output shape comes from running its Python function, and kshape "
          + "never runs code", argument: "function",
        hint: "give the shape without the batch dim: Lambda(fn, output_shape=(8,))")
    case .tuple(let items):
      var dims: [Int?] = []
      for item in items {
        switch item {
        case .int(let n) where n >= 0: dims.append(n)
        case .none: dims.append(nil)
        default:
          throw LayerError(
            "\(a.layer): every entry of `output_shape` must be a non-negative int or None. "
              + "Received: output_shape=\(a["output_shape"].pythonRepr)", argument: "output_shape")
        }
      }
      outputShape = dims
    default:
      // Keras adds the batch as `(batch,) + output_shape`: only a tuple works there.
      throw LayerError(
        "\(a.layer): `output_shape` must be a tuple (the shape without the batch dim); kshape "
          + "cannot call a function. Received: output_shape=\(a["output_shape"].pythonRepr)",
        argument: "output_shape")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let batch = input.tensors.first?.shape.first ?? .unknown
    let shape = [batch] + outputShape.map { $0.map(Dim.known) ?? .unknown }
    return LayerOutput([TensorType(shape: shape, dtype: c.policy.computeDType)])
  }
}
