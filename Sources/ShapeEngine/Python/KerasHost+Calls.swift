import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

extension KerasHost {
  /// `Conv2D(32, 3, padding="same")`: a new layer, named now as Keras names it.
  func construct(
    _ className: String, entry: LayerEntry?, _ args: PyArguments, _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    guard let entry else {
      var range = args.range
      if let r = range { range = SourceRange(r.start, r.start + className.count) }
      throw Self.unknownClass(className, at: range)
    }
    // The arguments copied only to be changed (a copy retains each value).
    var changed: PyArguments?
    if let policy = globalPolicy, !args.keywords.contains(where: { $0.name == "dtype" }) {
      changed = args
      changed?.keywords.append((name: "dtype", value: .str(policy), range: nil))
    }
    // A Lambda's function is never run: its name stands for it.
    if className == "Lambda", let first = args.positional.first, case .object(let f) = first.value,
      f.typeName == "function"
    {
      let name = (f as? PyFunction)?.name ?? "f"
      if changed == nil { changed = args }
      changed?.positional[0].value = .str("<function \(name)>")
    }
    let (arguments, ranges) = try arguments(
      changed ?? args, interpreter, signature: entry.signature)
    do {
      let l = try evaluator.construct(
        className, entry: entry, arguments, ranges: ranges, at: args.range)
      return .object(layer(l))
    } catch {
      throw raise(error, at: args.range)
    }
  }

  static func unknownClass(_ name: String, at range: SourceRange?) -> PyError {
    if let why = Catalog.opaque[name] {
      return PyError(
        "NotImplementedError",
        "\(name) cannot be shape-inferred: \(why), and kshape never runs code", at: range,
        hint: name == "Lambda"
          ? "give Lambda an output_shape=..., or use a layer with the same output shape"
          : "replace it with the Keras layers it computes, or with a layer of the same output "
            + "shape")
    }
    return PyError(
      "AttributeError", "module 'keras.layers' has no attribute '\(name)'", at: range,
      hint: nearest(name, in: Catalog.allNames).map { "did you mean '\($0)'?" })
  }

  /// `layer(x)`, `layer([a, b])`, `mha(q, v, return_attention_scores=True)`.
  func callLayer(_ l: Int, _ args: PyArguments, _ interpreter: Interpreter) throws(PyError)
    -> PyValue
  {
    guard !args.positional.isEmpty || !args.keywords.isEmpty else {
      throw PyError(
        "TypeError",
        "\(graph.layers[l].className).call() missing 1 required positional argument: 'inputs'",
        at: args.range, hint: "call the layer on a tensor: layer(x)")
    }
    // `layer(x)`, the plain call: what the general path below gives it (one tensor, with its
    // written form), without making the arrays of call values it would take apart again.
    if args.keywords.isEmpty, args.positional.count == 1, let t = tensorID(args.positional[0].value)
    {
      do {
        // (No written form: one input is one tensor, as written; `LayerCall.site`.)
        let effect = try evaluator.call(
          l, on: .single(graph.tensors[t].type), inputs: graph.oneTensor(t), args.range)
        guard case .called(_, let outs) = effect else { return .none }
        return outputs(outs)
      } catch {
        throw raise(error, at: args.range)
      }
    }
    // Each array made once at its size (a call has an argument or two).
    var positional: [CallValue] = []
    positional.reserveCapacity(args.positional.count)
    var keywords: [(String, CallValue)] = []
    var site = CallSite(positional: [])
    site.positional.reserveCapacity(args.positional.count)
    // (Room for no keywords is asked only when there are some: asking for none still costs a
    // call into the array's growth.)
    if !args.keywords.isEmpty {
      keywords.reserveCapacity(args.keywords.count)
      site.keywords.reserveCapacity(args.keywords.count)
    }
    var ids: [Int] = []
    for a in args.positional {
      let (v, written) = try callValue(a.value, interpreter, a.range, tensors: &ids)
      positional.append(v)
      site.positional.append(written)
    }
    for k in args.keywords {
      let (v, written) = try callValue(k.value, interpreter, k.range, tensors: &ids)
      keywords.append((k.name, v))
      site.keywords.append((k.name, written))
    }
    do {
      let effect = try evaluator.call(
        l, positional: positional, keywords: keywords, inputs: ids, args.range, site: site)
      guard case .called(_, let outs) = effect else { return .none }
      return outputs(outs)
    } catch {
      throw raise(error, at: args.range)
    }
  }

  /// kshape's habit: layer `l` written on its own line stacks on tensor `t`. The call
  /// `callLayer` makes for `layer(t)`, without going through Python's arguments (a statement
  /// of a script of layers makes one). Its value only says a call was made: None rather than
  /// the outputs' Python objects, which are made when a program first reads them (`_`, a name),
  /// not for every line; a call with no outputs gives them (an empty tuple is shown).
  func stack(_ l: Int, on t: Int, at range: SourceRange?) throws(PyError) -> PyValue {
    do {
      let effect = try evaluator.call(
        l, on: .single(graph.tensors[t].type), inputs: graph.oneTensor(t), range)
      guard case .called(_, let outs) = effect else { return .none }
      return outs.isEmpty ? outputs(outs) : .none
    } catch {
      throw raise(error, at: range)
    }
  }

