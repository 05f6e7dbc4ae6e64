import ShapeCore

/// One argument of a layer call: a tensor, a list of tensors, or a literal (`training=False`).
public enum CallValue: Sendable {
  case tensor(TensorType)
  case tensors([TensorType])
  case value(Value)

  public var tensors: [TensorType] {
    switch self {
    case .tensor(let t): return [t]
    case .tensors(let ts): return ts
    case .value: return []
    }
  }
}

/// What a layer is called on: one tensor, a list of tensors (merges), or a general argument list
/// (`mha(q, v, return_attention_scores=True)`, `lstm(x, initial_state=[h, c])`).
public enum LayerInput: Sendable {
  case single(TensorType)
  case list([TensorType])
  case call(positional: [CallValue], keywords: [(String, CallValue)])

  /// Every tensor, in argument order.
  public var tensors: [TensorType] {
    switch self {
    case .single(let t): return [t]
    case .list(let ts): return ts
    case .call(let p, let k): return p.flatMap(\.tensors) + k.flatMap(\.1.tensors)
    }
  }

  /// The value of a keyword argument, if given.
  public func keyword(_ name: String) -> CallValue? {
    guard case .call(_, let k) = self else { return nil }
    return k.first { $0.0 == name }?.1
  }
}

/// A variable a layer creates when it is built.
///
/// Its dims are known numbers, except where the layer's weights take their size from a dim of
/// the input that is not known yet (`Dense(10)` on `(None, 8*(floor(H/2)-1))`): Keras raises
/// there; kshape defers, and the weight's shape is a formula in the input's symbols (or
/// `.unknown` when it has none) until `apply` gives the size.
public struct Weight: Hashable, Sendable {
  public var name: String
  public var shape: [Dim]
  public var trainable: Bool
  public init(_ name: String, _ shape: [Int], trainable: Bool = true) {
    self.name = name
    self.shape = shape.map(Dim.known)
    self.trainable = trainable
  }
  public init(_ name: String, dims: [Dim], trainable: Bool = true) {
    self.name = name
    self.shape = dims
    self.trainable = trainable
  }

  /// The shape as numbers, when every dim is known.
  public var knownShape: [Int]? {
    var out: [Int] = []
    out.reserveCapacity(shape.count)
    for d in shape {
      guard let v = d.value else { return nil }
      out.append(v)
    }
    return out
  }

  /// True when the shape waits for the input's size.
  public var isDeferred: Bool { knownShape == nil }

  /// The shape as Python prints it: `(3, 3, 3, 8)`, `None` where a dim waits for the size.
  public var shapeText: String { TensorType.tuple(shape.map(\.kerasDescription)) }
}

/// The outputs of one call, and the weights the layer holds once built for those inputs.
public struct LayerOutput: Hashable, Sendable {
  public var outputs: [TensorType]
  public var weights: [Weight]
  public init(_ outputs: [TensorType], weights: [Weight] = []) {
    self.outputs = outputs
    self.weights = weights
  }
}

/// Who is being called: the names and policy errors and dtypes are about.
public struct LayerContext: Sendable {
  /// The Keras class name as written (`Conv2D`, or an alias such as `Convolution2D`).
  public var className: String
  /// The layer's name (`conv2d_3`).
  public var name: String
  public var policy: DTypePolicy

  /// False when the layer was made with `autocast=False`: float inputs keep their dtype.
  public var autocastsInputs: Bool

  /// True when weights whose shape needs a dim that is not known yet are deferred (their shape
  /// kept as a formula until a size is applied) rather than refused as Keras refuses them.
  /// Sessions defer unless `--keras-strict`; a bare context is strict, as Keras is.
  public var defersWeights: Bool

  public init(
    className: String, name: String, policy: DTypePolicy = .float32, autocastsInputs: Bool = true,
    defersWeights: Bool = false
  ) {
    self.className = className
    self.name = name
    self.policy = policy
    self.autocastsInputs = autocastsInputs
    self.defersWeights = defersWeights
  }

  /// A float input is cast to the compute dtype when the layer is called (Keras's autocast);
  /// other dtypes pass as they are.
  public func autocast(_ dtype: DType) -> DType {
    dtype.isFloating && autocastsInputs ? policy.computeDType : dtype
  }
}

/// A configured Keras layer: one shape rule for any inputs.
public protocol Layer: Sendable {
  /// The outputs (shape, dtype) of a call on `input`, and the weights built for it;
  /// throws where Keras raises at build or call time.
  func call(_ input: LayerInput, _ context: LayerContext) throws(LayerError) -> LayerOutput
}

extension LayerContext {
  /// The single tensor of a call, or Keras's error for a list given to a one-input layer.
  public func single(_ input: LayerInput) throws(LayerError) -> TensorType {
    switch input {
    case .single(let t): return t
    case .list(let ts):
      throw LayerError(
        "\(name) (\(className)) takes one tensor but was called on a list of \(ts.count)")
    case .call(let p, let k):
      if let (key, _) = k.first(where: { !["training", "mask"].contains($0.0) }) {
        throw LayerError(
          "\(name) (\(className)): call() got an unexpected keyword argument '\(key)'",
          argument: key, hint: "this layer is called on one tensor: \(name)(x)")
      }
      if p.count == 1, case .tensor(let t) = p[0] { return t }
      throw LayerError(
        "\(name) (\(className)) takes one tensor; it was called with \(p.count) positional arguments"
      )
    }
  }

  /// Keras's InputSpec check on the rank.
  public func requireRank(
    _ t: TensorType, exactly ndim: Int? = nil, atLeast minNdim: Int? = nil
  ) throws(LayerError) {
    if let ndim, t.rank != ndim {
      throw LayerError(
        "Input 0 of layer \"\(name)\" is incompatible with the layer: expected ndim=\(ndim), "
          + "found ndim=\(t.rank). Full shape received: \(t.kerasShape)")
    }
    if let minNdim, t.rank < minNdim {
      throw LayerError(
        "Input 0 of layer \"\(name)\" is incompatible with the layer: expected min_ndim=\(minNdim), "
          + "found ndim=\(t.rank). Full shape received: \(t.kerasShape)")
    }
  }

  /// The context of a layer this one calls (a wrapped layer, an RNN's cell): its own, with this
  /// call's choice of deferring weights.
  public func inner(_ own: LayerContext) -> LayerContext {
    var own = own
    own.defersWeights = defersWeights
    return own
  }

  /// A dim a weight's shape takes from the input: itself when known or when weights are
  /// deferred; Keras's refusal (`undefinedDim`) otherwise.
  public func weightDim(
    _ t: TensorType, axis: Int, what: String
  ) throws(LayerError) -> Dim {
    let d = t.shape[axis]
    if d.isKnown || defersWeights { return d }
    throw undefinedDim(t, axis: axis, what: what)
  }

  /// The error for a weight shape that depends on an unknown dim.
  public func undefinedDim(_ t: TensorType, axis: Int, what: String) -> LayerError {
    LayerError(
      "\(name) (\(className)): \(what) must be known to create its weights, but axis \(axis) of "
        + "input shape \(t.kerasShape) is None",
      hint: t.hasFormulas
        ? "it is \(t.formulaShape) here; apply a concrete size or declare the input with fixed dims"
        : nil)
  }
}
