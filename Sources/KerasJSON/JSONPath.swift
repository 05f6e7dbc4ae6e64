/// Where a value stands in a document, for messages: `$.config.layers[3].inbound_nodes[0]`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
  public enum Component: Hashable, Sendable {
    case key(String)
    case index(Int)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) { self.components = components }

  public static let root = JSONPath()

  public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
  public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }
  public static func + (p: JSONPath, key: String) -> JSONPath { p.appending(key) }
  public static func + (p: JSONPath, index: Int) -> JSONPath { p.appending(index) }

  public var description: String {
    var s = "$"
    for c in components {
      switch c {
      case .key(let k):
        let plain = !k.isEmpty && k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        s += plain ? "." + k : "[\"" + k + "\"]"
      case .index(let i): s += "[\(i)]"
      }
    }
    return s
  }
}
