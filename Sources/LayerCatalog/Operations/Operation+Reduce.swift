import ShapeCore

extension OperationContext {
  /// `reduce_shape`: the axes go (None: all), or become 1 with `keepdims`.
  func reduce(_ operands: [TensorOperation.Operand], _ d: TensorOperation.ReduceDType)
    throws(LayerError) -> TensorType
  {
    let x = try tensor(operands)
    let keep = arg("keepdims").isTruthy
    var out: [Dim]
    if let given = try ints("axis") {
      var axes = Set<Int>()
      for a in given { axes.insert(try axis(a, rank: x.rank)) }
      out = []
      for (i, dim) in x.shape.enumerated() {
        if !axes.contains(i) { out.append(dim) } else if keep { out.append(.known(1)) }
      }
    } else {
      out = keep ? Array(repeating: .known(1), count: x.rank) : []
    }
    return TensorType(shape: out, dtype: reducedDType(x.dtype, d))
  }

  private func reducedDType(_ t: DType, _ d: TensorOperation.ReduceDType) -> DType {
    switch d {
    case .same: return t
    case .float: return t.isFloating ? t : .float32
    case .int32: return .int32
    case .bool: return .bool
    case .widen:
      if case .string(let name) = arg("dtype"), let given = DType(name) { return given }
      switch t.name {
      case "bool", "int8", "int16": return .int32
      case "uint8", "uint16": return DType("uint32") ?? .int32
      default: return op.className == "Prod" ? t : Promotion.canonical(t)
      }
    }
  }

  /// `softmax(x, axis)`: same shape and dtype; every axis in range.
  func softmax(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    for a in try ints("axis") ?? [] { _ = try axis(a, rank: x.rank) }
    return x
  }

  /// `cumsum(x, axis)`: same shape, or flattened when axis is None; bool becomes int32.
  func cumulative(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    var shape = x.shape
    if let a = try ints("axis")?.first {
      _ = try axis(a, rank: x.rank)
    } else {
      shape = [try checked(label) { () throws(ArithmeticOverflow) in try Dim.product(x.shape) }]
    }
    var dtype = x.dtype
    if case .string(let name) = arg("dtype"), let given = DType(name) { dtype = given }
    return TensorType(shape: shape, dtype: dtype == .bool ? .int32 : dtype)
  }
}
