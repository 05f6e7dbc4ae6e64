import PythonRuntime
import StatementLanguage
import Testing

/// A stand-in for a Keras tensor: a shape, arithmetic with numbers and tensors, indexing.
final class FakeTensor: PyObject {
  let shape: [Int]
  init(_ shape: [Int]) { self.shape = shape }
  var typeName: String { "KerasTensor" }
  var repr: String { "<KerasTensor shape=\(shape)>" }
  var attributeNames: [String] { ["shape", "dtype"] }
  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "shape": return .tuple(shape.map(PyValue.int))
    case "dtype": return .str("float32")
    default: return nil
    }
  }
  func binary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter)
    throws(PyError) -> PyValue?
  {
    switch other {
    case .int, .float: return .object(FakeTensor(shape))
    case .object(let o as FakeTensor):
      guard o.shape == shape else {
        throw PyError(
          "ValueError", "Inputs have incompatible shapes \(shape) and \(o.shape)", at: nil,
          underlying: ShapeMismatch(left: shape, right: o.shape))
      }
      return .object(FakeTensor(shape))
    default: return nil
    }
  }
  func unary(_ op: PyUnaryOperator, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    .object(FakeTensor(shape))
  }
  func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    .object(FakeTensor(Array(shape.dropFirst())))
  }
}

struct ShapeMismatch: Error, Equatable {
  var left: [Int]
  var right: [Int]
}

/// A layer class: calling it makes a layer, calling the layer on a tensor makes a tensor.
final class FakeLayerClass: PyObject {
  var typeName: String { "type" }
  var repr: String { "<class 'Dense'>" }
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    let units = try arguments.unpack(
      "Dense", ["units", "activation"], required: 1, keywords: ["units", "activation"])
    guard case .int(let n) = units[0] ?? .none else {
      throw PyError("TypeError", "units must be an int", at: arguments.positional.first?.range)
    }
    return .object(FakeLayer(units: n))
  }
  func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool? {
    if case .object(let o) = value { return o is FakeLayer }
    return false
  }
}

final class FakeLayer: PyObject {
  let units: Int
  init(units: Int) { self.units = units }
  var typeName: String { "Dense" }
  var repr: String { "<Dense units=\(units)>" }
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    guard case .object(let t as FakeTensor) = arguments.positional.first?.value ?? .none else {
      throw PyError("TypeError", "Dense needs a tensor", at: nil)
    }
    return .object(FakeTensor(Array(t.shape.dropLast()) + [units]))
  }
}

/// Runs `source` with a `keras` module holding `layers.Dense` and `Input`.
func runWithKeras(_ source: String) -> (RunResult, [String]) {
  var imported: [String] = []
  let layers = PyModule(name: "keras.layers", attributes: ["Dense": .object(FakeLayerClass())])
  let input = PyBuiltinFunction("Input") { arguments, _ throws(PyError) in
    guard case .tuple(let dims) = arguments.positional.first?.value ?? .none else {
      throw PyError("TypeError", "Input needs a shape tuple", at: nil)
    }
    return .object(FakeTensor([0] + dims.compactMap(\.asIndex)))
  }
  let keras = PyModule(
    name: "keras", attributes: ["layers": .object(layers), "Input": .object(input)])
  let result = run(source) { interpreter in
    interpreter.importModule = { name, range throws(PyError) in
      imported.append(name)
      switch name {
      case "keras", "keras_core": return .object(keras)
      case "keras.layers": return .object(layers)
      default: throw PyError("ModuleNotFoundError", "No module named '\(name)'", at: range)
      }
    }
  }
  return (result, imported)
}