  /// A call argument: a tensor, a list of tensors, or a plain value; the tensors it uses are
  /// appended to `tensors`.
  func callValue(
    _ v: PyValue, _ interpreter: Interpreter, _ range: SourceRange?, tensors: inout [Int]
  ) throws(PyError) -> (CallValue, CallSite.Argument) {
    if let t = tensorID(v) {
      tensors.append(t)
      return (.tensor(graph.tensors[t].type), .tensor(t))
    }
    var items: [PyValue]?
    switch v {
    case .tuple(let xs): items = xs
    case .list(let l): items = l.items
    default: break
    }
    if let items, !items.isEmpty, items.allSatisfy({ tensorID($0) != nil }) {
      let ids = items.compactMap(tensorID)
      tensors += ids
      return (.tensors(ids.map { graph.tensors[$0].type }), .tensors(ids))
    }
    if case .object(let o) = v, let layer = o as? LayerObject {
      throw PyError(
        "TypeError", "'\(layer.node.name)' is a layer (\(layer.node.className)), not a tensor",
        at: range, hint: "call a layer on a tensor to get one: y = layer(x)")
    }
    if let items,
      let l = items.lazy.compactMap({ v -> LayerObject? in
        if case .object(let o) = v { return o as? LayerObject } else { return nil }
      }).first
    {
      throw PyError(
        "TypeError", "'\(l.node.name)' is a layer (\(l.node.className)), not a tensor", at: range,
        hint: "call a layer on a tensor to get one: y = layer(x)")
    }
    if let items, items.contains(where: { tensorID($0) != nil }) {
      throw PyError(
        "TypeError", "a list of tensors for a layer call may hold only tensors", at: range)
    }
    let value = try value(v, interpreter, range: range)
    return (.value(value), .value(value))
  }

  func tensorID(_ v: PyValue) -> Int? {
    if case .object(let o) = v, let t = o as? TensorObject, t.host === self { return t.id }
    return nil
  }
}

// MARK: - Inputs

extension KerasHost {
  /// `keras.Input(shape, batch_size=None, dtype=None, sparse=None, batch_shape=None, name=None)`.
  func makeInput(_ args: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    let params = Evaluator.inputSignature.parameters.map(\.name)
    var given: [String: (PyValue, SourceRange?)] = [:]
    for (i, a) in args.positional.enumerated() {
      guard i < params.count else {
        throw PyError(
          "TypeError",
          "Input() takes from 0 to \(params.count) positional arguments but "
            + "\(args.positional.count) were given", at: a.range ?? args.range)
      }
      given[params[i]] = (a.value, a.range)
    }
    for k in args.keywords {
      guard params.contains(k.name) || k.name == "input_tensor" else {
        throw PyError(
          "TypeError", "Input() got an unexpected keyword argument '\(k.name)'",
          at: k.range ?? args.range,
          hint: nearest(k.name, in: params).map { "did you mean '\($0)'?" })
      }
      given[k.name] = (k.value, k.range)
    }
    func dims(_ v: PyValue, _ r: SourceRange?) throws(PyError) -> [DeclaredDim] {
      var items: [PyValue]
      switch v {
      case .tuple(let xs): items = xs
      case .list(let l): items = l.items
      case .int, .none: items = [v]
      default:
        throw PyError(
          "ValueError", "a shape is a tuple of sizes such as (None, None, 3)", at: r ?? args.range)
      }
      var out: [DeclaredDim] = []
      for item in items {
        switch item {
        case .int(let n) where n >= 0: out.append(.known(n))
        case .none: out.append(.unknown)
        default:
          throw PyError(
            "ValueError",
            "Cannot convert '\(interpreter.repr(v))' to a shape: a dimension is an int >= 0 or None",
            at: r ?? args.range)
        }
      }
      return out
    }
    var batch: DeclaredDim = .unknown
    var declared: [DeclaredDim]
    if let (b, r) = given["batch_shape"], b.isNotNone {
      let all = try dims(b, r)
      guard let first = all.first else {
        throw PyError("ValueError", "batch_shape must include the batch dim", at: r)
      }
      batch = first
      declared = Array(all.dropFirst())
    } else if let (s, r) = given["shape"], s.isNotNone {
      declared = try dims(s, r)
    } else {
      throw PyError(
        "ValueError", "You must pass a `shape` argument.", at: args.range,
        hint: "for images of any size: Input((None, None, 3)); for sequences: Input((None, 16))")
    }
    if let (b, r) = given["batch_size"] {
      switch b {
      case .int(let n) where n > 0: batch = .known(n)
      case .none: break
      default: throw PyError("ValueError", "batch_size must be a positive int or None", at: r)
      }
    }
    var dtype = DType.float32
    if let (d, r) = given["dtype"], d.isNotNone {
      guard case .str(let s) = d, let t = DType(s) else {
        var hint: String?
        if case .str(let s) = d, let near = nearest(s, in: DType.all) {
          hint = "did you mean '\(near)'?"
        }
        throw PyError("ValueError", "Invalid dtype: \(interpreter.repr(d))", at: r, hint: hint)
      }
      dtype = t
    }
    var name: String?
    if let (n, r) = given["name"], n.isNotNone {
      guard case .str(let s) = n else { throw PyError("TypeError", "name must be a string", at: r) }
      name = s
    }
    do {
      let t = try evaluator.addInput(
        batch: batch, declared: declared, dtype: dtype, name: name, at: args.range)
      return .object(tensor(t))
    } catch {
      throw raise(error, at: args.range)
    }
  }
}

extension PyValue {
  var isNotNone: Bool {
    if case .none = self { return false }
    return true
  }
}
