/// A JSON document as Keras writes it: objects keep their keys in file order (a config's layers
/// and arguments read back in the order Keras wrote them), and numbers keep whether they were
/// written as integers.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  /// Keys in file order; a repeated key keeps its last value, as Python's json does.
  case object([JSONMember])

  /// The value under `key` of an object; nil for a missing key or a non-object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    // Lengths compared before texts (comparing two different strings costs more than two
    // ints), where equal keys have equal lengths: an ASCII key without 'K', ';' or '`' equals
    // only its own bytes (no other text is canonically equivalent to it; the Kelvin sign is 'K').
    let count = key.utf8.count
    var plain = true
    for b in key.utf8 where b >= 0x80 || b == 0x4B || b == 0x3B || b == 0x60 {
      plain = false
      break
    }
    guard plain else { return members.last(where: { $0.key == key })?.value }
    return members.last(where: { $0.key.utf8.count == count && $0.key == key })?.value
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var intValue: Int? {
    if case .int(let i) = self { return i }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var objectValue: [JSONMember]? {
    if case .object(let o) = self { return o }
    return nil
  }

  public var isNull: Bool { self == .null }

  /// What kind of value it is, for messages: "an object", "a string".
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a bool"
    case .int: return "an int"
    case .double: return "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "an object"
    }
  }
}

/// One `"key": value` of an object.
public struct JSONMember: Hashable, Sendable {
  public var key: String
  public var value: JSONValue
  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
