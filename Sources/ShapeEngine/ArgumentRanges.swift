import StatementLanguage

/// Where each argument of a constructor call stands in the source, by parameter name: what a
/// caret under an argument's error reads. A line gives a few arguments, so they are kept in the
/// order written and searched from the end (a later one of the same name wins, as it did in a
/// dictionary) rather than hashed into a dictionary per layer.
struct ArgumentRanges: Sendable {
  private var entries: [(name: String, range: SourceRange)] = []

  init() {}

  /// Room for `count` ranges, so that recording them grows nothing.
  init(capacity count: Int) { entries.reserveCapacity(count) }

  var isEmpty: Bool { entries.isEmpty }

  /// The range recorded last for `name`; setting one records it.
  subscript(_ name: String) -> SourceRange? {
    get { entries.last { $0.name == name }?.range }
    set {
      entries.removeAll { $0.name == name }
      if let newValue { entries.append((name, newValue)) }
    }
  }
}
