import KerasJSON

/// A command's answer that is a report rather than a graph (`rules`, `solve`, a two-axis
/// `scan`, `diff`): its text for people and its JSON document (`"kind"` and `"report"` in the
/// JSON line).
public struct Report: Sendable {
  public var kind: String
  public var text: String
  public var json: JSONValue
  public init(kind: String, text: String, json: JSONValue) {
    self.kind = kind
    self.text = text
    self.json = json
  }
}

extension JSONValue {
  /// An object from key-value pairs, in order.
  static func fields(_ pairs: [(String, JSONValue)]) -> JSONValue {
    .object(pairs.map { JSONMember($0.0, $0.1) })
  }
}

extension JSONValue {
  /// One line with no spaces, as the JSON lines' own fields are written.
  public var minified: String {
    switch self {
    case .array(let a): return "[" + a.map(\.minified).joined(separator: ",") + "]"
    case .object(let o):
      return "{"
        + o.map { JSONValue.string($0.key).compactText + ":" + $0.value.minified }
        .joined(separator: ",") + "}"
    default: return compactText
    }
  }
}
