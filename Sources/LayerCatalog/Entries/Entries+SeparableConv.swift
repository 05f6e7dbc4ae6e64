import ShapeCore

// Separable and depthwise convolutions: `Conv` of kind .separable / .depthwise.

extension Catalog {
  static let separableConvolution: [LayerEntry] =
    (1...2).map { r in
      LayerEntry(
        className: "SeparableConv\(r)D", aliases: ["SeparableConvolution\(r)D"],
        family: "Convolution", signature: Conv.separableSignature(rank: r),
        rule: "valid: floor((in - d*(k-1) - 1)/s) + 1; same: ceil(in/s); channels -> filters; "
          + "params = prod(k)*C_in*depth_multiplier + C_in*depth_multiplier*filters + filters",
        example: r == 2
          ? "SeparableConv2D(64, 3, padding=\"same\", depth_multiplier=2)"
          : "SeparableConv1D(32, 5)",
        make: { a throws(LayerError) in try Conv(rank: r, kind: .separable, a) })
    }
    + (1...2).map { r in
      LayerEntry(
        className: "DepthwiseConv\(r)D", aliases: [], family: "Convolution",
        signature: Conv.depthwiseSignature(rank: r),
        rule: "valid: floor((in - d*(k-1) - 1)/s) + 1; same: ceil(in/s); "
          + "channels -> C_in*depth_multiplier; "
          + "params = prod(k)*C_in*depth_multiplier + C_in*depth_multiplier",
        example: r == 2
          ? "DepthwiseConv2D(3, strides=2, padding=\"same\")"
          : "DepthwiseConv1D(3, depth_multiplier=2)",
        make: { a throws(LayerError) in try Conv(rank: r, kind: .depthwise, a) })
    }
}
