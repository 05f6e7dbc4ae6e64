import ShapeCore

/// SpectralNormalization(layer): the layer's output shape, in the wrapper's compute dtype.
///
/// params = the layer's + a non-trainable vector_u of shape (1, kernel.shape[-1]): filters for a
/// Conv, units for Dense, output_dim for Embedding, in channels for a transposed conv.
public struct SpectralNormalization: Layer {
  var inner: BuiltLayer
  /// The wrapped layer's Python class (Conv2D for Convolution2D).
  var innerClass: String

  public static let signature = Signature([
    Parameter("layer"), Parameter("power_iterations", .int(1)),
  ])

  /// Keras classes whose built layer has a `kernel` (or `embeddings`) attribute.
  static let withKernel: Set<String> = [
    "Dense", "EinsumDense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
    "Conv3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D", "Embedding", "SpectralNormalization",
    "SimpleRNNCell", "LSTMCell", "GRUCell",
  ]

  public init(_ a: BoundArguments) throws(LayerError) {
    guard case .layer(let arg) = a["layer"] else {
      throw LayerError(
        "\(a.layer): Layer \(a["layer"].pythonStr) supplied to Wrapper isn't a supported layer "
          + "type. Please ensure wrapped layer is a valid Keras layer.", argument: "layer",
        hint: "wrap a layer with a kernel: SpectralNormalization(Dense(64))")
    }
    inner = try Catalog.build(arg)
    let entry = Catalog.entry(arg.className)
    innerClass = entry.map { $0.pythonClassName ?? $0.className } ?? arg.className
    let iterations = a["power_iterations"]
    if try Python.compare(
      iterations, "<=", .int(0), layer: a.layer, argument: "power_iterations")
    {
      throw LayerError(
        "\(a.layer): `power_iterations` should be greater than zero. Received: "
          + "`power_iterations=\(iterations.pythonStr)`", argument: "power_iterations")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    if case .list(let ts) = input {
      throw LayerError(
        "\(c.name) (\(c.className)) takes one tensor but was called on a list of \(ts.count): "
          + "[\(ts.map(\.kerasShape).joined(separator: ", "))]", hint: "call it on one tensor")
    }
    let x = try CallBinding(input, parameters: ["inputs", "training"], c).main
    // Keras builds the layer and asks its compute_output_shape, with no InputSpec check: a Dense
    // takes a rank-1 input.
    let lifted = x.rank == 1 && innerClass == "Dense"
    let step = lifted ? TensorType(shape: [.known(1)] + x.shape, dtype: x.dtype) : x
    let result = try inner.layer.call(.single(step), c.inner(inner.context))
    guard Self.withKernel.contains(innerClass) else {
      throw LayerError(
        "\(c.name): \(innerClass) object has no attribute 'kernel' nor 'embeddings'",
        hint: "SpectralNormalization normalizes a kernel: wrap Dense, Conv or Embedding")
    }
    if innerClass.hasSuffix("Cell") {
      throw LayerError(
        "\(c.name): Layer \(innerClass) does not have a `compute_output_shape` method "
          + "implemented.", hint: "wrap the RNN layer's cell in an RNN instead")
    }
    guard let kernel = result.weights.first(where: { ["kernel", "embeddings"].contains($0.name) })
    else { throw LayerError("\(c.name): \(innerClass) built no kernel") }
    let outputs = result.outputs.map { t in
      TensorType(shape: lifted ? Array(t.shape.dropFirst()) : t.shape, dtype: c.policy.computeDType)
    }
    let u = Weight("vector_u", dims: [.known(1), kernel.shape.last ?? .known(1)], trainable: false)
    return LayerOutput(outputs, weights: result.weights + [u])
  }
}
