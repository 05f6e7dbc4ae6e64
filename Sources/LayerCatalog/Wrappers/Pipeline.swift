import ShapeCore

/// Pipeline([l1, l2, ...]): the layers applied in turn, each to the previous one's output(s);
/// params = the layers' own.
///
/// Keras infers a Pipeline's shapes by running its layers under a JAX trace, every unknown dim
/// one symbol d >= 2, so a layer can answer there otherwise than alone: CenterCrop fails on an
/// unknown height, Resizing keeps uint8 (Pipeline+Tracing.swift).
public struct Pipeline: Layer {
  /// The `layers` argument as written: Keras checks it only when the pipeline is called.
  var layers: Value

  public static let signature = Signature(
    [Parameter("layers"), Parameter("name", Value.none)], takesBaseKeywords: false)

  public init(_ a: BoundArguments) throws(LayerError) {
    layers = a["layers"]
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let b = try CallBinding(input, parameters: ["inputs", "training", "mask"], c)
    var current: LayerInput
    switch b["inputs"] {
    case .tensor(let t)?: current = .single(t)
    case .tensors(let ts)?: current = .list(ts)
    default: throw LayerError("\(c.name): call() is missing its argument 'inputs'")
    }
    // Pipeline passes training=True unless told otherwise; None lets each layer use its default.
    // (The engine hands `layer(x, training=...)` over as a plain call today, so this is True.)
    var training = true
    if case .value(let v)? = b["training"], v != .none { training = v.isTruthy }
    guard let items = layers.items else {
      throw LayerError(
        "\(c.name): '\(layers.pythonTypeName)' object is not iterable", argument: "layers",
        hint: "give a list of layers: Pipeline([Rescaling(1/255), RandomFlip()])")
    }
    guard !items.isEmpty else {
      throw LayerError(
        "\(c.name): cannot access local variable 'outputs' where it is not associated with a "
          + "value (a Pipeline of no layers has no output)", argument: "layers",
        hint: "give at least one layer")
    }
    var outputs: [TensorType] = []
    var weights: [Weight] = []
    for item in items {
      guard case .layer(let arg) = item else {
        throw LayerError(
          "\(c.name): '\(item.pythonTypeName)' object has no attribute '_call_has_mask_arg'",
          argument: "layers", hint: "every item of `layers` must be a layer")
      }
      let step = Step(inner: try Catalog.build(arg), argument: arg, training: training)
      if let x = current.tensors.first, let why = step.failure(x) {
        throw LayerError(
          "\(c.name): Could not automatically infer the output shape / dtype of '\(c.name)' (of "
            + "type Pipeline): \(step.inner.context.name) (\(step.kerasClass)) fails when traced: "
            + "\(why). Received: input shape \(x.kerasShape), dtype \(x.dtype)",
          hint: "give the pipeline's input fixed sizes and a float dtype, or apply the layer "
            + "outside the Pipeline")
      }
      let result: LayerOutput
      do {
        result = try step.inner.call(current)
      } catch {
        throw LayerError(
          "\(c.name): Could not automatically infer the output shape / dtype of '\(c.name)' "
            + "(of type Pipeline). Error encountered: \(error.message)", hint: error.hint)
      }
      outputs = step.traced(result.outputs, input: current)
      weights += result.weights
      current = outputs.count == 1 ? .single(outputs[0]) : .list(outputs)
    }
    return LayerOutput(outputs, weights: weights)
  }
}
