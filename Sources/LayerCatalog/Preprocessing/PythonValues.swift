import ShapeCore

// Keras's preprocessing layers validate their arguments with plain Python (`factor < 0`,
// `sorted(value_range)`, `if bin_boundaries:`), so matching where they raise means evaluating a
// few Python operations on literal values: ordering (which raises TypeError across types),
// equality, truthiness and numpy's `np.shape` of nested lists.

/// A few Python operations on argument values, raising where Python raises.
enum Python {
  /// `a == b`: numbers by value, sequences of the same kind item by item, never raises.
  static func equal(_ a: Value, _ b: Value) -> Bool {
    if let x = a.number, let y = b.number { return x == y }
    switch (a, b) {
    case (.string(let x), .string(let y)): return x == y
    case (.none, .none): return true
    case (.tuple(let xs), .tuple(let ys)), (.list(let xs), .list(let ys)):
      return xs.count == ys.count && zip(xs, ys).allSatisfy { equal($0, $1) }
    default: return false
    }
  }

  /// The sign of a - b, or nil where Python's `<` raises TypeError.
  static func order(_ a: Value, _ b: Value) -> Int? {
    if let x = a.number, let y = b.number { return x < y ? -1 : (x > y ? 1 : 0) }
    switch (a, b) {
    case (.string(let x), .string(let y)):
      let (u, v) = (x.unicodeScalars.map(\.value), y.unicodeScalars.map(\.value))
      return u.lexicographicallyPrecedes(v) ? -1 : (u == v ? 0 : 1)
    case (.tuple(let xs), .tuple(let ys)), (.list(let xs), .list(let ys)):
      for (x, y) in zip(xs, ys) where !equal(x, y) { return order(x, y) }
      return xs.count < ys.count ? -1 : (xs.count > ys.count ? 1 : 0)
    default: return nil
    }
  }

  /// `a OP b` for OP in <, <=, >, >=, raising Python's TypeError for unordered types.
  static func compare(_ a: Value, _ op: String, _ b: Value, layer: String, argument: String?)
    throws(LayerError) -> Bool
  {
    guard let s = order(a, b) else {
      throw LayerError(
        "\(layer): '\(op)' not supported between instances of '\(a.pythonTypeName)' and "
          + "'\(b.pythonTypeName)'", argument: argument)
    }
    switch op {
    case "<": return s < 0
    case "<=": return s <= 0
    case ">": return s > 0
    default: return s >= 0
    }
  }

  /// `sorted([a, b])`.
  static func sorted2(_ a: Value, _ b: Value, layer: String, argument: String?)
    throws(LayerError) -> (Value, Value)
  {
    try compare(b, "<", a, layer: layer, argument: argument) ? (b, a) : (a, b)
  }

  /// `np.shape(v)` of a literal: nested lists and tuples must be rectangular.
  static func shape(_ v: Value, layer: String, argument: String) throws(LayerError) -> [Int] {
    guard let items = v.items else { return [] }
    guard let first = items.first else { return [0] }
    let inner = try shape(first, layer: layer, argument: argument)
    for item in items.dropFirst() {
      guard (item.items != nil) == (first.items != nil),
        try shape(item, layer: layer, argument: argument) == inner
      else {
        throw LayerError(
          "\(layer): setting an array element with a sequence. The requested array has an "
            + "inhomogeneous shape. Received: \(argument)=\(v.pythonRepr)", argument: argument)
      }
    }
    return [items.count] + inner
  }

  /// The leaves of a nested literal.
  static func leaves(_ v: Value) -> [Value] {
    v.items.map { $0.flatMap(leaves) } ?? [v]
  }
}

/// One entry of a shape a layer hands to Keras: a computed dim, or an argument used as a size.
enum ShapeEntry {
  case dim(Dim)
  case value(Value)

  var text: String {
    switch self {
    case .dim(let d): return d.kerasDescription
    case .value(let v): return v.pythonRepr
    }
  }
}

/// Keras's `standardize_shape` on an output shape: None stays unknown; ints (and bools) must be
/// >= 0; floats, strings and sequences are not sizes.
func standardizeShape(_ entries: [ShapeEntry], _ c: LayerContext) throws(LayerError) -> [Dim] {
  let text = TensorType.tuple(entries.map(\.text))
  var out: [Dim] = []
  for e in entries {
    switch e {
    case .value(.none): out.append(.unknown)
    case .value(let v):
      guard let i = v.pythonInt else {
        throw LayerError(
          "\(c.name): Cannot convert '\(text)' to a shape. Found invalid dimension "
            + "'\(v.pythonStr)' of type '\(v.pythonTypeName)'.")
      }
      out.append(.known(i))
    case .dim(let d): out.append(d)
    }
    if let v = out.last?.value, v < 0 {
      throw LayerError(
        "\(c.name): Cannot convert '\(text)' to a shape. Negative dimensions are not allowed.")
    }
  }
  return out
}

extension BoundArguments {
  /// Keras's `SeedGenerator(seed)`: None or an int.
  func checkSeed(_ key: String = "seed") throws(LayerError) {
    if self[key] != .none && self[key].pythonInt == nil {
      throw LayerError(
        "\(layer): Argument `seed` must be an integer. Received: seed=\(self[key].pythonRepr)",
        argument: key)
    }
  }

  /// `value not in allowed`, raising as Keras does for a mode it does not support.
  func checkMember(_ key: String, _ allowed: [String], message: String) throws(LayerError) {
    if case .string(let s) = self[key], allowed.contains(s) { return }
    let hint: String? =
      if case .string(let s) = self[key] {
        nearest(s, in: allowed).map { "did you mean '\($0)'?" }
      } else { nil }
    throw LayerError(
      "\(layer): \(message) Received: \(key)=\(self[key].pythonRepr); expected one of "
        + allowed.map { "'\($0)'" }.joined(separator: ", "), argument: key, hint: hint)
  }
}
