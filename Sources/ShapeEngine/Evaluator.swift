import LayerCatalog
import ShapeCore
import StatementLanguage

/// Concrete values for the inputs, by declaration order: what `apply` substitutes.
public struct InputBinding: Sendable {
  /// Non-batch shape per input ordinal (nil keeps the declared shape).
  public var shapes: [Int: [Dim]] = [:]
  /// The batch dim for every input (nil keeps the declared one).
  public var batch: Int?
  /// Whole tensors for inputs, by ordinal: what a nested model is called on.
  public var tensors: [Int: TensorType] = [:]
  /// What the size changed that the input declared, said beside the result.
  public var notes: [String] = []
  public init(shapes: [Int: [Dim]] = [:], batch: Int? = nil) {
    self.shapes = shapes
    self.batch = batch
  }
}

/// What a statement did to the graph.
public enum Effect: Sendable {
  /// A new input tensor.
  case input(tensor: Int)
  /// A layer constructed and bound to a name, not yet called.
  case layerBound(layer: Int, variable: String)
  /// A layer called: its output tensors.
  case called(layer: Int, outputs: [Int])
  /// A name looked up: nothing changed.
  case show(Binding, name: String)
  /// A name bound to an existing value.
  case alias(Binding, name: String)
}

/// Executes statements on a graph: the one place where the language meets the catalog.
struct Evaluator {
  var graph: Graph
  let binding: InputBinding
  /// Index of the statement being executed in the session.
  var statement = 0
  /// Where each argument of each layer's constructor stands, for carets on call-time errors.
  var argumentRanges: [Int: [String: SourceRange]] = [:]
  /// Whether a layer name must be new to the whole graph. A Python program's layers need unique
  /// names only within each model, as Keras checks when it makes the model.
  var uniqueNames = true

  init(graph: Graph = Graph(), binding: InputBinding = InputBinding()) {
    self.graph = graph
    self.binding = binding
  }

  /// Runs one parsed statement (not a command).
  mutating func execute(_ s: Statement) throws(EngineError) -> Effect? {
    switch s {
    case .empty, .command: return nil
    case .assignment(let target, _, let value):
      return try assign(target, value)
    case .unpacking(let targets, let value):
      return try unpack(targets, value)
    case .expression(let e):
      return try evaluate(e, stack: true)
    }
  }

  private mutating func assign(_ target: String, _ value: Expr) throws(EngineError) -> Effect {
    // `d = Dense(10)` binds a layer (Python's meaning); `x = Input(...)` or `y = f(x)` a tensor.
    if case .call(let c) = value, case .name(let parts, _) = c.callee, let cls = className(parts),
      !isInputClass(cls), graph.bindings[parts.joined(separator: ".")] == nil
    {
      let layer = try construct(cls, c)
      graph.bindings[target] = .layer(layer)
      return .layerBound(layer: layer, variable: target)
    }
    let effect = try evaluate(value, stack: false)
    switch effect {
    case .input(let t):
      graph.bindings[target] = .tensor(t)
      if let i = graph.inputs.firstIndex(where: { $0.tensor == t }) {
        graph.inputs[i].variable = target
      }
    case .called(_, let outs):
      guard let first = outs.first else { break }
      graph.bindings[target] = outs.count == 1 ? .tensor(first) : .tuple(outs)
    case .show(let b, _), .alias(let b, _):
      graph.bindings[target] = b
      if case .tensor(let t) = b { graph.current = t }
      return .alias(b, name: target)
    case .layerBound(let l, _):
      graph.bindings[target] = .layer(l)
    }
    return effect
  }

  /// `a, b, c = layer(...)`: one name per output, as Python unpacks a tuple.
  private mutating func unpack(_ targets: [Target], _ value: Expr) throws(EngineError) -> Effect {
    let effect = try evaluate(value, stack: false)
    let outs: [Int]
    switch effect {
    case .called(_, let o): outs = o
    case .show(.tuple(let o), _), .alias(.tuple(let o), _): outs = o
    case .show(.tensor(let t), _), .alias(.tensor(let t), _), .input(let t): outs = [t]
    default:
      throw EngineError("only the outputs of a layer call can be unpacked", at: value.range)
    }
    guard outs.count == targets.count else {
      let first = targets[0].range
      throw EngineError(
        "cannot unpack \(outs.count) output\(outs.count == 1 ? "" : "s") into \(targets.count) names",
        at: first.union(targets[targets.count - 1].range),
        hint: "this call gives \(outs.count) tensor\(outs.count == 1 ? "" : "s")")
    }
    for (t, o) in zip(targets, outs) { graph.bindings[t.name] = .tensor(o) }
    graph.current = outs.first
    return effect
  }