@Suite struct HostObjectTests {
  @Test func importsBindAsPythonDoes() {
    let (result, imported) = runWithKeras(
      """
      import keras.layers
      import keras_core as K
      from keras import layers
      from keras.layers import Dense as D, Dense
      print(keras, K, layers, D, Dense)
      """)
    #expect(result.error == nil)
    #expect(imported == ["keras", "keras.layers", "keras_core", "keras", "keras.layers"])
    #expect(
      result.output
        == "<module 'keras'> <module 'keras'> <module 'keras.layers'> <class 'Dense'> <class 'Dense'>\n"
    )
  }

  @Test func importErrors() {
    #expect(runWithKeras("import torch").0.error?.message == "No module named 'torch'")
    let error = runWithKeras("from keras import Dense2").0.error
    #expect(error?.kind == "ImportError")
    #expect(error?.message == "cannot import name 'Dense2' from 'keras'")
    #expect(runWithKeras("from keras.layers import Dens").0.error?.hint == "Did you mean: 'Dense'?")
  }

  @Test func objectsTakePartInAttributesCallsOperatorsAndSubscripts() {
    let (result, _) = runWithKeras(
      """
      import keras
      from keras import layers
      x = keras.Input((32, 3))
      y = layers.Dense(8, activation='relu')(x)
      z = -(y * 2 + 1.5) / y
      print(y.shape, y.shape[-1], z.shape, x[0].shape, 2 * y, isinstance(layers.Dense(3), layers.Dense), isinstance(y, layers.Dense))
      def block(t, units):
          return layers.Dense(units)(t)
      for units in [4, 5]:
          x = block(x, units)
      print(x.shape, x.dtype, y.shape[1:])
      """)
    #expect(result.error == nil, "\(result.error?.rendered() ?? "")")
    #expect(
      result.output == """
        (0, 32, 8) 8 (0, 32, 8) (32, 3) <KerasTensor shape=[0, 32, 8]> True False
        (0, 32, 5) float32 (32, 8)

        """)
  }

  @Test func hostErrorsKeepTheirUnderlyingErrorAndGetTheCallsRangeAndTraceback() {
    let source = """
      import keras
      from keras import layers
      def merge(a, b):
          return a + b
      x = keras.Input((4,))
      y = keras.Input((5,))
      merge(x, y)
      """
    let (result, _) = runWithKeras(source)
    let error = result.error
    #expect(error?.kind == "ValueError")
    #expect(error?.underlying as? ShapeMismatch == ShapeMismatch(left: [0, 4], right: [0, 5]))
    #expect(error?.traceback.map(\.function) == ["<module>", "merge"])
    let text = SourceText(name: "<test>", text: source)
    #expect(error?.traceback.map { text.line(of: $0.range.start) } == [7, 4])
    #expect(
      error?.range.map { String(source.dropFirst($0.start).prefix($0.end - $0.start)) } == "a + b")
    #expect(
      error?.rendered() == """
        Traceback (most recent call last):
          File "<test>", line 7, in <module>
            merge(x, y)
            ^^^^^^^^^^^
          File "<test>", line 4, in merge
            return a + b
                   ^^^^^
        ValueError: Inputs have incompatible shapes [0, 4] and [0, 5]
        """)
  }

  @Test func unsupportedOperatorsOnObjectsAreTypeErrors() {
    let (result, _) = runWithKeras("import keras\nx = keras.Input((3,))\nx + 'a'")
    #expect(result.error?.message == "unsupported operand type(s) for +: 'KerasTensor' and 'str'")
    let (attr, _) = runWithKeras("import keras\nx = keras.Input((3,))\nx.shap")
    #expect(attr.error?.message == "'KerasTensor' object has no attribute 'shap'")
    #expect(attr.error?.hint == "Did you mean: 'shape'?")
  }

  @Test func theHostCallsPythonFunctions() throws {
    let interpreter = Interpreter()
    let text = SourceText(name: "<test>", text: "def f(a, b=2):\n    return a * b\n")
    for statement in try Interpreter.parse(text).statements {
      _ = try interpreter.execute(statement, in: text)
    }
    let f = try #require(interpreter.globals["f"])
    let value = try interpreter.call(f, PyArguments(positional: [(.int(21), nil)]))
    #expect(interpreter.repr(value) == "42")
    #expect(interpreter.typeName(of: f) == "function")
    #expect(interpreter.truthy(.list(PyList())) == false)
    #expect(interpreter.equals(.int(1), .float(1.0)))
    #expect(interpreter.str(.str("x")) == "x" && interpreter.repr(.str("x")) == "'x'")
  }

  @Test func expressionStatementsGiveTheirValue() throws {
    let interpreter = Interpreter()
    let text = SourceText(name: "<stdin>", text: "x = 3\nx * 2\nNone\nprint('a')\n")
    let values = try Interpreter.parse(text).statements.map { s throws(PyError) in
      try interpreter.execute(s, in: text).map { interpreter.repr($0) }
    }
    #expect(values == [nil, "6", "None", "None"])
  }

  @Test func nameErrorsSuggestTheClosestName() {
    let result = run("filters = 3\nprint(filtres)")
    #expect(result.error?.message == "name 'filtres' is not defined")
    #expect(result.error?.hint == "Did you mean: 'filters'?")
    #expect(run("lenn([1])").error?.hint == "Did you mean: 'len'?")
    #expect(run("def f(units):\n    return unit\nf(1)").error?.hint == "Did you mean: 'units'?")
    #expect(run("xyz").error?.hint == nil)
  }

  /// Runs `source`'s statements in `interpreter`, one by one.
  static func execute(_ source: String, in interpreter: Interpreter) throws {
    let text = SourceText(name: "<test>", text: source)
    for statement in try Interpreter.parse(text).statements {
      _ = try interpreter.execute(statement, in: text)
    }
  }

  /// Globals shadow builtins whichever way they were written (`GlobalNameFilter` skips the
  /// globals' lookup only for a name they cannot hold): by the program, deleted again, by the
  /// host into the dictionary, and after the host replaces the dictionary.
  @Test func globalsShadowBuiltinsHoweverWritten() throws {
    let interpreter = Interpreter()
    var output = ""
    interpreter.write = { output += $0 }
    func exec(_ source: String) throws { try Self.execute(source, in: interpreter) }
    try exec("print(len([1, 2]))\nlen = 7\nprint(len)\ndel len\nprint(len([1]))\n")
    #expect(output == "2\n7\n1\n")
    // The host writes a name the program never wrote, then one that shadows a builtin.
    interpreter.globals["hosted"] = .int(5)
    interpreter.globals["abs"] = .int(9)
    output = ""
    try exec("print(hosted, abs)\n")
    #expect(output == "5 9\n")
    interpreter.globals = ["max": .int(3)]
    output = ""
    try exec("print(max, min(4, 2))\nx1 = 1\nx2 = 2\nprint(x1 + x2)\n")
    #expect(output == "3 2\n3\n")
    // A name of the same class (length and first byte) as a global is still looked up.
    try exec("xyz = 1\n")
    #expect(throws: PyError.self) { try exec("print(xqz)\n") }
  }

  /// A name read again is its latest value (`GlobalReadCache`), however it was written: a long
  /// name (its strings made apart) rebound in a loop, a builtin shadowed, deleted and shown
  /// again, the host's writes to the globals and the builtins, a name of other bytes that the
  /// dictionary takes as the same key (the Kelvin sign is "K"), and many names contesting slots.
  @Test func aNameReadAgainIsItsLatestValue() throws {
    let interpreter = Interpreter()
    var output = ""
    interpreter.write = { output += $0 }
    func exec(_ source: String) throws { try Self.execute(source, in: interpreter) }
    try exec(
      "attention_output_value = 0\nseen = []\nfor i in range(3):\n"
        + "    attention_output_value = attention_output_value + i\n"
        + "    seen.append(attention_output_value)\nprint(seen, attention_output_value)\n")
    #expect(output == "[0, 1, 3] 3\n")
    output = ""
    try exec("print(abs(-1))\nabs = 4\nprint(abs)\ndel abs\nprint(abs(-2))\n")
    #expect(output == "1\n4\n2\n")
    output = ""
    try exec("k = 1\nprint(k)\n")
    interpreter.globals["k"] = .int(2)
    interpreter.builtins["hosted"] = .int(6)
    try exec("print(k, hosted)\n")
    interpreter.builtins["hosted"] = .int(7)
    try exec("print(hosted)\n")
    interpreter.globals = ["k": .int(3)]
    try exec("print(k)\n")
    #expect(output == "1\n2 6\n7\n3\n")
    // "K" (ASCII) read, then written under the Kelvin sign's bytes: one key to the dictionary.
    output = ""
    try exec("K = 1\nprint(K)\n")
    let kelvin = "\u{212A} = 5\nprint(K)\n"
    if (try? Interpreter.parse(SourceText(name: "<test>", text: kelvin))) != nil {
      try exec(kelvin)
      #expect(output == "1\n5\n")
    }
    // More names than slots, each written, read and rewritten.
    output = ""
    var source = ""
    for i in 0..<600 { source += "v\(i) = \(i)\n" }
    for i in 0..<600 { source += "v\(i) = v\(i) + v\((i + 1) % 600)\n" }
    source += "print(v0, v1, v598, v599)\n"
    try exec(source)
    #expect(output == "1 3 1197 600\n")
  }

  /// The globals' room grows sixteen times over while they are few (each growth hashes every
  /// name again), four times over past 4,096 names; every name written keeps its value, a
  /// deleted one is gone.
  @Test func theGlobalsGrowSixteenfoldWhileFew() throws {
    let interpreter = Interpreter()
    var output = ""
    interpreter.write = { output += $0 }
    var source = ""
    for i in 0..<100 { source += "g\(i) = \(i)\n" }
    try Self.execute(source, in: interpreter)
    #expect(interpreter.globals.capacity >= 96 * 16)
    source = ""
    for i in 100..<5_000 { source += "g\(i) = \(i)\n" }
    source += "del g7\nprint(g0 + g99 + g4999)\n"
    try Self.execute(source, in: interpreter)
    #expect(interpreter.globals.count == 4_999)
    #expect(interpreter.globals.capacity < 5_000 * 16)
    if case .int(let value)? = interpreter.globals["g4999"] {
      #expect(value == 4_999)
    } else {
      Issue.record("g4999 is not 4999")
    }
    #expect(output == "5098\n")
    #expect(throws: PyError.self) { try Self.execute("print(g7)\n", in: interpreter) }
  }
}
