import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

extension KerasHost {
  /// `x + y`, `x * 2.0`: the Keras operation the operator stands for (`keras.ops.add`).
  func operation(
    _ op: PyBinaryOperator, _ tensor: TensorObject, _ other: PyValue, reflected: Bool,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue? {
    let cls: String =
      switch op {
      case .add: "Add"
      case .sub: "Subtract"
      case .mul: "Multiply"
      case .truediv: "TrueDivide"
      case .floordiv: "FloorDivide"
      case .mod: "Mod"
      case .pow: "Power"
      case .matmul: "Matmul"
      }
    switch other {
    case .int, .float, .bool, .object(is TensorObject): break
    default: return nil
    }
    let mine = PyValue.object(tensor)
    let operands = reflected ? [other, mine] : [mine, other]
    return try applyOperation(
      cls, module: "keras.src.ops.numpy",
      PyArguments(positional: operands.map { ($0, nil) }), interpreter)
  }

  /// `keras.ops.NAME(...)` on tensors: the operation class Keras makes for it, when kshape's
  /// catalog of operations has it. Tensors (and lists of them) and scalars are its operands;
  /// keywords are its config (`axis=-1`).
  func applyOperation(
    _ cls: String, module: String, _ args: PyArguments, _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    // On plain numbers an operation computes now (`ops.sqrt(float(head_dim))`).
    if !args.positional.isEmpty, args.keywords.isEmpty,
      args.positional.allSatisfy({ tensorID($0.value) == nil }),
      let number = Self.compute(cls, args.positional.map(\.value))
    {
      return number
    }
    guard var op = TensorOperation(module: module, className: cls) else {
      throw PyError(
        "NotImplementedError", "kshape does not know the shapes of keras.ops.\(cls) yet",
        at: args.range)
    }
    var config: [String: Value] = [:]
    var operands: [(value: PyValue, range: SourceRange?)] = []
    // The function's positional parameters: its operands first, then its configuration
    // (`ops.reshape(x, newshape)`, `ops.mean(x, axis, keepdims)`, `ops.einsum(subscripts, *xs)`).
    let (count, names) = Self.operationParameters(op)
    var rest = args.positional[...]
    if cls == "Einsum", let s = rest.first {
      config["subscripts"] = try value(s.value, interpreter, range: s.range)
      rest = rest.dropFirst()
      operands = Array(rest)
      rest = []
    }
    for (i, a) in rest.enumerated() {
      if i < count {
        operands.append(a)
      } else if i - count < names.count {
        config[names[i - count]] = try value(a.value, interpreter, range: a.range)
      } else {
        throw PyError(
          "TypeError", "\(Self.snakeCase(cls))() takes \(count + names.count) positional arguments",
          at: a.range)
      }
    }
    for k in args.keywords { config[k.name] = try value(k.value, interpreter, range: k.range) }
    op.configure(config)
    let name = graph.autoName(Self.snakeCase(cls))
    do {
      try evaluator.checkUnique(name, range: args.range, className: cls)
    } catch {
      throw raise(error, at: args.range)
    }
    var node = LayerNode(
      name: name, className: cls, layer: op, policy: .float32, weights: nil,
      statement: evaluator.statement,
      arguments: CallArguments(
        keywords: config.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    node.module = module
    node.autocastsInputs = false
    graph.addLayer(node)
    let result = try callLayer(
      graph.layers.count - 1, PyArguments(positional: operands, range: args.range), interpreter)
    // `ops.split` gives a Python list, whatever the number of parts.
    if op.rule == .split, let outs = graph.layers.last?.calls.last?.outputs {
      return .list(PyList(outs.map { .object(tensor($0)) }))
    }
    return result
  }

  /// `x[key]`: a GetItem operation on the tensor with the key as its second operand.
  func getItem(_ x: TensorObject, _ key: Value, _ interpreter: Interpreter) throws(PyError)
    -> PyValue
  {
    guard let op = TensorOperation(module: "keras.src.ops.numpy", className: "GetItem") else {
      throw PyError("NotImplementedError", "kshape does not know GetItem", at: nil)
    }
    let name = graph.autoName("get_item")
    var node = LayerNode(
      name: name, className: "GetItem", layer: op, policy: .float32, weights: nil,
      statement: evaluator.statement)
    node.module = "keras.src.ops.numpy"
    node.autocastsInputs = false
    graph.addLayer(node)
    let l = graph.layers.count - 1
    do {
      let effect = try evaluator.call(
        l, positional: [.tensor(graph.tensors[x.id].type), .value(key)], keywords: [],
        inputs: [x.id], nil,
        site: CallSite(positional: [.tensor(x.id), .value(key)]))
      guard case .called(_, let outs) = effect else { return .none }
      return outputs(outs)
    } catch {
      throw raise(error, at: nil)
    }
  }

  /// The value of a one-argument math operation on a Python number, as a float.
  static func compute(_ cls: String, _ values: [PyValue]) -> PyValue? {
    guard values.count == 1 else { return nil }
    let x: Double
    switch values[0] {
    case .int(let i): x = Double(i)
    case .float(let d): x = d
    case .bool(let b): x = b ? 1 : 0
    default: return nil
    }
    switch cls {
    case "Sqrt": return .float(x.squareRoot())
    case "Rsqrt": return .float(1 / x.squareRoot())
    case "Square": return .float(x * x)
    case "Abs", "Absolute": return .float(Swift.abs(x))
    case "Negative": return .float(-x)
    default: return nil
    }
  }

  /// How many positional arguments of an operation's function are operands, and the names of
  /// the configuration arguments that may follow them (keras/src/ops signatures).
  static func operationParameters(_ op: TensorOperation) -> (Int, [String]) {
    switch op.rule {
    case .binary, .matmul: return (2, [])
    case .where: return (3, [])
    case .reduce: return (1, ["axis", "keepdims"])
    case .softmax, .cumulative, .expandDims, .squeeze, .concatenate, .stack: return (1, ["axis"])
    case .reshape: return (1, ["newshape"])
    case .transpose: return (1, ["axes"])
    case .tile: return (1, ["repeats"])
    case .repeat: return (1, ["repeats", "axis"])
    case .split: return (1, ["indices_or_sections", "axis"])
    case .swapaxes: return (1, ["axis1", "axis2"])
    case .moveaxis: return (1, ["source", "destination"])
    case .cast: return (1, ["dtype"])
    case .clip: return (1, ["x_min", "x_max"])
    case .oneHot: return (1, ["num_classes", "axis", "dtype", "sparse"])
    default: return (1, ["axis"])
    }
  }

  /// `LayerNormalization` -> `layer_normalization`, Keras's `to_snake_case`.
  static func snakeCase(_ name: String) -> String {
    var out = ""
    let chars = Array(name)
    for (i, c) in chars.enumerated() {
      if c.isUppercase, i > 0,
        chars[i - 1].isLowercase || chars[i - 1].isNumber
          || (i + 1 < chars.count && chars[i + 1].isLowercase && chars[i - 1].isUppercase)
      {
        out += "_"
      }
      out += c.lowercased()
    }
    return out
  }

  /// `snake_case` -> `SnakeCase`: the operation class of a `keras.ops` function.
  static func operationClass(_ function: String) -> String {
    if let alias = operationAliases[function] { return alias }
    return function.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  /// The functions whose operation is another class (`ops.abs` makes `Absolute`, named
  /// `absolute`), as tools/golden/ops_aliases.py lists them from Keras.
  static let operationAliases = [
    "abs": "Absolute", "conj": "Conjugate", "hard_swish": "HardSilu", "swish": "Silu",
  ]

  /// The lowercase helpers of `keras.layers`: `add([a, b])` is `Add()([a, b])`.
  static let mergeFunctions: [String: String] = [
    "add": "Add", "subtract": "Subtract", "multiply": "Multiply", "average": "Average",
    "maximum": "Maximum", "minimum": "Minimum", "concatenate": "Concatenate", "dot": "Dot",
  ]

  /// `layers.concatenate([a, b], axis=-1)`: the layer made with the other arguments, called on
  /// the first.
  func mergeFunction(_ cls: String, _ args: PyArguments, _ interpreter: Interpreter)
    throws(PyError) -> PyValue
  {
    var args = args
    var inputs: (value: PyValue, range: SourceRange?)
    if !args.positional.isEmpty {
      inputs = args.positional.removeFirst()
    } else if let i = args.keywords.firstIndex(where: { $0.name == "inputs" }) {
      let k = args.keywords.remove(at: i)
      inputs = (k.value, k.range)
    } else {
      throw PyError(
        "TypeError",
        "\(Self.snakeCase(cls))() missing 1 required positional argument: 'inputs'",
        at: args.range)
    }
    let made = try construct(cls, entry: Catalog.entry(cls), args, interpreter)
    guard case .object(let o) = made, let layer = o as? LayerObject else { return made }
    return try callLayer(
      layer.index, PyArguments(positional: [inputs], range: args.range), interpreter)
  }
}
