import ShapeCore

/// The size syntax of `apply`: `224x224`, `100`, `img=224x224 seq=100`, `batch=8`.
public enum SizeSpec {
  /// The largest size accepted for one dim: past it no tensor fits in memory, and products overflow sooner.
  public static let maxDim = 1 << 40

  /// Binds the inputs of `graph` (declared shapes) to the sizes written in `text`.
  public static func parse(_ text: String, graph: Graph) throws(EngineError) -> InputBinding {
    var binding = InputBinding()
    let words = normalized(text).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(
      String.init)
    guard !graph.inputs.isEmpty || words.isEmpty else {
      throw EngineError(
        "there is no input to apply a size to", hint: "declare one: x = Input((None, None, 3))")
    }
    var positional: [String] = []
    for w in words {
      guard let eq = w.firstIndex(of: "=") else {
        positional.append(w)
        continue
      }
      let key = String(w[..<eq])
      let value = String(w[w.index(after: eq)...])
      if key == "batch" {
        guard let b = Int(value), b > 0, b <= maxDim else {
          throw EngineError("batch must be a positive int, got '\(value)'")
        }
        binding.batch = b
        continue
      }
      let ordinal = try inputOrdinal(key, graph)
      binding.shapes[ordinal] = try bind(value, ordinal: ordinal, graph: graph)
      binding.notes += redeclarations(value, ordinal: ordinal, binding, graph)
    }
    if positional.count > 1 {
      throw EngineError("give one size, or name each input: img=224x224 seq=100")
    }
    if let size = positional.first {
      guard graph.inputs.count == 1 else {
        var names = graph.inputs.map { input in
          input.variable ?? graph.layerName(of: input.tensor)
        }
        if Set(names).count < names.count { names = names.indices.map { String($0 + 1) } }
        throw EngineError(
          "the session has \(graph.inputs.count) inputs; say which size is which",
          hint: "apply " + names.map { "\($0)=..." }.joined(separator: " "))
      }
      binding.shapes[0] = try bind(size, ordinal: 0, graph: graph)
      binding.notes += redeclarations(size, ordinal: 0, binding, graph)
    }
    return binding
  }

  /// The size syntax people also type, as apply's: `64X32` and `64×32` as `64x32`, a Python
  /// tuple `(64, 32)` as `64x32`.
  public static func normalized(_ text: String) -> String {
    var out = ""
    var depth = 0
    for ch in text {
      switch ch {
      case "(", "[":
        depth += 1
      case ")", "]":
        depth = max(0, depth - 1)
      case "X", "×", "*":
        out.append("x")
      case "," where depth > 0:
        out.append("x")
      case " " where depth > 0:
        continue
      default:
        out.append(ch)
      }
    }
    return out
  }

  /// What a size changed that the input declared: a known dim given another value is a
  /// redeclared input (a Keras model built at the declared shape rejects it), said with how the
  /// numbers were read.
  static func redeclarations(_ text: String, ordinal: Int, _ binding: InputBinding, _ graph: Graph)
    -> [String]
  {
    guard let dims = binding.shapes[ordinal] else { return [] }
    let declared = graph.declaredInputs[ordinal]
    let changed = declared.indices.filter { i in
      if case .known(let d) = declared[i], i < dims.count, dims[i] != .known(d) { return true }
      return false
    }
    guard !changed.isEmpty else { return [] }
    let tensor = graph.inputs[ordinal].tensor
    let type = graph.tensors[tensor].type
    let before = type.formulaShape
    let batch = type.shape.first.map { $0.kerasDescription } ?? "None"
    let after = "(" + ([batch] + dims.map(\.kerasDescription)).joined(separator: ", ") + ")"
    let what = changed.map { i -> String in
      if case .known(let d) = declared[i] {
        return "axis \(i + 1): \(d) -> \(dims[i].kerasDescription)"
      }
      return ""
    }.joined(separator: ", ")
    return [
      "'\(text)' was read as the whole shape: input \(graph.layerName(of: tensor)) declared "
        + "\(before) is redeclared as \(after) (\(what)); a Keras model built at the declared shape "
        + "rejects this input, a model rebuilt for it (as apply does) accepts it"
    ]
  }

  /// The input `key` names: its variable, its layer's name, or its place (`1=` for the first);
  /// a name two inputs share (a model imported twice) is refused with the places to use instead.
  private static func inputOrdinal(_ key: String, _ graph: Graph) throws(EngineError) -> Int {
    if let place = Int(key) {
      guard place >= 1, place <= graph.inputs.count else {
        throw EngineError(
          "there is no input \(key): the session has \(graph.inputs.count) input"
            + (graph.inputs.count == 1 ? "" : "s"),
          hint: "number the inputs from 1, in the order they were declared")
      }
      return place - 1
    }
    let matches = graph.inputs.indices.filter {
      graph.inputs[$0].variable == key || graph.layerName(of: graph.inputs[$0].tensor) == key
    }
    if let only = matches.first, matches.count == 1 { return only }
    if matches.count > 1 {
      let places = matches.map { String($0 + 1) }
      throw EngineError(
        "'\(key)' names \(matches.count) inputs (inputs \(places.joined(separator: " and ")))",
        hint: "name them by their place instead: "
          + places.map { "\($0)=..." }.joined(separator: " "))
    }
    var names: [String] = []
    for input in graph.inputs {
      for name in [input.variable, graph.layerName(of: input.tensor)] {
        if let name, !names.contains(name) { names.append(name) }
      }
    }
    throw EngineError(
      "no input named '\(key)'",
      hint: names.isEmpty ? nil : "the inputs are: \(names.joined(separator: ", "))")
  }

  /// `224x224` for the unknown dims in order, or a full non-batch shape.
  static func bind(_ text: String, ordinal: Int, graph: Graph) throws(EngineError) -> [Dim] {
    var numbers: [Int] = []
    for part in text.split(separator: "x", omittingEmptySubsequences: false) {
      guard let n = Int(part), n >= 0 else {
        throw EngineError(
          "'\(text)' is not a size", hint: "write sizes as 224x224, or 100 for one dim")
      }
      guard n <= maxDim else {
        throw EngineError("\(n) is too large for a dimension (at most \(maxDim))")
      }
      numbers.append(n)
    }
    let declared = graph.declaredInputs[ordinal]
    if numbers.count == declared.count { return numbers.map { .known($0) } }
    let unknownPositions = declared.indices.filter {
      if case .known = declared[$0] { return false } else { return true }
    }
    let shape = graph.tensors[graph.inputs[ordinal].tensor].type
    guard numbers.count <= unknownPositions.count else {
      // A fixed image input given its spatial size only: show the whole shape to type.
      var example = ""
      if numbers.count == declared.count - 1, case .known(let last)? = declared.last {
        example = " (e.g. \((numbers + [last]).map(String.init).joined(separator: "x")))"
      }
      throw EngineError(
        "'\(text)' gives \(numbers.count) sizes, but the input \(shape.formulaShape) has "
          + "\(unknownPositions.count) unknown dims and \(declared.count) in all",
        hint: unknownPositions.isEmpty
          ? "this input has a fixed shape; give the whole shape\(example)"
          : "give \(unknownPositions.count) sizes for the unknown dims, or \(declared.count) for the "
            + "whole shape\(example)")
    }
    var dims = Array(shape.shape.dropFirst())
    for (p, n) in zip(unknownPositions, numbers) { dims[p] = .known(n) }
    return dims
  }
}

extension Graph {
  /// The name of the layer that produced a tensor.
  public func layerName(of tensor: Int) -> String { layers[tensors[tensor].layer].name }
}
