import ShapeCore

/// A raw tensor operation written by model code, as a saved config holds it
/// (`"module": "keras.src.ops.numpy", "class_name": "Add"` for `x + 3.0`). Its constructor
/// arguments are in its config (`Reshape`'s `newshape`, `Mean`'s `axis`); its call arguments
/// (tensors, Python scalars, a `GetItem` key) in the node. Each class follows one `Rule`, Keras's
/// `compute_output_spec`; it has no weights.
public struct TensorOperation: Layer {
  public var module: String
  public var className: String
  public var rule: Rule
  /// The constructor arguments from the saved config (without `name`).
  public var config: [String: Value] = [:]

  /// The operation, or nil when kshape does not know it.
  public init?(module: String, className: String) {
    guard let rule = Self.rules[className] else { return nil }
    self.module = module
    self.className = className
    self.rule = rule
  }

  /// Takes the constructor arguments of the saved config.
  public mutating func configure(_ config: [String: Value]) {
    self.config = config.filter { $0.key != "name" }
  }

  /// A constant tensor written into the node (`{"class_name": "__tensor__", "config":
  /// {"value": [...], "dtype": "float32"}}` for `ops.ones((8,))`): its shape from the nesting.
  static func constant(_ v: Value) -> TensorType? {
    guard case .string("__tensor__")? = v["class_name"], let config = v["config"],
      let value = config["value"], case .string(let name)? = config["dtype"],
      let dtype = DType(name)
    else { return nil }
    var shape: [Dim] = []
    var level = value
    while let items = level.items {
      shape.append(.known(items.count))
      guard let first = items.first else { break }
      level = first
    }
    return TensorType(shape: shape, dtype: dtype)
  }

  /// One call argument: a tensor, a list of tensors, or a Python value.
  enum Operand {
    case tensor(TensorType)
    case tensors([TensorType])
    case scalar(Value)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    var operands: [Operand] = []
    switch input {
    case .single(let t): operands = [.tensor(t)]
    case .list(let ts): operands = [.tensors(ts)]
    case .call(let p, let k):
      for v in p + k.map(\.1) {
        switch v {
        case .tensor(let t): operands.append(.tensor(t))
        case .tensors(let ts): operands.append(.tensors(ts))
        case .value(let s): operands.append(Self.constant(s).map { .tensor($0) } ?? .scalar(s))
        }
      }
    }
    let ctx = OperationContext(op: self, c: c)
    return LayerOutput(try ctx.apply(operands))
  }
}

/// What an operation's rule works with: its arguments, and messages that name it.
struct OperationContext {
  var op: TensorOperation
  var c: LayerContext

  var label: String { "\(c.name) (\(op.className))" }

  func error(_ message: String, argument: String? = nil, hint: String? = nil) -> LayerError {
    LayerError("\(label): \(message)", argument: argument, hint: hint)
  }

  func arg(_ key: String) -> Value { op.config[key] ?? .none }

  /// An int argument (`axis=-1`).
  func int(_ key: String, default d: Int? = nil) throws(LayerError) -> Int {
    if let i = arg(key).pythonInt { return i }
    if case .none = arg(key), let d { return d }
    throw error("\(key) must be an int. Received: \(key)=\(arg(key).pythonRepr)", argument: key)
  }

  /// An int or a sequence of ints (`axis=(1, 2)`); nil for None.
  func ints(_ key: String) throws(LayerError) -> [Int]? {
    try ints(arg(key), key)
  }

  func ints(_ v: Value, _ key: String) throws(LayerError) -> [Int]? {
    if case .none = v { return nil }
    if let i = v.pythonInt { return [i] }
    if let items = v.items {
      var out: [Int] = []
      for x in items {
        guard let i = x.pythonInt else {
          throw error(
            "\(key) must hold ints. Received: \(key)=\(v.pythonRepr)", argument: key)
        }
        out.append(i)
      }
      return out
    }
    throw error("\(key) must be an int or a tuple of ints. Received: \(key)=\(v.pythonRepr)")
  }

  /// `canonicalize_axis`: an axis in [-n, n) as one in [0, n).
  func axis(_ a: Int, rank n: Int) throws(LayerError) -> Int {
    guard a >= -n, a < n else {
      throw error("axis \(a) is out of bounds for an array with dimension \(n).")
    }
    return a < 0 ? a + n : a
  }

  func shape(_ dims: [Dim]) -> String { TensorType.tuple(dims.map(\.kerasDescription)) }

  /// The tensors among the operands, in order (a list counts as its tensors).
  func tensor(_ operands: [TensorOperation.Operand], _ i: Int = 0) throws(LayerError) -> TensorType
  {
    guard i < operands.count, case .tensor(let t) = operands[i] else {
      throw error("argument \(i) must be a tensor")
    }
    return t
  }

  func apply(_ operands: [TensorOperation.Operand]) throws(LayerError) -> [TensorType] {
    switch op.rule {
    case .unary(let d): return [try unary(operands, d)]
    case .binary(let d): return [try binary(operands, d)]
    case .where: return [try whereOp(operands)]
    case .clip: return [try clip(operands)]
    case .cast: return [try cast(operands)]
    case .reduce(let d): return [try reduce(operands, d)]
    case .softmax: return [try softmax(operands)]
    case .cumulative: return [try cumulative(operands)]
    case .reshape: return [try reshape(operands)]
    case .transpose: return [try transpose(operands)]
    case .expandDims: return [try expandDims(operands)]
    case .squeeze: return [try squeeze(operands)]
    case .concatenate: return [try join(operands, stack: false)]
    case .stack: return [try join(operands, stack: true)]
    case .tile: return [try tile(operands)]
    case .repeat: return [try repeatOp(operands)]
    case .ravel: return [try ravel(operands)]
    case .swapaxes: return [try swapaxes(operands)]
    case .moveaxis: return [try moveaxis(operands)]
    case .split: return try split(operands)
    case .getItem: return [try getItem(operands)]
    case .matmul: return [try matmul(operands)]
    case .einsum: return [try einsum(operands)]
    case .oneHot: return [try oneHot(operands)]
    }
  }
}