  /// Evaluates an expression; `stack` makes a bare layer constructor apply to the current tensor.
  private mutating func evaluate(_ e: Expr, stack: Bool) throws(EngineError) -> Effect {
    switch e {
    case .name(let parts, let r):
      let name = parts.joined(separator: ".")
      guard let b = graph.bindings[name] else {
        let known = Array(graph.bindings.keys) + Catalog.allNames
        if Catalog.entry(name) != nil {
          throw EngineError(
            "\(name) is a layer class; call it to make a layer", at: r,
            hint: "write \(name)(...) with its arguments; `help \(name)` shows them")
        }
        throw EngineError(
          "name '\(name)' is not defined", at: r,
          hint: nearest(name, in: known).map { "did you mean '\($0)'?" })
      }
      return .show(b, name: name)
    case .call(let c):
      return try evaluateCall(c, stack: stack)
    default:
      throw EngineError(
        "a literal on its own does nothing", at: e.range,
        hint:
          "write a layer such as Conv2D(32, 3), an input such as x = Input((None, None, 3)), or a command"
      )
    }
  }

  private mutating func evaluateCall(_ c: Call, stack: Bool) throws(EngineError) -> Effect {
    switch c.callee {
    case .name(let parts, let r):
      let name = parts.joined(separator: ".")
      // Calling a bound layer: `d(x)`.
      if let b = graph.bindings[name] {
        guard case .layer(let l) = b else {
          throw EngineError(
            "'\(name)' is a tensor, not a layer; a tensor cannot be called", at: r,
            hint: "to stack a layer on it, write Layer(...)(\(name))")
        }
        return try callLayer(l, c.arguments, c.range)
      }
      guard let cls = className(parts) else {
        throw EngineError("unknown name '\(name)'", at: r)
      }
      if isInputClass(cls) { return .input(tensor: try makeInput(c)) }
      let layer = try construct(cls, c)
      guard stack else { return .layerBound(layer: layer, variable: "") }
      guard let current = graph.current else {
        throw EngineError(
          "there is no tensor to stack \(cls) on", at: c.range,
          hint: "start with an input, e.g. x = Input((None, None, 3))")
      }
      return try call(layer, on: .single(graph.tensors[current].type), inputs: [current], c.range)
    case .call(let inner):
      // `Conv2D(8, 3)(x)`: construct, then call on the arguments.
      guard case .name(let parts, _) = inner.callee, let cls = className(parts),
        graph.bindings[parts.joined(separator: ".")] == nil, !isInputClass(cls)
      else {
        throw EngineError("only a layer can be called", at: inner.range)
      }
      let layer = try construct(cls, inner)
      return try callLayer(layer, c.arguments, c.range)
    default:
      throw EngineError("this cannot be called", at: c.callee.range)
    }
  }

  /// `layer(x)`, `layer([a, b])`, or any argument list: `mha(q, v, return_attention_scores=True)`.
  private mutating func callLayer(_ l: Int, _ args: [Argument], _ range: SourceRange)
    throws(EngineError) -> Effect
  {
    guard !args.isEmpty else {
      throw EngineError(
        "a layer is called on a tensor or a list of tensors", at: range,
        hint: "write layer(x) or layer([a, b])")
    }
    var positional: [CallValue] = []
    var keywords: [(String, CallValue)] = []
    var site = CallSite(positional: [])
    var ids: [Int] = []
    for arg in args {
      let (value, tensorIDs) = try callValue(arg.value)
      ids += tensorIDs
      let written: CallSite.Argument =
        switch value {
        case .tensor: tensorIDs.first.map { .tensor($0) } ?? .tensors(tensorIDs)
        case .tensors: .tensors(tensorIDs)
        case .value(let v): .value(v)
        }
      if let label = arg.label {
        keywords.append((label, value))
        site.keywords.append((label, written))
      } else {
        positional.append(value)
        site.positional.append(written)
      }
    }
    return try call(l, positional: positional, keywords: keywords, inputs: ids, range, site: site)
  }

