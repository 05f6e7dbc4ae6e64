import LayerCatalog
import ShapeCore
import StatementLanguage

/// How one dim of an Input was declared.
public enum DeclaredDim: Hashable, Sendable {
  case known(Int)
  /// `None`/`nil`: an unknown, named by position (H, W, L, C...).
  case unknown
  /// A name the user gave: `Input((H, W, 3))`.
  case symbol(String)
}

extension Evaluator {
  static let inputSignature = Signature([
    Parameter("shape", Value.none), Parameter("batch_size", Value.none),
    Parameter("dtype", Value.none), Parameter("sparse", Value.none),
    Parameter("ragged", Value.none), Parameter("batch_shape", Value.none),
    Parameter("name", Value.none), Parameter("tensor", Value.none),
    Parameter("optional", .bool(false)),
  ])

  /// `Input(shape, batch_size=None, dtype=None, ..., name=None)`: a new input tensor.
  mutating func makeInput(_ c: Call) throws(EngineError) -> Int {
    var shapeExpr: Expr?
    var batchShapeExpr: Expr?
    var others: [(String, Expr, SourceRange)] = []
    let params = Self.inputSignature.parameters.map(\.name)
    for (i, arg) in c.arguments.enumerated() {
      let key = arg.label ?? (i < params.count ? params[i] : "")
      guard params.contains(key) || key == "input_tensor" else {
        throw EngineError(
          "Input has no argument '\(arg.label ?? "#\(i + 1)")'", at: arg.range,
          hint: nearest(arg.label ?? "", in: params).map { "did you mean '\($0)'?" })
      }
      switch key {
      case "shape": shapeExpr = arg.value
      case "batch_shape": batchShapeExpr = arg.value
      default: others.append((key, arg.value, arg.range))
      }
    }
    var batch: DeclaredDim = .unknown
    var declared: [DeclaredDim]
    if let b = batchShapeExpr {
      let all = try declaredDims(b)
      guard let first = all.first else {
        throw EngineError("batch_shape must include the batch dim", at: b.range)
      }
      batch = first
      declared = Array(all.dropFirst())
    } else if let s = shapeExpr {
      declared = try declaredDims(s)
    } else {
      throw EngineError(
        "Input needs a shape", at: c.range,
        hint: "for images of any size: Input((None, None, 3)); for sequences: Input((None, 16))")
    }
    var dtype = DType.float32
    var name: String?
    for (key, value, range) in others {
      let v = try argumentValue(value)
      switch (key, v) {
      case ("batch_size", .int(let n)) where n > 0: batch = .known(n)
      case ("batch_size", .none): break
      case ("batch_size", _):
        throw EngineError("batch_size must be a positive int or None", at: range)
      case ("dtype", .string(let d)):
        guard let t = DType(d) else {
          throw EngineError(
            "dtype '\(d)' is not a dtype Keras knows", at: range,
            hint: nearest(d, in: DType.all).map { "did you mean '\($0)'?" })
        }
        dtype = t
      case ("dtype", .none): break
      case ("name", .string(let n)): name = n
      case ("name", .none), ("sparse", _), ("ragged", _), ("optional", _): break
      default:
        throw EngineError("Input: unsupported value for '\(key)': \(v.pythonRepr)", at: range)
      }
    }
    return try addInput(batch: batch, declared: declared, dtype: dtype, name: name, at: c.range)
  }

  /// Adds an input: its declared dims, bound to the sizes `apply` gives (by ordinal, the
  /// position among the inputs; a saved model orders its inputs by `input_layers`), or to the
  /// tensors a nested model is called on.
  mutating func addInput(
    batch: DeclaredDim, declared: [DeclaredDim], dtype: DType, name: String?,
    ordinal: Int? = nil, at range: SourceRange?
  ) throws(EngineError) -> Int {
    let layerName = name ?? graph.autoName("input_layer")
    try checkUnique(layerName, range: range, className: "InputLayer")
    let type = inputType(
      batch: batch, declared: declared, dtype: dtype, ordinal: ordinal ?? graph.inputs.count)
    graph.addLayer(
      LayerNode(
        name: layerName, className: "InputLayer", layer: nil, policy: .float32, weights: [],
        statement: statement))
    let t = graph.newTensor(type, layer: graph.layers.count - 1, name: name)
    graph.layers[graph.layers.count - 1].calls.append(LayerCall(inputs: [], outputs: [t]))
    graph.inputs.append((variable: nil, tensor: t))
    graph.declaredInputs.append(declared)
    graph.current = t
    return t
  }

  /// An input's type at this evaluator's binding: the sizes `apply` gives its ordinal, or the
  /// declared dims (unknowns named), the batch bound or declared, or a whole tensor given to a
  /// nested model.
  mutating func inputType(batch: DeclaredDim, declared: [DeclaredDim], dtype: DType, ordinal: Int)
    -> TensorType
  {
    var dims: [Dim] = []
    if let override = binding.shapes[ordinal] {
      dims = override
    } else {
      for (i, d) in declared.enumerated() { dims.append(dim(d, position: i, rank: declared.count)) }
    }
    var batchDim: Dim =
      switch batch {
      case .known(let n): .known(n)
      default: .unknown
      }
    if let b = binding.batch { batchDim = .known(b) }
    var type = TensorType(shape: [batchDim] + dims, dtype: dtype)
    if let given = binding.tensors[ordinal] { type = given }
    return type
  }

  /// The dims of a shape tuple: ints, None/nil, or names.
  func declaredDims(_ e: Expr) throws(EngineError) -> [DeclaredDim] {
    let items: [Expr]
    switch e {
    case .tuple(let xs, _), .list(let xs, _): items = xs
    case .int, .none, .name: items = [e]
    default:
      throw EngineError(
        "a shape is a tuple of sizes such as (None, None, 3)", at: e.range)
    }
    var out: [DeclaredDim] = []
    for item in items {
      switch item {
      case .int(let n, let r):
        guard n >= 0 else { throw EngineError("a dimension cannot be negative", at: r) }
        out.append(.known(n))
      case .none: out.append(.unknown)
      case .name(let parts, _) where parts.count == 1: out.append(.symbol(parts[0]))
      default:
        throw EngineError(
          "a dimension is an int, None, or a name for an unknown size", at: item.range)
      }
    }
    return out
  }

  /// The Dim of a declared dim: unknowns get readable names by position, unique in the session.
  mutating func dim(_ d: DeclaredDim, position: Int, rank: Int) -> Dim {
    switch d {
    case .known(let n): return .known(n)
    case .symbol(let s):
      graph.symbols.insert(s)
      return .symbol(s)
    case .unknown:
      let base = Self.symbolName(position: position, rank: rank)
      var name = base
      var k = 2
      while graph.symbols.contains(name) {
        name = "\(base)\(k)"
        k += 1
      }
      graph.symbols.insert(name)
      return .symbol(name)
    }
  }

  /// H, W for images (rank 3), L for sequences (rank 2), D, H, W for volumes; C for the last axis.
  static func symbolName(position: Int, rank: Int) -> String {
    if position == rank - 1, rank > 1 { return "C" }
    switch rank {
    case 1: return "N"
    case 2: return "L"
    case 3: return ["H", "W"][position]
    case 4: return ["D", "H", "W"][position]
    default: return "S\(position + 1)"
    }
  }
}
