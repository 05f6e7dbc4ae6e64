/// Arguments as written in a call: positional values then keyword values, in order.
public struct CallArguments: Hashable, Sendable {
  public var positional: [Value]
  public var keywords: [(String, Value)]
  public init(positional: [Value] = [], keywords: [(String, Value)] = []) {
    self.positional = positional
    self.keywords = keywords
  }
  public static func == (a: CallArguments, b: CallArguments) -> Bool {
    a.positional == b.positional && a.keywords.map(\.0) == b.keywords.map(\.0)
      && a.keywords.map(\.1) == b.keywords.map(\.1)
  }
  public func hash(into h: inout Hasher) {
    h.combine(positional)
    for (k, v) in keywords {
      h.combine(k)
      h.combine(v)
    }
  }
}

/// A call's arguments matched to a signature: every parameter has a value.
///
/// Values sit in slots, one per parameter in binding order (the signature's own, its extra
/// keywords, the base keywords); a name is found by scanning that order, so a name listed twice
/// binds at its first place. The scan compares each parameter's key (`Parameter.nameKey`, made
/// with the signature) before its text: cheaper than hashing every name into a dictionary per
/// layer (an import binds hundreds of layers, each reading ~30 names).
public struct BoundArguments: Sendable {
  public let layer: String
  private let signature: Signature
  /// The value given for each slot up to the last one given; nil where the parameter keeps its
  /// default (a slot past the end keeps it too: `Dense(8)` holds one slot, not one per
  /// parameter).
  private var values: [Value?]
  /// A call of positional arguments alone (`Dense(8)`): its values, the call's own array, in
  /// slots 0 up (`values` is then empty: binding them allocates nothing).
  private var positional: [Value] = []
  /// The number of slots: own parameters, extra keywords, then base keywords.
  private let slotCount: Int
  /// Keywords a signature that ignores unknown keywords was given, in order.
  private var ignored: [(String, Value)] = []

  /// The parameters the user gave explicitly.
  public var given: Set<String> {
    var names = Set(ignored.map(\.0))
    for slot in positional.indices { names.insert(parameter(slot).name) }
    for slot in values.indices where values[slot] != nil { names.insert(parameter(slot).name) }
    return names
  }

  /// Binds positionals in order, then keywords; rejects what Python would reject.
  public init(layer: String, signature: Signature, arguments: CallArguments) throws(LayerError) {
    self.layer = layer
    self.signature = signature
    let own = signature.parameters
    guard arguments.positional.count <= own.count else {
      throw LayerError(
        "\(layer)() takes at most \(own.count) positional arguments "
          + "(\(own.prefix(4).map(\.name).joined(separator: ", "))\(own.count > 4 ? ", ..." : "")) "
          + "but \(arguments.positional.count) were given")
    }
    slotCount =
      own.count + signature.extraKeywords.count
      + (signature.takesBaseKeywords ? Signature.baseKeywords.count : 0)
    // Positionals alone are the call's own array (no allocation); with keywords, one allocation
    // of room for every slot a keyword may reach (slots are filled only up to the last one
    // given, so an unset tail is neither written nor freed).
    values = []
    if arguments.keywords.isEmpty {
      positional = arguments.positional
    } else {
      values.reserveCapacity(slotCount)
      for v in arguments.positional { values.append(v) }
    }
    // Saved configs list keywords in the signature's order: each search starts after the last
    // one found among the class's own parameters.
    var hint = 0
    for (key, v) in arguments.keywords {
      guard let slot = slot(of: key, from: hint) else {
        guard signature.ignoresUnknownKeywords else {
          let all = allNames
          let suggestion = closestArgument(key, in: all).map { "did you mean '\($0)'?" }
          throw LayerError(
            "\(layer) has no argument '\(key)'", argument: key,
            hint: suggestion ?? "its arguments are: \(own.map(\.name).joined(separator: ", "))")
        }
        guard !ignored.contains(where: { $0.0 == key }) else {
          throw LayerError("\(layer) got multiple values for argument '\(key)'", argument: key)
        }
        ignored.append((key, v))
        continue
      }
      guard value(at: slot) == nil else {
        throw LayerError("\(layer) got multiple values for argument '\(key)'", argument: key)
      }
      if slot >= values.count {
        values.append(contentsOf: repeatElement(nil, count: slot + 1 - values.count))
      }
      values[slot] = v
      if slot < own.count { hint = slot + 1 }
    }
    for slot in 0..<slotCount where isRequired(slot) && value(at: slot) == nil {
      let name = parameter(slot).name
      // A keyword that repeats one of the signature's own names binds there.
      guard slot < own.count || !own.contains(where: { $0.name == name }) else { continue }
      throw LayerError("\(layer) is missing its required argument '\(name)'")
    }
  }

