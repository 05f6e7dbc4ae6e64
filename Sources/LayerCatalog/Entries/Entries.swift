import ShapeCore

// The catalog's entries by family: one line (or a few) per Keras class.

extension Catalog {
  static let convolution: [LayerEntry] =
    (1...3).map { r in
      LayerEntry(
        className: "Conv\(r)D", aliases: ["Convolution\(r)D"], family: "Convolution",
        signature: Conv.signature(rank: r, transposed: false),
        rule: "valid: floor((in - d*(k-1) - 1)/s) + 1; same\(r == 1 ? "/causal" : ""): ceil(in/s); "
          + "channels -> filters; params = prod(k)*C_in/groups*filters + filters",
        example: r == 2 ? "Conv2D(32, 3, strides=2, padding=\"same\")" : "Conv\(r)D(16, 3)",
        make: { a throws(LayerError) in try Conv(rank: r, transposed: false, a) })
    }
    + (1...3).map { r in
      LayerEntry(
        className: "Conv\(r)DTranspose", aliases: ["Convolution\(r)DTranspose"],
        family: "Convolution", signature: Conv.signature(rank: r, transposed: true),
        rule: "valid: (in-1)*s + d*(k-1) + 1 + output_padding; same: in*s; "
          + "params = prod(k)*filters*C_in + filters",
        example: "Conv\(r)DTranspose(16, 3, strides=2, padding=\"same\")",
        make: { a throws(LayerError) in try Conv(rank: r, transposed: true, a) })
    }

  static let pooling: [LayerEntry] =
    (1...3).flatMap { r in
      [("Max", "MaxPool"), ("Average", "AvgPool")].map { kind, short in
        let poolDefault: Value? =
          kind == "Max" ? (r == 1 ? .int(2) : .tuple(Array(repeating: .int(2), count: r))) : nil
        return LayerEntry(
          className: "\(kind)Pooling\(r)D", aliases: ["\(short)\(r)D"], family: "Pooling",
          signature: Pooling.signature(rank: r, poolSizeDefault: poolDefault),
          rule: "valid: floor((in - pool)/s) + 1; same: ceil(in/s); strides default to pool_size",
          example: "\(kind)Pooling\(r)D(\(r == 1 ? "2" : "(2, 2)"))",
          make: { a throws(LayerError) in try Pooling(rank: r, a) })
      }
    }
    + (1...3).flatMap { r in
      [("Average", "Avg"), ("Max", "Max")].map { kind, short in
        LayerEntry(
          className: "Global\(kind)Pooling\(r)D", aliases: ["Global\(short)Pool\(r)D"],
          family: "Pooling", signature: GlobalPooling.signature,
          rule: "(batch, spatial..., C) -> (batch, C); keepdims=True keeps the spatial axes as 1",
          example: "Global\(kind)Pooling\(r)D()",
          make: { a throws(LayerError) in try GlobalPooling(rank: r, a) })
      }
    }

  static let core: [LayerEntry] = [
    LayerEntry(
      className: "Lambda", aliases: [], family: "Core", signature: Lambda.signature,
      rule: "(batch,) + output_shape; the function is never run, so output_shape is required",
      example: "Lambda(my_fn, output_shape=(16,))",
      make: { a throws(LayerError) in try Lambda(a) }),
    LayerEntry(
      className: "Dense", aliases: [], family: "Core", signature: Dense.signature,
      rule: "(..., C) -> (..., units); params = C*units + units",
      example: "Dense(10, activation=\"softmax\")",
      make: { a throws(LayerError) in try Dense(a) }),
    LayerEntry(
      className: "Activation", aliases: [], family: "Activations",
      signature: Signature([Parameter("activation")]), rule: "shape unchanged",
      example: "Activation(\"relu\")",
      make: { a throws(LayerError) in try Elementwise.activation(a) }),
    LayerEntry(
      className: "ReLU", aliases: [], family: "Activations",
      signature: Signature([
        Parameter("max_value", Value.none), Parameter("negative_slope", .float(0)),
        Parameter("threshold", .float(0)),
      ]), rule: "shape unchanged", example: "ReLU(max_value=6.0)",
      make: { a throws(LayerError) in try Elementwise.relu(a) }),
    LayerEntry(
      className: "Dropout", aliases: [], family: "Regularization",
      signature: Signature([
        Parameter("rate"), Parameter("noise_shape", Value.none), Parameter("seed", Value.none),
      ]), rule: "shape unchanged", example: "Dropout(0.5)",
      make: { a throws(LayerError) in try Elementwise.dropout(a) }),
  ]

  static let reshaping: [LayerEntry] =
    [
      LayerEntry(
        className: "Flatten", aliases: [], family: "Reshaping", signature: Flatten.signature,
        rule: "(batch, d1, ..., dn) -> (batch, d1*...*dn)", example: "Flatten()",
        make: { a throws(LayerError) in try Flatten(a) }),
      LayerEntry(
        className: "Reshape", aliases: [], family: "Reshaping", signature: Reshape.signature,
        rule: "(batch, ...) -> (batch, *target_shape); one -1 is inferred from the total size",
        example: "Reshape((-1, 3))", make: { a throws(LayerError) in try Reshape(a) }),
    ]
    + (1...3).map { r in
      LayerEntry(
        className: "ZeroPadding\(r)D", aliases: [], family: "Reshaping",
        signature: ZeroPadding.signature(rank: r), rule: "each spatial dim + before + after",
        example: "ZeroPadding\(r)D(\(r == 2 ? "((1, 1), (2, 2))" : "1"))",
        make: { a throws(LayerError) in try ZeroPadding(rank: r, a) })
    }
    + (1...3).map { r in
      LayerEntry(
        className: "UpSampling\(r)D", aliases: [], family: "Reshaping",
        signature: UpSampling.signature(rank: r), rule: "each spatial dim * size",
        example: "UpSampling\(r)D(2)",
        make: { a throws(LayerError) in try UpSampling(rank: r, a) })
    }

  static let merging: [LayerEntry] = [
    LayerEntry(
      className: "Add", aliases: [], family: "Merging", signature: ElementwiseMerge.signature,
      rule: "elementwise over a list; size-1 dims broadcast", example: "Add()([a, b])",
      make: { a throws(LayerError) in try ElementwiseMerge(a) }),
    LayerEntry(
      className: "Concatenate", aliases: [], family: "Merging", signature: Concatenate.signature,
      rule: "dims equal except on axis, where they add up", example: "Concatenate()([a, b])",
      make: { a throws(LayerError) in try Concatenate(a) }),
  ]

  static let normalization: [LayerEntry] = [
    LayerEntry(
      className: "BatchNormalization", aliases: [], family: "Normalization",
      signature: BatchNormalization.signature,
      rule: "shape unchanged; params 4*C (2*C non-trainable), C = input_shape[axis]",
      example: "BatchNormalization()", make: { a throws(LayerError) in try BatchNormalization(a) })
  ]
}
