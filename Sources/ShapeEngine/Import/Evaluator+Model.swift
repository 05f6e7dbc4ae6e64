import KerasJSON
import LayerCatalog
import PythonRuntime
import ShapeCore

/// How to import a saved model.
public struct ImportOptions: Hashable, Sendable {
  /// Custom classes to treat as shape-preserving (`--assume-identity CLASS`), by class name or
  /// `module.ClassName`.
  public var assumeIdentity: Set<String>
  public init(assumeIdentity: Set<String> = []) { self.assumeIdentity = assumeIdentity }
}

extension Evaluator {
  /// Adds a saved model's layers to the graph in the config's order and calls them as its
  /// `inbound_nodes` say, each built at the shapes it is called with. Returns the model's
  /// output tensors.
  mutating func importModel(_ m: SavedModel, options: ImportOptions) throws(EngineError) -> [Int] {
    if let (cls, users) = m.unknownClasses(assumingIdentity: options.assumeIdentity).first {
      var e = EngineError(
        ConfigError(
          "custom class \(cls) (used by \(users.count == 1 ? "layer" : "layers") "
            + users.prefix(5).map { "\"\($0.name)\"" }.joined(separator: ", ")
            + (users.count > 5 ? " and \(users.count - 5) more" : "")
            + ") is not a Keras layer kshape knows, and kshape never runs a file's code",
          at: users[0].path + "class_name",
          hint: "if it keeps its input's shape, pass --assume-identity \(users[0].className)"))
      e.className = users[0].className
      throw e
    }
    let base = graph.inputs.count
    let firstLayer = graph.layers.count
    graph.reserveCapacity(moreLayers: m.layers.count)
    let shared = ConfigValues.SharedValues()
    // A Sequential model's layers each give one tensor, recorded as they are called.
    var made: [Int] = []
    let outputs =
      m.isSequential
      ? try importSequential(m, options, shared, made: &made)
      : try importFunctional(m, options, shared)
    // Inputs in `input_layers` order, whatever the config's layer order.
    if graph.inputs.count > base + 1 {
      let order = graph.inputs[base...].map { t in
        m.inputs.firstIndex { graph.layers[graph.tensors[t.tensor].layer].name == $0.layer } ?? .max
      }
      let pairs = zip(order, zip(graph.inputs[base...], graph.declaredInputs[base...]))
        .sorted { $0.0 < $1.0 }
      graph.inputs.replaceSubrange(base..., with: pairs.map(\.1.0))
      graph.declaredInputs.replaceSubrange(base..., with: pairs.map(\.1.1))
    }
    // Each layer's name stands for its (last call's) output; the next layer stacks on the
    // model's first output.
    // A name the session already uses keeps its meaning.
    let taken = Set(graph.bindings.keys)
    if made.count == graph.layers.count - firstLayer {
      // The tensors recorded, not each layer's calls read again: layer `firstLayer + k` made
      // `made[k]` in its one call.
      for (k, out) in made.enumerated() {
        let name = Self.identifier(graph.layers[firstLayer + k].name)
        guard taken.isEmpty || !taken.contains(name) else { continue }
        graph.bindings[name] = .tensor(out)
      }
    } else {
      for l in firstLayer..<graph.layers.count {
        let name = Self.identifier(graph.layers[l].name)
        guard taken.isEmpty || !taken.contains(name),
          let outs = graph.layers[l].calls.last?.outputs, let out = outs.first
        else { continue }
        graph.bindings[name] = outs.count == 1 ? .tensor(out) : .tuple(outs)
      }
    }
    graph.current = outputs.first
    graph.imports.append((firstLayer..<graph.layers.count, outputs))
    graph.importLabels.append("\(m.name) (\(m.isSequential ? "Sequential" : "Functional"))")
    return outputs
  }

  /// Whether `identifier(name)` is `name` itself, without making it.
  static func isIdentifier(_ name: String) -> Bool {
    let c = byteClass(name)
    // Non-ASCII names are made identifiers by character: asked of `identifier`.
    guard c.ascii else { return identifier(name) == name }
    return c.plain && !c.leadingDigit
  }

  /// A byte an identifier keeps: an ASCII letter, digit or `_`.
  private static func kept(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
  }

  /// Whether `name` is ASCII, whether it keeps every byte, and whether it starts with a digit
  /// (or is empty): one pass over its UTF-8 in place.
  private static func byteClass(_ name: String) -> (ascii: Bool, plain: Bool, leadingDigit: Bool) {
    var name = name
    return name.withUTF8 { bytes in
      var plain = true
      for b in bytes {
        if b >= 0x80 { return (false, false, false) }
        if !kept(b) { plain = false }
      }
      let leadingDigit = bytes.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? true
      return (true, plain, leadingDigit)
    }
  }

