import LayerCatalog
import StatementLanguage

extension Evaluator {
  /// Turns an argument expression into a value: literals, and layers written as arguments
  /// (`Bidirectional(LSTM(8))`), which are named now, in Python's evaluation order.
  mutating func argumentValue(_ e: Expr) throws(EngineError) -> Value {
    switch e {
    case .int(let i, _): return .int(i)
    case .float(let d, _): return .float(d)
    case .string(let s, _): return .string(s)
    case .bool(let b, _): return .bool(b)
    case .none: return .none
    case .tuple(let items, _):
      var out: [Value] = []
      for i in items { out.append(try argumentValue(i)) }
      return .tuple(out)
    case .list(let items, _):
      var out: [Value] = []
      for i in items { out.append(try argumentValue(i)) }
      return .list(out)
    case .name(let parts, let r):
      let name = parts.joined(separator: ".")
      if case .layer(let l)? = graph.bindings[name] {
        throw EngineError(
          "'\(name)' is a layer already in the session; a layer argument must be a new layer",
          at: r, hint: "write the layer itself here: \(graph.layers[l].className)(...)")
      }
      throw EngineError(
        "'\(name)' is a name; layer arguments must be literals or layers", at: r,
        hint: "write the value itself, such as 3, (3, 3), 'same' or None")
    case .call(let c):
      return .layer(try layerArgument(c))
    }
  }

  /// A layer written as an argument: checked now, so an error points at it.
  private mutating func layerArgument(_ c: Call) throws(EngineError) -> LayerArgument {
    guard case .name(let parts, let r) = c.callee, let cls = className(parts) else {
      throw EngineError("only a layer can be written as an argument", at: c.callee.range)
    }
    guard let entry = Catalog.entry(cls) else {
      throw EngineError(
        "unknown layer '\(cls)'", at: r,
        hint: nearest(cls, in: Catalog.allNames).map { "did you mean '\($0)'?" })
    }
    var positional: [Value] = []
    var keywords: [(String, Value)] = []
    for arg in c.arguments {
      let v = try argumentValue(arg.value)
      if let label = arg.label { keywords.append((label, v)) } else { positional.append(v) }
    }
    let arguments = CallArguments(positional: positional, keywords: keywords)
    var name = graph.autoNamePreview(entry.autoNamePrefix)
    if let given = keywords.first(where: { $0.0 == "name" }), case .string(let n) = given.1 {
      name = n
    }
    let argument = LayerArgument(className: cls, arguments: arguments, name: name)
    do {
      _ = try Catalog.build(argument)
    } catch {
      throw EngineError(Diagnostic(error.message, at: c.range, hint: error.hint), className: cls)
    }
    if keywords.first(where: { $0.0 == "name" }) == nil { _ = graph.autoName(entry.autoNamePrefix) }
    return argument
  }
}

/// Drops Keras's module prefixes: `keras.layers.Conv2D`, `layers.Conv2D`, `keras.Input` -> the last name.
func className(_ parts: [String]) -> String? {
  let prefixes: [[String]] = [["keras", "layers"], ["layers"], ["keras"], []]
  for p in prefixes where parts.count == p.count + 1 && Array(parts.prefix(p.count)) == p {
    return parts.last
  }
  return nil
}
