import ShapeCore

/// A raw tensor operation written by model code, as a saved config holds it
/// (`"module": "keras.src.ops.numpy", "class_name": "Add"` for `x + 3.0`): elementwise, with
/// numpy broadcasting and Python scalars among its arguments; it has no weights.
public struct TensorOperation: Layer {
  public enum Kind: Sendable {
    /// Two operands, broadcast; the dtype as `result_type` gives it.
    case binary
    /// Two operands, broadcast; a bool result.
    case comparison
    /// Two operands, broadcast; a float result even for ints (`divide`).
    case trueDivision
    /// One operand, same shape and dtype.
    case unary
    /// One operand, same shape; a float result for ints (`sqrt`).
    case unaryFloat
  }

  public var module: String
  public var className: String
  public var kind: Kind

  static let kinds: [String: Kind] = {
    var k: [String: Kind] = [:]
    for c in [
      "Add", "Subtract", "Multiply", "FloorDivide", "Power", "Maximum", "Minimum", "Mod",
      "LogicalAnd", "LogicalOr", "LogicalXor",
    ] { k[c] = .binary }
    for c in ["Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual"] {
      k[c] = .comparison
    }
    for c in ["Divide", "TrueDivide"] { k[c] = .trueDivision }
    for c in [
      "Abs", "Absolute", "Negative", "Square", "Sign", "Floor", "Ceil", "Round", "Relu", "Relu6",
      "LeakyRelu", "Clip", "Copy", "Identity",
    ] { k[c] = .unary }
    for c in [
      "Sqrt", "Rsqrt", "Exp", "Log", "Log1p", "Expm1", "Tanh", "Sin", "Cos", "Sigmoid",
      "HardSigmoid", "HardSilu", "Silu", "Gelu", "Elu", "Selu", "Softplus", "Softsign", "Erf",
      "Reciprocal",
    ] { k[c] = .unaryFloat }
    return k
  }()

  /// The operation, or nil when kshape does not know it.
  public init?(module: String, className: String) {
    guard let kind = Self.kinds[className] else { return nil }
    self.module = module
    self.className = className
    self.kind = kind
  }

  private enum Operand {
    case tensor(TensorType)
    case scalar(Value)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    var operands: [Operand] = []
    switch input {
    case .single(let t): operands = [.tensor(t)]
    case .list(let ts): operands = ts.map { .tensor($0) }
    case .call(let p, _):
      for v in p {
        switch v {
        case .tensor(let t): operands.append(.tensor(t))
        case .value(let s): operands.append(.scalar(s))
        case .tensors:
          throw LayerError("\(c.name) (\(className)): an operand is a list of tensors")
        }
      }
    }
    let unary = kind == .unary || kind == .unaryFloat
    let arity = unary ? 1 : 2
    // Unary ops may take extra scalars (clip's bounds, leaky_relu's slope).
    guard operands.count == arity || (unary && operands.count > 1) else {
      throw LayerError(
        "\(c.name) (\(className)) takes \(arity) operand\(arity == 1 ? "" : "s"), got \(operands.count)"
      )
    }
    if unary {
      guard case .tensor(let t) = operands[0] else {
        throw LayerError("\(c.name) (\(className)): the operand is not a tensor")
      }
      let dtype =
        kind == .unaryFloat && !t.dtype.isFloating ? DType.float32 : Promotion.canonical(t.dtype)
      return LayerOutput([TensorType(shape: t.shape, dtype: dtype)])
    }
    let (a, b) = (operands[0], operands[1])
    let shape = try Self.broadcast(shapeOf(a), shapeOf(b), c, className)
    var dtype = Promotion.result(promotionOperand(a), promotionOperand(b))
    switch kind {
    case .comparison: dtype = .bool
    case .trueDivision where !dtype.isFloating: dtype = .float32
    default: break
    }
    return LayerOutput([TensorType(shape: shape, dtype: dtype)])
  }

  private func shapeOf(_ o: Operand) -> [Dim] {
    if case .tensor(let t) = o { return t.shape }
    if case .scalar(let v) = o, let items = v.items { return [.known(items.count)] }
    return []
  }

  private func promotionOperand(_ o: Operand) -> Promotion.Operand {
    switch o {
    case .tensor(let t): return .tensor(t.dtype)
    case .scalar(.float): return .pythonFloat
    case .scalar(.bool): return .pythonBool
    default: return .pythonInt
    }
  }

  /// `operation_utils.broadcast_shapes`: right-aligned; 1 takes the other dim; an unknown dim
  /// takes the other unless that is 1; two known dims must be equal.
  static func broadcast(_ s1: [Dim], _ s2: [Dim], _ c: LayerContext, _ op: String)
    throws(LayerError) -> [Dim]
  {
    let n = max(s1.count, s2.count)
    let a = Array(repeating: Dim.known(1), count: n - s1.count) + s1
    let b = Array(repeating: Dim.known(1), count: n - s2.count) + s2
    var out: [Dim] = []
    for (x, y) in zip(a, b) {
      if x.value == 1 {
        out.append(y)
      } else if !x.isKnown {
        out.append(y.value == 1 ? x : (y.isKnown ? y : x))
      } else if y.value == 1 || !y.isKnown || y.value == x.value {
        out.append(x)
      } else {
        throw LayerError(
          "\(c.name) (\(op)): Cannot broadcast shape, the failure dim has value "
            + "\(x.kerasDescription), which cannot be broadcasted to \(y.kerasDescription). Input "
            + "shapes are: \(TensorType.tuple(s1.map(\.kerasDescription))) and "
            + "\(TensorType.tuple(s2.map(\.kerasDescription))).",
          hint: "dims must be equal or 1")
      }
    }
    return out
  }
}