  /// A layer name as a name the statement language can use: other characters become `_`.
  static func identifier(_ name: String) -> String {
    // Layer names are ASCII: bytes are letters and digits exactly as Characters are.
    let c = byteClass(name)
    if c.ascii {
      if c.plain, !c.leadingDigit { return name }
      let bytes = name.utf8.map { kept($0) ? $0 : 0x5F }
      return (c.leadingDigit ? "_" : "") + String(decoding: bytes, as: UTF8.self)
    }
    var s = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    if s.first?.isNumber ?? true { s = "_" + s }
    return s
  }

  /// `made`: the tensor each layer made, in the graph's order (the input's first).
  private mutating func importSequential(
    _ m: SavedModel, _ options: ImportOptions, _ shared: ConfigValues.SharedValues,
    made: inout [Int]
  ) throws(EngineError) -> [Int] {
    // Entries are read in place by index (a `for layer in` loop copies each entry).
    var layers = m.layers.indices
    let base = graph.layers.count
    made.reserveCapacity(m.layers.count + 1)
    var current: Int
    if let first = m.layers.first, first.className == "InputLayer" {
      current = try importInput(first, ordinal: graph.inputs.count, shared: shared)
      layers = layers.dropFirst()
    } else if let shape = m.sequentialInputShape, !shape.isEmpty {
      current = try addInput(
        batch: shape[0].map { .known($0) } ?? .unknown,
        declared: shape.dropFirst().map { $0.map { .known($0) } ?? .unknown }, dtype: .float32,
        name: nil, at: nil)
    } else if let given = binding.tensors[graph.inputs.count] {
      // A Sequential nested in a model takes the shape of what it is called on.
      current = try addInput(
        batch: .unknown, declared: Array(repeating: .unknown, count: max(0, given.rank - 1)),
        dtype: given.dtype, name: nil, at: nil)
    } else {
      throw EngineError(
        ConfigError(
          "the Sequential model \"\(m.name)\" has no input shape (no InputLayer and no "
            + "build_input_shape): Keras has not built it", at: m.path + "layers",
          hint: "add keras.Input(shape=...) as its first layer, or build it before saving"))
    }
    // Each layer's tensor, while each new layer is the graph's next (else none: the caller
    // reads the layers' calls).
    var records = graph.layers.count == base + 1
    if records { made.append(current) }
    for i in layers {
      try Interrupt.check("while evaluating \(m.name)")
      MemoryUse.adviseHeapGrowth()
      let l = try importLayer(m.layers[i], options, shared: shared)
      guard
        // One tensor and no keywords: the plain form `call(_:positional:...)` would choose.
        // (No written form: one input is one tensor; `LayerCall.site`.)
        case .called(_, let outs) = try call(
          l, on: .single(graph.tensors[current].type), inputs: [current], nil),
        outs.count == 1, let out = outs.first
      else {
        throw EngineError(
          "\(m.layers[i].name): all layers in a Sequential model should have a single output tensor; "
            + "use the functional API for multi-output layers")
      }
      current = out
      records = records && l == base + made.count && graph.layers.count == l + 1
      if records { made.append(out) } else { made = [] }
    }
    return [current]
  }

  private mutating func importFunctional(
    _ m: SavedModel, _ options: ImportOptions, _ shared: ConfigValues.SharedValues
  ) throws(EngineError) -> [Int] {
    // Layers are made in the config's order; their graph indices by config index, and each
    // call's outputs by its node number.
    let numbers = NodeNumbers(m)
    var made: [Int?] = Array(repeating: nil, count: m.layers.count)
    var produced = Produced(numbers: numbers)
    let base = graph.inputs.count
    for (i, layer) in m.layers.enumerated() {
      if layer.className == "InputLayer" {
        let ordinal = m.inputs.firstIndex { $0.layer == layer.name } ?? m.inputs.count + i
        produced[NodeID(layer: i, node: 0)] = [
          try importInput(layer, ordinal: base + ordinal, shared: shared)
        ]
        continue
      }
      made[i] = try importLayer(layer, options, shared: shared)
    }
    // Keras runs the nodes reachable from the outputs, deepest first (`_run_through_graph`).
    for id in m.executionOrder {
      try Interrupt.check("while evaluating \(m.name)")
      MemoryUse.adviseHeapGrowth()
      guard let l = made[id.layer] else { continue }
      produced[id] = try callNode(l, m.layers[id.layer].nodes[id.node], m, produced)
    }
    var outputs: [Int] = []
    for ref in m.outputs { outputs.append(try Self.tensor(ref, m, produced)) }
    return outputs
  }

  /// The output tensors of the calls made so far, by node.
  private struct Produced {
    let numbers: NodeNumbers
    var outputs: [[Int]?]
    init(numbers: NodeNumbers) {
      self.numbers = numbers
      outputs = Array(repeating: nil, count: numbers.count)
    }
    subscript(_ id: NodeID) -> [Int]? {
      get { outputs[numbers[id]] }
      set { outputs[numbers[id]] = newValue }
    }
  }