  /// Calls layer `l` on its call arguments: the plain forms (one tensor, one list) become
  /// `.single` and `.list`; anything else goes to the layer as an argument list.
  mutating func call(
    _ l: Int, positional: [CallValue], keywords: [(String, CallValue)], inputs ids: [Int],
    _ range: SourceRange?, site: CallSite
  ) throws(EngineError) -> Effect {
    var positional = positional
    var keywords = keywords
    var site = site
    // `layer(inputs=x)` is `layer(x)`.
    if positional.isEmpty, let i = keywords.firstIndex(where: { $0.0 == "inputs" }) {
      positional = [keywords.remove(at: i).1]
      site.positional = [site.keywords.remove(at: i).1]
    }
    if keywords.contains(where: { $0.0 == "mask" }),
      !MaskedCall.classes.contains(graph.layers[l].className)
    {
      let node = graph.layers[l]
      throw EngineError(
        Diagnostic(
          "\(node.name) (\(node.className)): call() got an unexpected keyword argument 'mask'",
          at: range,
          hint: "Keras passes mask= only to layers whose call() takes one: "
            + MaskedCall.classes.sorted().joined(separator: ", ")),
        layer: node.name, className: node.className)
    }
    // The plain forms: one tensor or one list, perhaps with training=/mask= that change no shape.
    if positional.count == 1, keywords.allSatisfy({ ["training", "mask"].contains($0.0) }) {
      switch positional[0] {
      case .tensor(let t): return try call(l, on: .single(t), inputs: ids, range, site: site)
      case .tensors(let ts): return try call(l, on: .list(ts), inputs: ids, range, site: site)
      case .value: break
      }
    }
    if ids.isEmpty {
      throw EngineError(
        "a layer is called on tensors", at: range, hint: "write layer(x) or layer([a, b])")
    }
    return try call(
      l, on: .call(positional: positional, keywords: keywords), inputs: ids, range, site: site)
  }

  /// A call argument: a tensor name, a list of them, or a literal; with the tensor ids it uses.
  private mutating func callValue(_ e: Expr) throws(EngineError) -> (CallValue, [Int]) {
    switch e {
    case .name:
      let t = try tensor(e)
      return (.tensor(graph.tensors[t].type), [t])
    case .list(let items, _), .tuple(let items, _):
      if items.contains(where: { if case .name = $0 { return true } else { return false } }) {
        var ids: [Int] = []
        for item in items { ids.append(try tensor(item)) }
        return (.tensors(ids.map { graph.tensors[$0].type }), ids)
      }
      return (.value(try argumentValue(e)), [])
    default:
      return (.value(try argumentValue(e)), [])
    }
  }

  /// The tensor a name stands for, with Python's meaning enforced.
  private func tensor(_ e: Expr) throws(EngineError) -> Int {
    guard case .name(let parts, let r) = e else {
      throw EngineError(
        "expected a tensor name here", at: e.range,
        hint: "assign the result first: y = Conv2D(8, 3)(x), then use y")
    }
    let name = parts.joined(separator: ".")
    switch graph.bindings[name] {
    case .tensor(let t)?: return t
    case .layer(let l)?:
      let node = graph.layers[l]
      throw EngineError(
        "'\(name)' is a layer (\(node.className)), not a tensor", at: r,
        hint: "`\(name) = \(node.className)(...)` binds a layer; call it on a tensor to get one: "
          + "y = \(name)(x)")
    case .tuple(let outs)?:
      throw EngineError(
        "'\(name)' holds \(outs.count) tensors (the outputs of one call), not one tensor", at: r,
        hint: "unpack them when you call the layer: "
          + (0..<outs.count).map { "y\($0)" }.joined(separator: ", ") + " = ...")
    case nil:
      throw EngineError(
        "name '\(name)' is not defined", at: r,
        hint: nearest(name, in: Array(graph.bindings.keys)).map { "did you mean '\($0)'?" })
    }
  }

  private func isInputClass(_ cls: String) -> Bool { cls == "Input" || cls == "InputLayer" }
}
