/// One constructor parameter: its Keras name and default (nil when required).
public struct Parameter: Hashable, Sendable {
  public var name: String
  public var defaultValue: Value?
  public init(_ name: String, _ defaultValue: Value? = nil) {
    self.name = name
    self.defaultValue = defaultValue
  }
}

/// A layer constructor's signature, in Keras's positional order.
public struct Signature: Hashable, Sendable {
  public var parameters: [Parameter]
  /// Keywords a class takes through `**kwargs` besides the Layer ones: popped by the constructor
  /// itself (Embedding's deprecated `input_length`) or handed to its own base class (image
  /// preprocessing layers pass `data_format` and `bounding_box_format` on). Accepted, but not
  /// in Keras's signature.
  public var extraKeywords: [Parameter]
  /// False for a constructor without **kwargs (SpatialDropout2D takes only its own names).
  public var takesBaseKeywords: Bool
  /// True for a constructor that takes **kwargs and drops them unread (HashedCrossing): any
  /// keyword is accepted and ignored, as Python does.
  public var ignoresUnknownKeywords: Bool

  public init(
    _ parameters: [Parameter], extraKeywords: [Parameter] = [], takesBaseKeywords: Bool = true,
    ignoresUnknownKeywords: Bool = false
  ) {
    self.parameters = parameters
    self.extraKeywords = extraKeywords
    self.takesBaseKeywords = takesBaseKeywords
    self.ignoresUnknownKeywords = ignoresUnknownKeywords
  }

  /// The keyword arguments every Keras layer accepts (Layer.__init__ and its allowed **kwargs;
  /// Keras 3.15 refuses `batch_size`, `batch_input_shape` and `weights` there).
  public static let baseKeywords: [Parameter] = [
    Parameter("name", Value.none), Parameter("dtype", Value.none),
    Parameter("trainable", .bool(true)), Parameter("autocast", .bool(true)),
    Parameter("activity_regularizer", Value.none), Parameter("input_shape", Value.none),
    Parameter("input_dim", Value.none),
  ]
}

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
public struct BoundArguments: Sendable {
  public let layer: String
  private var values: [String: Value]
  /// The parameters the user gave explicitly.
  public private(set) var given: Set<String>

  /// Binds positionals in order, then keywords; rejects what Python would reject.
  public init(layer: String, signature: Signature, arguments: CallArguments) throws(LayerError) {
    self.layer = layer
    values = [:]
    given = []
    let own = signature.parameters
    guard arguments.positional.count <= own.count else {
      throw LayerError(
        "\(layer)() takes at most \(own.count) positional arguments "
          + "(\(own.prefix(4).map(\.name).joined(separator: ", "))\(own.count > 4 ? ", ..." : "")) "
          + "but \(arguments.positional.count) were given")
    }
    for (p, v) in zip(own, arguments.positional) {
      values[p.name] = v
      given.insert(p.name)
    }
    let extra =
      signature.extraKeywords + (signature.takesBaseKeywords ? Signature.baseKeywords : [])
    let all = own + extra.filter { b in !own.contains { $0.name == b.name } }
    for (key, v) in arguments.keywords {
      guard all.contains(where: { $0.name == key }) || signature.ignoresUnknownKeywords else {
        let suggestion = closestArgument(key, in: all.map(\.name)).map { "did you mean '\($0)'?" }
        throw LayerError(
          "\(layer) has no argument '\(key)'", argument: key,
          hint: suggestion ?? "its arguments are: \(own.map(\.name).joined(separator: ", "))")
      }
      guard !given.contains(key) else {
        throw LayerError("\(layer) got multiple values for argument '\(key)'", argument: key)
      }
      values[key] = v
      given.insert(key)
    }
    for p in all where values[p.name] == nil {
      guard let d = p.defaultValue else {
        throw LayerError("\(layer) is missing its required argument '\(p.name)'")
      }
      values[p.name] = d
    }
  }

  /// The value bound to a parameter (its default when not given).
  public subscript(_ name: String) -> Value { values[name] ?? .none }

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
