import ShapeCore

extension OperationContext {
  /// One tensor, same shape.
  func unary(_ operands: [TensorOperation.Operand], _ d: TensorOperation.UnaryDType)
    throws(LayerError) -> TensorType
  {
    let x = try tensor(operands)
    let dtype: DType
    switch d {
    case .same: dtype = x.dtype
    case .float: dtype = x.dtype.isFloating ? Promotion.canonical(x.dtype) : .float32
    case .float32: dtype = .float32
    case .bool: dtype = .bool
    case .int32: dtype = .int32
    case .boolToInt: dtype = x.dtype == DType.bool ? DType.int32 : x.dtype
    }
    return TensorType(shape: x.shape, dtype: dtype)
  }

  /// Two operands, broadcast.
  func binary(_ operands: [TensorOperation.Operand], _ d: TensorOperation.BinaryDType)
    throws(LayerError) -> TensorType
  {
    guard operands.count == 2 else {
      throw error("takes 2 operands, got \(operands.count)")
    }
    let (a, b) = (operands[0], operands[1])
    let shape = try TensorOperation.broadcast(shapeOf(a), shapeOf(b), c, op.className)
    var dtype = Promotion.result(try promotion(a), try promotion(b))
    switch d {
    case .bool: dtype = .bool
    case .float where !dtype.isFloating: dtype = .float32
    default: break
    }
    return TensorType(shape: shape, dtype: dtype)
  }

  /// `where(condition, x1, x2)`.
  func whereOp(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    guard operands.count == 3 else {
      throw error(
        "kshape needs where(condition, x1, x2); where(condition) has a data-dependent shape")
    }
    let s1 = try TensorOperation.broadcast(
      shapeOf(operands[0]), shapeOf(operands[1]), c, op.className)
    let shape = try TensorOperation.broadcast(s1, shapeOf(operands[2]), c, op.className)
    let dtype = Promotion.result(try promotion(operands[1]), try promotion(operands[2]))
    return TensorType(shape: shape, dtype: dtype)
  }

  /// `clip(x, x_min, x_max)`.
  func clip(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    return TensorType(shape: x.shape, dtype: x.dtype == DType.bool ? DType.int32 : x.dtype)
  }

  /// `cast(x, dtype)`.
  func cast(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    var name = arg("dtype").pythonStr
    if let n = arg("dtype")["config"]?["name"] { name = n.pythonStr }
    if name == "float" { name = "float32" }
    if name == "int" { name = "int32" }
    guard let dtype = DType(name) else {
      throw error("cannot cast to dtype \(arg("dtype").pythonRepr)", argument: "dtype")
    }
    return TensorType(shape: x.shape, dtype: dtype)
  }

  /// OneHot.compute_output_spec: `num_classes` appended (axis -1) or inserted at a
  /// non-negative axis below the rank; the dtype as given, else float32 (floatx).
  func oneHot(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    guard let n = arg("num_classes").pythonInt else {
      throw error(
        "num_classes must be an int; received \(arg("num_classes").pythonRepr)",
        argument: "num_classes")
    }
    let axis = arg("axis") == .none ? -1 : (arg("axis").pythonInt ?? -2)
    var shape = x.shape
    if axis == -1 {
      shape.append(.known(n))
    } else if axis >= 0, axis < shape.count {
      shape.insert(.known(n), at: axis)
    } else {
      throw error(
        "axis must be -1 or between [0, \(x.rank)), but received \(arg("axis").pythonRepr).",
        argument: "axis")
    }
    var dtype = DType.float32
    if arg("dtype") != .none {
      guard let d = DType(arg("dtype").pythonStr) else {
        throw error("unknown dtype \(arg("dtype").pythonRepr)", argument: "dtype")
      }
      dtype = d
    }
    return TensorType(shape: shape, dtype: dtype)
  }

  func shapeOf(_ o: TensorOperation.Operand) -> [Dim] {
    switch o {
    case .tensor(let t): return t.shape
    case .tensors(let ts): return [.known(ts.count)] + (ts.first?.shape ?? [])
    case .scalar(let v): return v.items.map { [.known($0.count)] } ?? []
    }
  }

  func promotion(_ o: TensorOperation.Operand) throws(LayerError) -> Promotion.Operand {
    switch o {
    case .tensor(let t): return .tensor(t.dtype)
    case .tensors(let ts): return .tensor(ts.first?.dtype ?? .float32)
    case .scalar(.float): return .pythonFloat
    case .scalar(.bool): return .pythonBool
    case .scalar(.int), .scalar(.none): return .pythonInt
    case .scalar(let v):
      if let items = v.items, items.contains(where: { if case .float = $0 { true } else { false } })
      {
        return .tensor(.float32)
      }
      if v.items != nil { return .tensor(.int32) }
      throw error("an operand is \(v.kindDescription), not a tensor or a number")
    }
  }
}

extension TensorOperation {
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
