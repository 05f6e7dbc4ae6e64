import ShapeCore

/// Hashing: 'int' keeps the shape; one_hot/multi_hot/count give (in[:-1]..., num_bins) (a rank-1
/// input gives (num_bins,)). dtype = the layer's dtype: int64 by default for 'int', float32 else.
public struct Hashing: Layer {
  public var int: Bool
  public var numBins: Value
  /// Keras's `self.dtype`: the policy's variable dtype (float32 under mixed_float16).
  public var dtype: DType

  public static let signature = Signature([
    Parameter("num_bins"), Parameter("mask_value", Value.none), Parameter("salt", Value.none),
    Parameter("output_mode", .string("int")), Parameter("sparse", .bool(false)),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    let mode = a["output_mode"]
    int = mode == .string("int")
    // Keras picks the dtype before Layer.__init__ sees it: int64 for 'int', floatx otherwise.
    let policy: DTypePolicy
    if a["dtype"] == .none {
      policy =
        int ? DTypePolicy(name: "int64", variableDType: .int64, computeDType: .int64) : .float32
    } else {
      policy = try DTypePolicy.of(a)
    }
    dtype = policy.variableDType
    numBins = a["num_bins"]
    var nonPositive = numBins == .none
    if !nonPositive {
      nonPositive = try Python.compare(numBins, "<=", .int(0), layer: a.layer, argument: "num_bins")
    }
    if nonPositive {
      throw LayerError(
        "\(a.layer): The `num_bins` for `Hashing` cannot be `None` or non-positive values. "
          + "Received: num_bins=\(numBins.pythonStr).", argument: "num_bins",
        hint: "num_bins is the number of hash bins, such as num_bins=64")
    }
    if int && !["int32", "int64"].contains(policy.name) {
      throw LayerError(
        "\(a.layer): When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or "
          + "'in64'. Received: dtype=\(a["dtype"].pythonStr)", argument: "dtype",
        hint: "drop dtype (int64), or give dtype='int32'")
    }
    try a.checkMember(
      "output_mode", ["int", "one_hot", "multi_hot", "count"],
      message: "Invalid value for argument `output_mode`.")
    if a["sparse"].isTruthy && int {
      throw LayerError(
        "\(a.layer): `sparse` may only be true if `output_mode` is `\"one_hot\"`, "
          + "`\"multi_hot\"`, or `\"count\"`. Received: sparse=\(a["sparse"].pythonStr) and "
          + "output_mode=int", argument: "sparse")
    }
    try Self.checkSalt(a, owner: "Hashing", pair: "a tuple of size 2 integers")
  }

  /// Keras's salt rule: None, an int, or a tuple/list of two.
  static func checkSalt(_ a: BoundArguments, owner: String, pair: String) throws(LayerError) {
    let salt = a["salt"]
    if salt == .none || salt.pythonInt != nil || salt.items?.count == 2 { return }
    throw LayerError(
      "\(a.layer): The `salt` argument for `\(owner)` can only be \(pair), or a single integer. "
        + "Received: salt=\(salt.pythonStr).", argument: "salt")
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    if int { return LayerOutput([TensorType(shape: x.shape, dtype: dtype)]) }
    let base = x.shape.dropLast().map(ShapeEntry.dim)
    let shape = try standardizeShape(base + [.value(numBins)], c)
    return LayerOutput([TensorType(shape: shape, dtype: dtype)])
  }
}

/// HashedCrossing([a, b]): exactly two inputs whose last dims agree; 'int' keeps a's shape,
/// one_hot gives (a..., num_bins), replacing a last axis of 1. dtype = the compute dtype
/// (int64 by default for 'int').
public struct HashedCrossing: Layer {
  public var int: Bool
  public var numBins: Value
  /// The compute dtype Keras gives it: int64 for 'int' when no dtype is given.
  public var dtype: DType

  /// Keras's constructor takes **kwargs and never reads them: any keyword is accepted.
  public static let signature = Signature(
    [
      Parameter("num_bins"), Parameter("output_mode", .string("int")),
      Parameter("sparse", .bool(false)), Parameter("name", Value.none),
      Parameter("dtype", Value.none),
    ], ignoresUnknownKeywords: true)

  public init(_ a: BoundArguments) throws(LayerError) {
    let intByDefault = a["output_mode"] == .string("int") && a["dtype"] == .none
    dtype = intByDefault ? .int64 : try DTypePolicy.of(a).computeDType
    if a["sparse"].isTruthy {
      throw LayerError(
        "\(a.layer): `sparse=True` can only be used with the TensorFlow backend.",
        argument: "sparse")
    }
    try Lookup.validateString(a, "output_mode", ["int", "one_hot"])
    int = a["output_mode"] == .string("int")
    numBins = a["num_bins"]
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let b = try CallBinding(input, parameters: ["inputs"], c)
    guard case .tensors(let ts)? = b["inputs"], ts.count == 2 else {
      let received: String =
        switch b["inputs"] {
        case .tensors(let ts)?: "[" + ts.map(\.kerasShape).joined(separator: ", ") + "]"
        case .tensor(let t)?: t.kerasShape
        default: "None"
        }
      throw LayerError(
        "\(c.name): Expected as input a list/tuple of 2 tensors. Received input_shape=\(received)",
        hint: "cross two features: \(c.className)(...)([a, b]); Keras's shape inference takes "
          + "exactly two")
    }
    let (a, other) = (ts[0], ts[1])
    if a.shape.last?.value != other.shape.last?.value {
      throw LayerError(
        "\(c.name): Expected the two input tensors to have identical shapes. Received "
          + "input_shape=[\(a.kerasShape), \(other.kerasShape)]")
    }
    if int { return LayerOutput([TensorType(shape: a.shape, dtype: dtype)]) }
    var entries = a.shape.map(ShapeEntry.dim)
    if a.shape.last?.value == 1 { entries.removeLast() }
    let shape = try standardizeShape(entries + [.value(numBins)], c)
    return LayerOutput([TensorType(shape: shape, dtype: dtype)])
  }
}
