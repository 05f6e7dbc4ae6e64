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
    guard var op = TensorOperation(module: module, className: cls) else {
      throw PyError(
        "NotImplementedError", "kshape does not know the shapes of keras.ops.\(cls) yet",
        at: args.range)
    }
    var config: [String: Value] = [:]
    var operands: [(value: PyValue, range: SourceRange?)] = []
    for (i, a) in args.positional.enumerated() {
      if i > 0, tensorID(a.value) == nil, !Self.takesScalarOperands(op) {
        // `ops.mean(x, 1)`: past the tensor, positional arguments are the op's config.
        config["axis"] = try value(a.value, interpreter, range: a.range)
      } else {
        operands.append(a)
      }
    }
    for k in args.keywords { config[k.name] = try value(k.value, interpreter, range: k.range) }
    op.configure(config)
    let name = graph.autoName(Self.snakeCase(cls))
    do {
      try evaluator.checkUnique(name, range: args.range, className: cls)
    } catch {
      throw Self.raise(error, at: args.range)
    }
    var node = LayerNode(
      name: name, className: cls, layer: op, policy: .float32, weights: nil,
      statement: evaluator.statement,
      arguments: CallArguments(keywords: config.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    node.module = module
    node.autocastsInputs = false
    graph.addLayer(node)
    return try callLayer(
      graph.layers.count - 1, PyArguments(positional: operands, range: args.range), interpreter)
  }

  static func takesScalarOperands(_ op: TensorOperation) -> Bool {
    switch op.rule {
    case .binary: return true
    default: return false
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
    function.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

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
    let made = try construct(cls, args, interpreter)
    guard case .object(let o) = made, let layer = o as? LayerObject else { return made }
    return try callLayer(layer.index, PyArguments(positional: [inputs], range: args.range), interpreter)
  }
}
