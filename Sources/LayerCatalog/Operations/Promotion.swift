import ShapeCore

/// Keras's `dtypes.result_type` on the JAX backend (64-bit types off): the dtype of an op on two
/// tensors, or on a tensor and a Python scalar (a "weak" type that defers to the tensor).
public enum Promotion {
  /// An operand: a tensor's dtype, or a Python scalar of some type.
  public enum Operand: Sendable {
    case tensor(DType)
    case pythonFloat
    case pythonInt
    case pythonBool
  }

  /// JAX without x64: 64-bit types become 32-bit.
  public static func canonical(_ d: DType) -> DType {
    switch d.name {
    case "float64": return .float32
    case "int64": return .int32
    case "uint64": return DType("uint32") ?? d
    default: return d
    }
  }

  public static func result(_ a: Operand, _ b: Operand) -> DType {
    switch (a, b) {
    case (.tensor(let x), .tensor(let y)): return result(x, y)
    case (.tensor(let x), let s), (let s, .tensor(let x)): return weak(x, s)
    case (.pythonFloat, _), (_, .pythonFloat): return .float32
    case (.pythonInt, _), (_, .pythonInt): return .int32
    default: return .bool
    }
  }

  private static func weak(_ x: DType, _ scalar: Operand) -> DType {
    switch scalar {
    case .pythonFloat: return x.isFloating ? canonical(x) : .float32
    case .pythonInt: return x == .bool ? .int32 : canonical(x)
    default: return canonical(x)
    }
  }

  /// Two tensor dtypes.
  public static func result(_ a: DType, _ b: DType) -> DType {
    let (x, y) = (canonical(a), canonical(b))
    if x == y { return x }
    if x == .bool { return y }
    if y == .bool { return x }
    switch (x.isFloating, y.isFloating) {
    case (true, false): return x
    case (false, true): return y
    case (true, true):
      if x.byteSize == y.byteSize { return .float32 }  // float16 with bfloat16
      return x.byteSize > y.byteSize ? x : y
    case (false, false):
      let (xu, yu) = (x.name.hasPrefix("uint"), y.name.hasPrefix("uint"))
      if xu == yu { return x.byteSize >= y.byteSize ? x : y }
      let (s, u) = xu ? (y, x) : (x, y)
      if u.byteSize < s.byteSize { return s }
      return canonical(DType("int\(min(u.byteSize * 16, 64))") ?? .int32)
    }
  }
}
