import StatementLanguage

/// Where each argument of a constructor call stands in the source, by parameter name: what a
/// caret under an argument's error reads. A line gives a few arguments, so they are kept in the
/// order written and searched from the end (a later one of the same name wins, as it did in a
/// dictionary) rather than hashed into a dictionary per layer; the first is held inline, so a
/// call of one argument (`Dense(8)`) allocates nothing for its ranges.
struct ArgumentRanges: Sendable {
  private var first: (name: String, range: SourceRange)?
  private var rest: [(name: String, range: SourceRange)] = []

  init() {}

  /// Room for `count` ranges, so that recording them grows nothing.
  init(capacity count: Int) {
    if count > 1 { rest.reserveCapacity(count - 1) }
  }

  var isEmpty: Bool { first == nil }

  /// The range recorded last for `name`; setting one records it.
  subscript(_ name: String) -> SourceRange? {
    get {
      if let r = rest.last(where: { $0.name == name }) { return r.range }
      return first?.name == name ? first?.range : nil
    }
    set {
      // A new name (every argument of a valid call) is added in place.
      let present = first?.name == name || rest.contains { $0.name == name }
      if !present {
        guard let newValue else { return }
        if first == nil { first = (name, newValue) } else { rest.append((name, newValue)) }
        return
      }
      var all = (first.map { [$0] } ?? []) + rest
      all.removeAll { $0.name == name }
      if let newValue { all.append((name, newValue)) }
      first = all.first
      rest = Array(all.dropFirst())
    }
  }
}