  /// The value given for a slot, nil where it keeps its default.
  private func value(at slot: Int) -> Value? {
    if slot < positional.count { return positional[slot] }
    return slot < values.count ? values[slot] : nil
  }

  /// The parameter of a slot: own, then extra keywords, then base keywords.
  private func parameter(_ slot: Int) -> Parameter { read(slot) { $0 } }

  /// The first slot of a parameter named `name`. The class's own parameters are searched from
  /// `start` round to it (their names are distinct, so where the search starts does not change
  /// what it finds), then the extra and base keywords in order.
  private func slot(of name: String, from start: Int = 0) -> Int? {
    let key = Parameter.nameKey(name)
    let own = signature.parameters
    let found = own.withUnsafeBufferPointer { own -> Int? in
      guard !own.isEmpty else { return nil }
      var i = start < own.count ? start : 0
      for _ in 0..<own.count {
        if own[i].key == key, own[i].name == name { return i }
        i = i + 1 == own.count ? 0 : i + 1
      }
      return nil
    }
    if let found { return found }
    return laterSlot(key: key, name: name)
  }

  /// The first slot among the extra and base keywords whose name is `name` (key `key`).
  private func laterSlot(key: UInt32, name: String) -> Int? {
    let own = signature.parameters.count
    let extra = signature.extraKeywords.withUnsafeBufferPointer { extra -> Int? in
      extra.indices.first { extra[$0].key == key && extra[$0].name == name }
    }
    if let extra { return own + extra }
    guard signature.takesBaseKeywords else { return nil }
    return Signature.baseKeywords.withUnsafeBufferPointer { base -> Int? in
      base.indices.first { base[$0].key == key && base[$0].name == name }
    }.map { own + signature.extraKeywords.count + $0 }
  }

  /// Slot `slot`'s parameter (own, then extra keywords, then base keywords), read in place:
  /// `field` is given the array's element, not a copy of the parameter.
  private func read<T>(_ slot: Int, _ field: (Parameter) -> T) -> T {
    let own = signature.parameters.count
    if slot < own { return field(signature.parameters[slot]) }
    let extra = signature.extraKeywords.count
    if slot < own + extra { return field(signature.extraKeywords[slot - own]) }
    return field(Signature.baseKeywords[slot - own - extra])
  }

  private func isRequired(_ slot: Int) -> Bool { read(slot) { $0.isRequired } }
  private func parameter(named slot: Int) -> String { read(slot) { $0.name } }
  private func defaultValue(_ slot: Int) -> Value? { read(slot) { $0.defaultValue } }

  /// Every name the signature binds, in binding order, for "did you mean".
  private var allNames: [String] {
    let own = signature.parameters.map(\.name)
    let extra =
      signature.extraKeywords + (signature.takesBaseKeywords ? Signature.baseKeywords : [])
    return own + extra.map(\.name).filter { !own.contains($0) }
  }

  /// The value bound to a parameter (its default when not given).
  public subscript(_ name: String) -> Value {
    guard let slot = slot(of: name) else { return ignored.first { $0.0 == name }?.1 ?? .none }
    return value(at: slot) ?? defaultValue(slot) ?? .none
  }

  /// `self[k.name]` for one of the Layer keywords every construction reads, by its slot.
  public subscript(base k: Signature.BaseKeyword) -> Value {
    // The slot `self[name]` finds, found once with the signature (`Signature.baseSlot`).
    guard let slot = signature.baseSlot(k) else {
      return self[Signature.baseKeywords[k.rawValue].name]
    }
    return value(at: slot) ?? defaultValue(slot) ?? .none
  }

