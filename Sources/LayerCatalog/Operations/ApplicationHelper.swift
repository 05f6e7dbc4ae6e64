import ShapeCore

/// Layer classes defined by `keras.applications` code rather than `keras.layers`, which saved
/// application models carry (ConvNeXt's `LayerScale` and `StochasticDepth`, InceptionResNetV2's
/// `CustomScaleLayer`).
public struct ApplicationHelper: Layer {
  public enum Kind: Sendable {
    /// `x * gamma`, gamma of shape (projection_dim,).
    case layerScale(projectionDim: Int)
    /// Drops whole residual branches in training; shape-preserving, no weights.
    case stochasticDepth
    /// `x + y * scale` on a list `[x, y]`; no weights.
    case customScale
  }

  public var className: String
  public var kind: Kind?

  /// The helper named by a saved entry, or nil for a class kshape does not know. Its arguments
  /// are read by `configure`.
  public init?(module: String, className: String) {
    guard module.hasPrefix("keras.src.applications") || module.hasPrefix("keras.applications"),
      ["LayerScale", "StochasticDepth", "CustomScaleLayer"].contains(className)
    else { return nil }
    self.className = className
  }

  /// Reads the helper's arguments from its saved config.
  public mutating func configure(_ config: [String: Value]) throws(LayerError) {
    switch className {
    case "LayerScale":
      guard let d = config["projection_dim"]?.pythonInt, d > 0 else {
        throw LayerError(
          "LayerScale needs a positive int projection_dim, got "
            + (config["projection_dim"]?.pythonRepr ?? "nothing"), argument: "projection_dim")
      }
      kind = .layerScale(projectionDim: d)
    case "CustomScaleLayer":
      kind = .customScale
    default:
      kind = .stochasticDepth
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    if case .customScale? = kind {
      let xs = input.tensors
      guard xs.count == 2 else {
        throw LayerError(
          "\(c.name) (CustomScaleLayer) takes a list [x, y], got \(xs.count) tensors")
      }
      let shape = try TensorOperation.broadcast(xs[0].shape, xs[1].shape, c, "CustomScaleLayer")
      let dtype = Promotion.result(c.autocast(xs[0].dtype), c.autocast(xs[1].dtype))
      return LayerOutput([TensorType(shape: shape, dtype: dtype)])
    }
    let x = try c.single(input)
    let out = TensorType(shape: x.shape, dtype: c.autocast(x.dtype))
    guard case .layerScale(let d)? = kind else { return LayerOutput([out]) }
    let shape = try TensorOperation.broadcast(x.shape, [.known(d)], c, "LayerScale")
    return LayerOutput(
      [TensorType(shape: shape, dtype: out.dtype)], weights: [Weight("gamma", [d])])
  }
}
