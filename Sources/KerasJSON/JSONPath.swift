/// Where a value stands in a document, for messages: `$.config.layers[3].inbound_nodes[0]`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
  public enum Component: Hashable, Sendable {
    case key(String)
    case index(Int)
  }

  /// The last component, linked to the path before it: appending makes one node and copies
  /// nothing (a path is made for every layer and call of a config, and read only by messages).
  private final class Link: Sendable {
    let parent: Link?
    let component: Component
    init(_ parent: Link?, _ component: Component) {
      self.parent = parent
      self.component = component
    }
  }
  private var last: Link?

  private init(last: Link?) { self.last = last }

  public init(_ components: [Component] = []) {
    for c in components { last = Link(last, c) }
  }

  public var components: [Component] {
    get {
      var out: [Component] = []
      var link = last
      while let l = link {
        out.append(l.component)
        link = l.parent
      }
      return out.reversed()
    }
    set { self = JSONPath(newValue) }
  }

  public static func == (a: JSONPath, b: JSONPath) -> Bool {
    a.last === b.last || a.components == b.components
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(components) }

  public static let root = JSONPath()

  public func appending(_ key: String) -> JSONPath { JSONPath(last: Link(last, .key(key))) }
  public func appending(_ index: Int) -> JSONPath { JSONPath(last: Link(last, .index(index))) }
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