  /// Whether the call gave `name` (not its default).
  public func isGiven(_ name: String) -> Bool {
    guard let slot = slot(of: name) else { return ignored.contains { $0.0 == name } }
    return value(at: slot) != nil
  }

  func typeError(_ name: String, _ expected: String) -> LayerError {
    LayerError(
      "\(layer): '\(name)' must be \(expected). Received: \(name)=\(self[name].pythonRepr)",
      argument: name)
  }

  /// An int; a bool counts as 0 or 1, since Python's bool is an int.
  public func int(_ name: String) throws(LayerError) -> Int {
    switch self[name] {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: throw typeError(name, "an int")
    }
  }

  public func optionalInt(_ name: String) throws(LayerError) -> Int? {
    if case .none = self[name] { return nil }
    return try int(name)
  }

  public func bool(_ name: String) throws(LayerError) -> Bool {
    switch self[name] {
    case .bool(let b): return b
    case .int(let i) where i == 0 || i == 1: return i == 1
    default: throw typeError(name, "True or False")
    }
  }

  public func double(_ name: String) throws(LayerError) -> Double {
    switch self[name] {
    case .float(let d): return d
    case .int(let i): return Double(i)
    default: throw typeError(name, "a number")
    }
  }

  public func optionalDouble(_ name: String) throws(LayerError) -> Double? {
    if case .none = self[name] { return nil }
    return try double(name)
  }

  public func string(_ name: String) throws(LayerError) -> String {
    guard case .string(let s) = self[name] else { throw typeError(name, "a string") }
    return s
  }

  public func optionalString(_ name: String) throws(LayerError) -> String? {
    if case .none = self[name] { return nil }
    return try string(name)
  }

  /// A string from a fixed set, lower-cased as Keras does (`'SAME'` is `'same'`).
  public func choice(_ name: String, _ allowed: [String]) throws(LayerError) -> String {
    let s = try string(name).lowercased()
    guard allowed.contains(s) else {
      throw LayerError(
        "\(layer): '\(name)' must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")). "
          + "Received: \(name)=\(self[name].pythonRepr)",
        argument: name, hint: nearest(s, in: allowed).map { "did you mean '\($0)'?" })
    }
    return s
  }

  /// An int or a tuple/list of `rank` ints, as Keras's `standardize_tuple`.
  public func ints(_ name: String, rank: Int) throws(LayerError) -> [Int] {
    switch self[name] {
    case .int(let i): return Array(repeating: i, count: rank)
    case .bool(let b): return Array(repeating: b ? 1 : 0, count: rank)
    case .tuple(let items), .list(let items):
      var out: [Int] = []
      out.reserveCapacity(items.count)
      for item in items {
        if case .bool(let b) = item {
          out.append(b ? 1 : 0)
          continue
        }
        guard case .int(let i) = item else {
          throw typeError(name, "an int or a tuple of \(rank) ints")
        }
        out.append(i)
      }
      guard out.count == rank else {
        throw LayerError(
          "\(layer): the `\(name)` argument must be a tuple of \(rank) integers. "
            + "Received \(name)=\(self[name].pythonRepr)", argument: name)
      }
      return out
    default:
      throw typeError(name, "an int or a tuple of \(rank) ints")
    }
  }

  /// `ints` with Keras's check that every value is positive (or non-negative).
  public func positiveInts(_ name: String, rank: Int, allowZero: Bool = false) throws(LayerError)
    -> [Int]
  {
    let v = try ints(name, rank: rank)
    if v.contains(where: { allowZero ? $0 < 0 : $0 <= 0 }) {
      throw LayerError(
        "\(layer): the `\(name)` argument must be a tuple of \(rank) integers, all "
          + (allowZero ? "non-negative" : "positive")
          + ". Received \(name)=\(self[name].pythonRepr)",
        argument: name)
    }
    return v
  }
}

/// The argument someone meant by `key`: one it abbreviates (`kernel` for `kernel_size`, `pool`
/// for `pool_size`), else the nearest by edit distance.
func closestArgument(_ key: String, in names: [String]) -> String? {
  let lower = key.lowercased()
  let parts = names.filter { name in
    name.hasPrefix(lower + "_") || name.split(separator: "_").first.map(String.init) == lower
  }
  if parts.count == 1 { return parts[0] }
  return nearest(key, in: names) ?? parts.first
}
