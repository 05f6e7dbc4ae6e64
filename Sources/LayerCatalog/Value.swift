/// An argument value as written in a layer call: Python's literals, or a layer (for wrappers).
///
/// Only a layer argument is boxed: the other cases hold an array, a string or a number inline,
/// so making a value (hundreds per imported model) allocates nothing of its own.
public enum Value: Hashable, Sendable {
  case int(Int)
  case float(Double)
  case string(String)
  case bool(Bool)
  case none
  case tuple([Value])
  case list([Value])
  /// A layer written as an argument: `Bidirectional(LSTM(8))`.
  indirect case layer(LayerArgument)
  /// A dict, keys in order: what a saved config holds for initializers, regularizers and
  /// other serialized objects (`{'class_name': 'GlorotUniform', 'config': {...}}`).
  case dict([DictEntry])

  /// Python's repr: `(3, 3)`, `'same'`, `None`, `True`.
  public var pythonRepr: String {
    switch self {
    case .int(let i): return String(i)
    case .float(let d): return d == d.rounded() && abs(d) < 1e16 ? String(format1: d) : String(d)
    case .string(let s):
      return "'" + s.replacingOccurrences("\\", "\\\\").replacingOccurrences("'", "\\'") + "'"
    case .bool(let b): return b ? "True" : "False"
    case .none: return "None"
    case .tuple(let items):
      return items.count == 1
        ? "(\(items[0].pythonRepr),)" : "(" + items.map(\.pythonRepr).joined(separator: ", ") + ")"
    case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
    case .layer(let l): return "<\(l.className) name=\(l.name)>"
    case .dict(let entries):
      return "{"
        + entries.map { Value.string($0.key).pythonRepr + ": " + $0.value.pythonRepr }
        .joined(separator: ", ") + "}"
    }
  }

  /// What kind of value it is, for messages: "an int", "a string".
  public var kindDescription: String {
    switch self {
    case .int: return "an int"
    case .float: return "a float"
    case .string: return "a string"
    case .bool: return "a bool"
    case .none: return "None"
    case .tuple: return "a tuple"
    case .list: return "a list"
    case .layer(let l): return "a layer (\(l.className))"
    case .dict: return "a dict"
    }
  }

  /// The items of a tuple or list.
  public var items: [Value]? {
    switch self {
    case .tuple(let v), .list(let v): return v
    default: return nil
    }
  }
}

/// Python's view of argument values, for layers whose Keras validation is plain Python.
extension Value {
  /// The value as Python arithmetic sees it: ints, floats and bools (True is 1).
  var number: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  /// The value when `isinstance(v, int)` holds: ints and bools.
  var pythonInt: Int? {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  /// Python's `bool(v)`.
  public var isTruthy: Bool {
    switch self {
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .bool(let b): return b
    case .string(let s): return !s.isEmpty
    case .none: return false
    case .tuple(let xs), .list(let xs): return !xs.isEmpty
    case .layer: return true
    case .dict(let entries): return !entries.isEmpty
    }
  }

  /// Python's `str(v)`: a string without quotes, anything else as its repr.
  var pythonStr: String {
    if case .string(let s) = self { return s }
    return pythonRepr
  }

  /// Python's type name, for TypeError messages.
  public var pythonTypeName: String {
    switch self {
    case .int: return "int"
    case .float: return "float"
    case .bool: return "bool"
    case .string: return "str"
    case .none: return "NoneType"
    case .tuple: return "tuple"
    case .list: return "list"
    case .layer(let l): return l.className
    case .dict: return "dict"
    }
  }
}

/// One `key: value` of a dict value.
public struct DictEntry: Hashable, Sendable {
  public var key: String
  public var value: Value
  public init(_ key: String, _ value: Value) {
    self.key = key
    self.value = value
  }
}

extension Value {
  /// The value under `key` of a dict.
  public subscript(key: String) -> Value? {
    guard case .dict(let entries) = self else { return nil }
    return entries.last(where: { $0.key == key })?.value
  }
}

/// A layer given as an argument to another (a wrapper's or an RNN's): its class, its own
/// arguments, and the name the session gave it when it was written.
public struct LayerArgument: Hashable, Sendable {
  public var className: String
  public var arguments: CallArguments
  public var name: String
  /// A layer already made, for classes the catalog does not build (a model read from a saved
  /// config, wrapped in `TimeDistributed`); compared by class and name only.
  public var prebuilt: (any Layer)?

  public init(
    className: String, arguments: CallArguments, name: String, prebuilt: (any Layer)? = nil
  ) {
    self.className = className
    self.arguments = arguments
    self.name = name
    self.prebuilt = prebuilt
  }

  public static func == (a: LayerArgument, b: LayerArgument) -> Bool {
    a.className == b.className && a.arguments == b.arguments && a.name == b.name
      && (a.prebuilt == nil) == (b.prebuilt == nil)
  }

  public func hash(into h: inout Hasher) {
    h.combine(className)
    h.combine(arguments)
    h.combine(name)
  }
}

extension String {
  /// `1.0` for a whole double, as Python prints it.
  init(format1 d: Double) { self = String(Int(d)) + ".0" }

  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
