import ShapeCore

extension TensorOperation {
  /// How an operation computes its output (Keras's `compute_output_spec` of its class).
  public enum Rule: Hashable, Sendable {
    /// One tensor, same shape; the dtype as `UnaryDType` says. Extra arguments are ignored.
    case unary(UnaryDType)
    /// Two operands (tensors or Python scalars), numpy broadcasting.
    case binary(BinaryDType)
    /// `where(condition, x1, x2)`: the three broadcast, `result_type(x1, x2)`.
    case `where`
    /// `clip(x, x_min, x_max)`: same shape; bool becomes int32.
    case clip
    /// `cast(x, dtype)`.
    case cast
    /// A reduction over `axis` (None: all), `keepdims`.
    case reduce(ReduceDType)
    /// `softmax`/`log_softmax`: same shape and dtype; `axis` must be in range.
    case softmax
    /// `cumsum`/`cumprod`: same shape, or flat when `axis` is None; bool becomes int32.
    case cumulative
    case reshape, transpose, expandDims, squeeze, concatenate, stack, tile, `repeat`, ravel
    case swapaxes, moveaxis, split, getItem, matmul, einsum
    /// `ops.one_hot(x, num_classes, axis=-1, dtype=None)`: num_classes inserted at axis.
    case oneHot
  }

  /// The dtype of a one-tensor elementwise op.
  public enum UnaryDType: Hashable, Sendable {
    /// The input's dtype (`abs`, `relu`, `sigmoid`: nn activations keep ints).
    case same
    /// Floats keep theirs; ints and bool become float32 (`sqrt`, `exp`, `floor`).
    case float
    /// Always float32 (`reciprocal`).
    case float32
    /// bool (`isnan`, `logical_not`).
    case bool
    /// int32 (`argsort`).
    case int32
    /// The input's, bool becoming int32 (`square`).
    case boolToInt
  }

  /// The dtype of a two-operand elementwise op.
  public enum BinaryDType: Hashable, Sendable {
    /// `result_type` of the operands, Python scalars weak (`add`, `maximum`).
    case promote
    /// The promoted dtype, ints becoming float32 (`divide`, `arctan2`).
    case float
    /// bool (`equal`, `logical_and`).
    case bool
  }

  /// The dtype of a reduction.
  public enum ReduceDType: Hashable, Sendable {
    /// The input's (`max`, `min`).
    case same
    /// ints and bool become float32 (`mean`, `std`, `var`).
    case float
    /// bool, int8, int16 become int32; uint8, uint16 uint32 (`sum`, `prod`).
    case widen
    /// int32 (`argmax`, `argmin`).
    case int32
    /// bool (`any`, `all`).
    case bool
  }

  /// Every class kshape knows, by Keras class name.
  static let rules: [String: Rule] = {
    var r: [String: Rule] = [:]
    func add(_ rule: Rule, _ names: String) {
      for n in names.split(separator: " ") { r[String(n)] = rule }
    }
    add(
      .unary(.same),
      "Abs Absolute Negative Sign Round Trunc Copy Identity Conj Conjugate Real Flip Fliplr Flipud "
        + "Sort Tril Triu NanToNum ZerosLike OnesLike StopGradient ConvertToTensor BitwiseInvert "
        + "BitwiseNot Relu Relu6 LeakyRelu Sigmoid SparseSigmoid Softplus Softsign SoftShrink "
        + "SparsePlus Silu Swish Squareplus LogSigmoid HardSigmoid HardSilu HardSwish Elu Selu Gelu "
        + "Celu TanhShrink HardTanh HardShrink Sparsemax Rsqrt Erf Erfinv")
    add(
      .unary(.float),
      "Sqrt Exp Exp2 Expm1 Log Log10 Log1p Log2 Floor Ceil Sin Cos Tan Sinh Cosh Tanh Arcsin "
        + "Arccos Arctan Arcsinh Arccosh Arctanh Cbrt Deg2rad Rad2deg Sinc Fabs Erfc")
    add(.unary(.float32), "Reciprocal")
    add(.unary(.bool), "Isfinite Isinf Isnan Isneginf Isposinf LogicalNot Signbit")
    add(.unary(.int32), "Argsort")
    add(.unary(.boolToInt), "Square")
    add(
      .binary(.promote),
      "Add Subtract Multiply Maximum Minimum Fmax Fmin Mod Fmod Power FloorDivide")
    add(.binary(.float), "Divide TrueDivide DivideNoNan Arctan2 Logaddexp Logaddexp2 Ldexp")
    add(
      .binary(.bool),
      "Equal NotEqual Greater GreaterEqual Less LessEqual LogicalAnd LogicalOr LogicalXor Isclose")
    add(.reduce(.same), "Max Min Amax Amin")
    add(.reduce(.float), "Mean Std Var")
    add(.reduce(.widen), "Sum Prod")
    add(.reduce(.int32), "Argmax Argmin")
    add(.reduce(.bool), "Any All")
    add(.softmax, "Softmax LogSoftmax")
    add(.cumulative, "Cumsum Cumprod")
    r["Where"] = .where
    r["Clip"] = .clip
    r["Cast"] = .cast
    r["Reshape"] = .reshape
    r["Transpose"] = .transpose
    r["ExpandDims"] = .expandDims
    r["Squeeze"] = .squeeze
    r["Concatenate"] = .concatenate
    r["Stack"] = .stack
    r["Tile"] = .tile
    r["Repeat"] = .repeat
    r["Ravel"] = .ravel
    r["Swapaxes"] = .swapaxes
    r["Moveaxis"] = .moveaxis
    r["Split"] = .split
    r["GetItem"] = .getItem
    r["Matmul"] = .matmul
    r["Einsum"] = .einsum
    r["OneHot"] = .oneHot
    return r
  }()
}
