import ShapeCore

/// Pipeline([l1, l2, ...]): the layers applied in turn, each to the previous one's output(s);
/// params = the layers' own.
///
/// Keras infers a Pipeline's shapes by tracing its layers with JAX, every unknown dim one symbol
/// d >= 2, so layers whose slicing depends on an unknown size fail there though they work alone
/// (CenterCrop on an unknown height); `tracingFailure` lists them.
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
      let inner = try Catalog.build(arg)
      if case .single(let x) = current,
        let why = Self.tracingFailure(inner, x, training: training)
      {
        throw LayerError(
          "\(c.name): Could not automatically infer the output shape / dtype of '\(c.name)' (of "
            + "type Pipeline): \(inner.context.name) (\(inner.context.className)) fails when "
            + "traced with symbolic dims: \(why). Received: input shape \(x.kerasShape)",
          hint: "give the pipeline's input fixed sizes, or apply the layer outside the Pipeline")
      }
      var result: LayerOutput
      do {
        result = try inner.call(current)
      } catch {
        throw LayerError(
          "\(c.name): Could not automatically infer the output shape / dtype of '\(c.name)' "
            + "(of type Pipeline). Error encountered: \(error.message)", hint: error.hint)
      }
      if case .single(let x) = current, x.dtype.isInteger {
        let keras = Catalog.entry(inner.context.className)?.className ?? ""
        if Self.failsOnIntegers.contains(keras) {
          throw LayerError(
            "\(c.name): Could not automatically infer the output shape / dtype of '\(c.name)' "
              + "(of type Pipeline): \(inner.context.name) (\(keras)) fails when traced on a "
              + "\(x.dtype) input (lax.select requires arguments to have the same dtypes)",
            hint: "cast the input to float first, such as with Rescaling(1.0)")
        }
        if Self.keepsIntegerDType.contains(keras) {
          result.outputs = result.outputs.map { TensorType(shape: $0.shape, dtype: x.dtype) }
        }
      }
      outputs = result.outputs
      weights += result.weights
      current = outputs.count == 1 ? .single(outputs[0]) : .list(outputs)
    }
    return LayerOutput(outputs, weights: weights)
  }

  /// Layers whose traced call keeps an integer input's dtype, where their own shape inference
  /// gives the compute dtype (Resizing of uint8 images stays uint8 inside a Pipeline).
  static let keepsIntegerDType: Set<String> = [
    "Resizing", "RandomBrightness", "RandomGrayscale", "MaxNumBoundingBoxes", "ReLU", "Identity",
    "Masking", "Permute", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "GlobalMaxPooling1D",
    "GlobalMaxPooling2D", "GlobalMaxPooling3D", "AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D", "Cropping1D", "Cropping2D", "Cropping3D", "ZeroPadding1D",
    "ZeroPadding2D", "ZeroPadding3D", "UpSampling1D", "UpSampling2D", "UpSampling3D",
  ]

  /// Layers whose traced call (training=True) refuses an integer input.
  static let failsOnIntegers: Set<String> = [
    "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "RandomSaturation",
  ]

  /// Why a layer that works alone fails inside a traced Pipeline, or nil.
  static func tracingFailure(_ inner: BuiltLayer, _ x: TensorType, training: Bool) -> String? {
    let unknown = { (axes: [Int]) -> Bool in
      axes.contains { $0 >= 0 && $0 < x.rank && x.shape[$0].value == nil }
    }
    func spatial(_ f: DataFormat, _ n: Int) -> [Int] {
      f == .channelsLast ? Array((x.rank - 1 - n)..<(x.rank - 1)) : Array((x.rank - n)..<x.rank)
    }
    switch inner.layer {
    case let l as ImageSize where l.kind == .centerCrop:
      if unknown(spatial(l.dataFormat, 2)) { return "In slice with non-constant elements" }
    case let l as ImageSize where l.kind == .randomCrop:
      if training { return "Slice entries must be static integers (a random crop offset)" }
      if unknown(spatial(l.dataFormat, 2)) {
        return "RandomCrop requires the input to have a fully defined height and width"
      }
    case let l as Cropping:
      let axes = l.rank == 1 ? [1] : spatial(l.dataFormat, l.rank)
      for (axis, crop) in zip(axes, l.crops) where crop.0 + crop.1 >= 2 && unknown([axis]) {
        return
          "Symbolic dimension comparison (a crop of \(crop.0 + crop.1) against an unknown size)"
      }
    case let l as AdaptivePooling:
      if unknown(spatial(l.dataFormat, l.rank)) { return "its bins depend on the input size" }
    case let l as Reshape:
      guard x.rank > 1, unknown(Array(1..<x.rank)) else { return nil }
      let known = try? Checked.product(x.shape.dropFirst().compactMap(\.value))
      let target = try? Checked.product(l.target.filter { $0 != -1 })
      guard let known, let target, target != 0 else { return nil }
      if !l.target.contains(-1) || known % target != 0 {
        return "The total size of the tensor must be unchanged"
      }
    case is Augmentation:
      let name = inner.context.className
      if ["MixUp", "CutMix"].contains(name) && x.rank > 0 && x.shape[0].value == nil {
        return "shape polymorphism for `permutation` is not supported (unknown batch size)"
      }
      if name == "RandomElasticTransform" && training {
        return "its displacement field is built from the traced sizes"
      }
    default: break
    }
    return nil
  }
}
