import LayerCatalog
import StatementLanguage

/// Turns the literal part of an expression into an argument value; names and calls are not values.
func literalValue(_ e: Expr) throws(EngineError) -> Value {
  switch e {
  case .int(let i, _): return .int(i)
  case .float(let d, _): return .float(d)
  case .string(let s, _): return .string(s)
  case .bool(let b, _): return .bool(b)
  case .none: return .none
  case .tuple(let items, _):
    var out: [Value] = []
    for i in items { out.append(try literalValue(i)) }
    return .tuple(out)
  case .list(let items, _):
    var out: [Value] = []
    for i in items { out.append(try literalValue(i)) }
    return .list(out)
  case .name(let parts, let r):
    throw EngineError(
      "'\(parts.joined(separator: "."))' is a name; layer arguments must be literals here",
      at: r, hint: "write the value itself, such as 3, (3, 3), 'same' or None")
  case .call(let c):
    throw EngineError(
      "a call cannot be a layer argument yet", at: c.range,
      hint: "layer arguments that are layers (Bidirectional(LSTM(8))) come with the wider catalog")
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
