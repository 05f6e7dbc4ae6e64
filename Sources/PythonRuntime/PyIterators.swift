import StatementLanguage

/// An iterator or a view. A view (`d.items()`) and a generator expression's iterator hold their
/// items, made at once; `map`, `filter`, `zip`, `enumerate`, `reversed` and `iter` of a list make
/// each item when it is read, as Python's do: a function `map` calls runs as the loop reaches
/// it (a layer it makes is made, and named, then), and a list they read is read as it is at
/// that step.
public final class PyIterable: PyObject {
  public typealias Source = (Interpreter) throws(PyError) -> PyValue?
  public let typeName: String
  public let items: [PyValue]
  /// Views (`dict_items([...])`) show their items; iterators show only their kind.
  let isView: Bool
  /// An iterator's next item: it is consumed, as Python's are (`list(z)` twice on one `zip`
  /// gives its pairs, then `[]`); a view is read again each time.
  private var position = 0
  /// A lazy iterator's next item, nil at its end; itself nil once it ended (an iterator that
  /// ended stays ended, whatever its list does after).
  private var source: Source?
  let isLazy: Bool

  public init(typeName: String, items: [PyValue], isView: Bool = false) {
    self.typeName = typeName
    self.items = items
    self.isView = isView
    self.isLazy = false
  }

  public init(typeName: String, source: @escaping Source) {
    self.typeName = typeName
    self.items = []
    self.isView = false
    self.source = source
    self.isLazy = true
  }

  public var repr: String {
    isView
      ? "\(typeName)([\(items.map { PyRepr.repr($0) }.joined(separator: ", "))])"
      : "<\(typeName) object>"
  }
  public var length: Int? { isView ? items.count : nil }
  public var truthy: Bool { isView ? !items.isEmpty : true }
  public func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? {
    if isView { return items }
    if isLazy {
      var out: [PyValue] = []
      while let item = try next(interpreter) {
        try interpreter.step(nil)
        out.append(item)
      }
      return out
    }
    defer { position = items.count }
    return position == 0 ? items : Array(items[position...])
  }

  /// `next(it)`: the next item of an iterator, nil when it is exhausted (or a view).
  func next(_ interpreter: Interpreter) throws(PyError) -> PyValue? {
    if isLazy {
      guard let source else { return nil }
      if let item = try source(interpreter) { return item }
      self.source = nil
      return nil
    }
    guard !isView, position < items.count else { return nil }
    position += 1
    return items[position - 1]
  }
}

extension Interpreter {
  /// Where the current frame stands: a lazy iterator's call is made there (`list(m)`).
  var readingRange: SourceRange? { frames.last?.range }

  /// Python's `iter(value)` as the lazy iterators read it: its items one at a time. A list is
  /// read by index as it is at each step (Python's list iterator), an iterator item by item, a
  /// range by arithmetic; another iterable's items are taken now (a value that is not one
  /// raises now, as `iter()` does).
  func cursor(_ value: PyValue, _ range: SourceRange?) throws(PyError) -> PyIterable.Source {
    switch value {
    case .list(let list):
      var i = 0
      return { _ throws(PyError) in
        guard i < list.items.count else { return nil }
        i += 1
        return list.items[i - 1]
      }
    case .object(let o as PyIterable) where !o.isView:
      return { interpreter throws(PyError) in try o.next(interpreter) }
    case .object(let r as PyRange):
      var i = 0
      let count = r.count
      return { _ throws(PyError) in
        guard i < count else { return nil }
        i += 1
        return .int(r.element(i - 1))
      }
    default:
      let items = try iterateAll(value, range)
      var i = 0
      return { _ throws(PyError) in
        guard i < items.count else { return nil }
        i += 1
        return items[i - 1]
      }
    }
  }
}
