import ShapeCore

// Where a layer inside a Pipeline answers otherwise than alone. Keras runs the pipeline's layers
// on JAX tracers whose unknown dims are all one symbol d >= 2: Python code that compares or
// slices by such a size fails, and the real ops decide the dtypes, not the layers' own shape
// rules. Each rule here was observed in Keras 3.15 (golden cases in cases_text.py).

extension Pipeline {
  /// One layer of a pipeline, as the trace runs it.
  struct Step {
    var inner: BuiltLayer
    var argument: LayerArgument
    var training: Bool

    /// The Python class (Conv2D for Convolution2D).
    var kerasClass: String { Catalog.entry(inner.context.className)?.className ?? "" }

    /// An argument of the layer as written, by keyword or position.
    func argumentValue(_ name: String) -> Value? {
      guard let entry = Catalog.entry(argument.className),
        let bound = try? BoundArguments(
          layer: argument.className, signature: entry.signature, arguments: argument.arguments)
      else { return nil }
      return bound[name]
    }

    var dataFormat: DataFormat {
      guard let entry = Catalog.entry(argument.className),
        let bound = try? BoundArguments(
          layer: argument.className, signature: entry.signature, arguments: argument.arguments),
        let f = try? DataFormat(bound)
      else { return .channelsLast }
      return f
    }

    /// Why the traced call fails on `x`, or nil.
    func failure(_ x: TensorType) -> String? {
      if x.dtype.isInteger, Pipeline.failsOnIntegers.contains(kerasClass) {
        return "its ops refuse a \(x.dtype) input (lax requires arguments of the same dtype)"
      }
      if kerasClass == "Activation", case .string(let f)? = argumentValue("activation") {
        if f == "threshold" { return "threshold() missing 2 required positional arguments" }
        if x.dtype.isInteger && ["sigmoid", "swish", "silu", "glu"].contains(f) {
          return "logistic does not accept dtype \(x.dtype)"
        }
      }
      return shapeFailure(x)
    }

    private func shapeFailure(_ x: TensorType) -> String? {
      let unknown = { (axes: [Int]) -> Bool in
        axes.contains { $0 >= 0 && $0 < x.rank && x.shape[$0].value == nil }
      }
      func spatial(_ f: DataFormat, _ n: Int) -> [Int] {
        f == .channelsLast ? Array((x.rank - 1 - n)..<(x.rank - 1)) : Array((x.rank - n)..<x.rank)
      }
      let image = inner.layer is Augmentation || inner.layer is ImageSize
      if image && x.rank != 3 && x.rank != 4 {
        return "Expected image tensor to have rank 3 (single image) or 4 (batch of images)"
      }
      switch inner.layer {
      case let l as ImageSize where l.kind == .centerCrop:
        if unknown(spatial(l.dataFormat, 2)) { return "In slice with non-constant elements" }
      case let l as ImageSize where l.kind == .randomCrop:
        let axes = spatial(l.dataFormat, 2)
        if unknown(axes) {
          return "RandomCrop requires the input to have a fully defined height and width"
        }
        let (h, w) = (x.shape[axes[0]].value ?? 0, x.shape[axes[1]].value ?? 0)
        if training, let height = l.height.pythonInt, let width = l.width.pythonInt,
          h > height && w > width
        {
          return "Slice entries must be static integers (a random crop offset)"
        }
      case let l as Cropping:
        let axes = l.rank == 1 ? [1] : spatial(l.dataFormat, l.rank)
        for (axis, crop) in zip(axes, l.crops) where crop.0 + crop.1 >= 2 && unknown([axis]) {
          return "Symbolic dimension comparison (a crop of \(crop.0 + crop.1) against d)"
        }
      case let l as AdaptivePooling:
        if unknown(spatial(l.dataFormat, l.rank)) { return "its bins depend on the input size" }
      case let l as Reshape:
        // With -1, Keras checks that the (symbolic) size divides by the known target dims.
        guard x.rank > 1, unknown(Array(1..<x.rank)) else { return nil }
        let fail = "The total size of the tensor must be unchanged"
        guard l.target.contains(-1) else { return fail }
        guard let target = try? Checked.product(l.target.filter { $0 != -1 }), target != 0,
          let total = try? Dim.product(x.shape.dropFirst())
        else { return nil }
        if total.exactDiv(target) == nil { return fail }
      case is Hashing, is HashedCrossing, is Lookup, is TextVectorization:
        return "its TensorFlow ops cannot run on JAX tracers"
      case is Augmentation:
        if ["MixUp", "CutMix"].contains(kerasClass) && x.rank == 4 && x.shape[0].value == nil {
          return "shape polymorphism for `permutation` is not supported (unknown batch size)"
        }
        if kerasClass == "RandomElasticTransform" && training {
          return "its displacement field is built from the traced sizes"
        }
        if kerasClass == "RandomGrayscale" {
          let axis = dataFormat == .channelsLast ? x.rank - 1 : x.rank - 3
          if ![1, 3].contains(x.shape[axis].value) {
            return "Invalid channel size: expected 3 (RGB) or 1 (Grayscale)"
          }
        }
      default: break
      }
      return nil
    }

    /// The outputs as the trace gives them, from the layer's own.
    func traced(_ outputs: [TensorType], input: LayerInput) -> [TensorType] {
      guard case .single(let x) = input else { return outputs }
      // multi_hot and count reduce axis 1 when run, where CategoryEncoding's own rule keeps it.
      if let e = inner.layer as? CategoryEncoding, !e.oneHot, x.rank >= 3,
        let out = outputs.first, let depth = out.shape.last
      {
        return [TensorType(shape: [x.shape[0]] + x.shape.dropFirst(2) + [depth], dtype: out.dtype)]
      }
      var keeps = Pipeline.keepsIntegerDType.contains(kerasClass)
      if kerasClass == "Activation", case .string(let f)? = argumentValue("activation") {
        keeps = f == "relu" || f == "linear"
      }
      guard x.dtype.isInteger && keeps else { return outputs }
      return outputs.map { TensorType(shape: $0.shape, dtype: x.dtype) }
    }
  }

  /// Layers whose traced call keeps an integer input's dtype, where their own shape inference
  /// gives the compute dtype (Resizing of uint8 images stays uint8 inside a Pipeline).
  static let keepsIntegerDType: Set<String> = [
    "Resizing", "RandomBrightness", "RandomGrayscale", "MaxNumBoundingBoxes", "ReLU", "Identity",
    "Masking", "Permute", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "GlobalMaxPooling1D",
    "GlobalMaxPooling2D", "GlobalMaxPooling3D", "AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D", "Cropping1D", "Cropping2D", "Cropping3D", "ZeroPadding1D",
    "ZeroPadding2D", "ZeroPadding3D", "UpSampling1D", "UpSampling2D", "UpSampling3D",
    "SpectralNormalization", "RMSNormalization",
  ]

  /// Layers whose traced call (training=True) refuses an integer input.
  static let failsOnIntegers: Set<String> = [
    "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "RandomSaturation",
    "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D",
    "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "UnitNormalization",
  ]
}
