import ShapeCore

/// TimeDistributed(layer): the layer applied to every step of axis 1.
///
/// (batch, T, rest...) -> (batch', T, out...) where the layer maps (batch, rest...) to
/// (batch', out...); params = the layer's, built once on (batch, rest...).
public struct TimeDistributed: ShapeRule {
  var inner: BuiltLayer

  public static let signature = Signature([Parameter("layer")])

  public init(_ a: BoundArguments) throws(LayerError) {
    guard case .layer(let arg) = a["layer"] else {
      throw LayerError(
        "\(a.layer): Please initialize `TimeDistributed` layer with a `keras.layers.Layer` "
          + "instance. Received: \(a["layer"].pythonRepr)", argument: "layer",
        hint: "wrap a layer: TimeDistributed(Dense(10))")
    }
    inner = try Catalog.build(arg)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    if case .list(let ts) = input {
      throw LayerError(
        "\(c.name): `TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
          + "dimensions, received: [\(ts.map(\.kerasShape).joined(separator: ", "))]",
        hint: "TimeDistributed takes one tensor (batch, time, ...)")
    }
    let b = try CallBinding(input, parameters: ["inputs", "training", "mask"], c)
    let main = try b.main
    return try outputShapes(main, c)
  }

  /// The inner layer's compute_output_shape on one step (no InputSpec check, as in Keras),
  /// with the time axis put back.
  func outputShapes(_ x: TensorType, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard x.rank >= 3 else {
      throw LayerError(
        "\(c.name): `TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
          + "dimensions, received: \(x.kerasShape)",
        hint: "the input needs (batch, time, features...); add the time axis")
    }
    let step = TensorType(shape: [x.shape[0]] + x.shape.dropFirst(2), dtype: x.dtype)
    let result: LayerOutput
    if let rule = inner.layer as? any ShapeRule {
      result = try rule.outputShapes(step, c.inner(inner.context))
    } else {
      result = try inner.layer.call(.single(step), c.inner(inner.context))
    }
    guard result.outputs.count == 1, let out = result.outputs.first?.shape, !out.isEmpty else {
      throw LayerError(
        "\(c.name): \(inner.context.name) (\(inner.context.className)) gives "
          + "\(result.outputs.count) outputs per step; TimeDistributed takes a layer with one "
          + "output (Keras: Undefined shapes are not supported.)",
        hint: "drop return_state=True or merge_mode=None from the wrapped layer")
    }
    let shape = [out[0], x.shape[1]] + out.dropFirst()
    return LayerOutput(
      [TensorType(shape: shape, dtype: c.policy.computeDType)], weights: result.weights)
  }
}