  private static func tensor(
    _ ref: TensorRef, _ m: SavedModel, _ produced: Produced
  ) throws(EngineError) -> Int {
    let id: NodeID
    do { id = try m.node(of: ref) } catch { throw EngineError(error) }
    guard let outs = produced[id] else {
      throw EngineError(
        ConfigError("refers to layer \"\(ref.layer)\" before it is called", at: ref.path))
    }
    guard ref.tensor < outs.count else {
      throw EngineError(
        ConfigError(
          "refers to output \(ref.tensor) of layer \"\(ref.layer)\", which gives \(outs.count) "
            + "output\(outs.count == 1 ? "" : "s")", at: ref.path))
    }
    return outs[ref.tensor]
  }

  /// One argument of a saved call: a tensor, a list of tensors, or a Python value. The tensors'
  /// ids are added to `ids`. References are read without paths; where one does not resolve,
  /// `readArgument` reads it again with paths and reports it.
  private func argument(
    _ v: JSONValue, _ path: () -> JSONPath, _ m: SavedModel, _ produced: Produced,
    ids: inout [Int]
  ) throws(EngineError) -> (CallValue, CallSite.Argument) {
    func tensor(_ layer: String, _ node: Int, _ tensor: Int) -> Int? {
      guard let id = m.callNode(layer: layer, node: node), let outs = produced[id],
        tensor < outs.count
      else { return nil }
      return outs[tensor]
    }
    switch KerasHistory(v) {
    case .ref(let layer, let node, let index):
      guard let t = tensor(layer, node, index) else { break }
      ids.append(t)
      return (.tensor(graph.tensors[t].type), .tensor(t))
    case .malformed: break
    case .none:
      guard case .array(let items) = v, !items.isEmpty else {
        let value = ConfigValues.value(v)
        return (.value(value), .value(value))
      }
      var listed: [Int] = []
      for x in items {
        guard case .ref(let layer, let node, let index) = KerasHistory(x),
          let t = tensor(layer, node, index)
        else { break }
        listed.append(t)
      }
      guard listed.count == items.count else { break }
      ids += listed
      return (.tensors(listed.map { graph.tensors[$0].type }), .tensors(listed))
    }
    return try readArgument(v, path(), m, produced, ids: &ids)
  }

  /// `argument` with paths: what its quick read must equal, and the messages it gives.
  private func readArgument(
    _ v: JSONValue, _ path: JSONPath, _ m: SavedModel, _ produced: Produced,
    ids: inout [Int]
  ) throws(EngineError) -> (CallValue, CallSite.Argument) {
    if let r = try Self.refOrThrow(v, path) {
      let t = try Self.tensor(r, m, produced)
      ids.append(t)
      return (.tensor(graph.tensors[t].type), .tensor(t))
    }
    if case .array(let items) = v, !items.isEmpty {
      var refs: [TensorRef] = []
      for (i, x) in items.enumerated() {
        if let r = try Self.refOrThrow(x, path + i) { refs.append(r) }
      }
      if refs.count == items.count {
        var types: [TensorType] = []
        var listed: [Int] = []
        for r in refs {
          let t = try Self.tensor(r, m, produced)
          ids.append(t)
          listed.append(t)
          types.append(graph.tensors[t].type)
        }
        return (.tensors(types), .tensors(listed))
      }
    }
    let value = ConfigValues.value(v)
    return (.value(value), .value(value))
  }

  /// Calls layer `l` as a saved node says: tensors from their references, other values as
  /// Python values; `None` keywords are dropped (`mask=None` is no mask).
  private mutating func callNode(
    _ l: Int, _ node: SavedNode, _ m: SavedModel, _ produced: Produced
  ) throws(EngineError) -> [Int] {
    var ids: [Int] = []
    var positional: [CallValue] = []
    var keywords: [(String, CallValue)] = []
    var site = CallSite(positional: [])
    for (i, a) in node.args.enumerated() {
      let (value, written) = try argument(a, { node.path + "args" + i }, m, produced, ids: &ids)
      positional.append(value)
      site.positional.append(written)
    }
    for member in node.kwargs where !member.value.isNull {
      let (value, written) = try argument(
        member.value, { node.path + "kwargs" + member.key }, m, produced, ids: &ids)
      keywords.append((member.key, value))
      site.keywords.append((member.key, written))
    }
    var effect: Effect
    do {
      effect = try call(
        l, positional: positional, keywords: keywords, inputs: ids, nil, site: site)
    } catch {
      var e = error
      if e.path == nil { e.path = node.path }
      throw e
    }
    guard case .called(_, let outs) = effect else { return [] }
    return outs
  }

  private static func refOrThrow(_ v: JSONValue, _ path: JSONPath) throws(EngineError) -> TensorRef?
  {
    do { return try kerasTensorRef(v, at: path) } catch { throw EngineError(error) }
  }
}
