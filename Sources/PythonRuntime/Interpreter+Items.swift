import StatementLanguage

/// Attributes, subscripts, item assignment and deletion, for plain values and host objects.
extension Interpreter {
  // MARK: - Attributes and items

  /// `value.name`.
  public func attribute(_ value: PyValue, _ name: String, _ range: SourceRange?) throws(PyError)
    -> PyValue
  {
    var names: [String] = []
    if case .object(let o) = value {
      let found: PyValue?
      do throws(PyError) {
        found = try o.attribute(name, self)
      } catch {
        throw located(error, range)
      }
      if let found { return found }
      names = o.attributeNames
      if let module = o as? PyModule {
        throw PyError(
          "AttributeError", "module '\(module.name)' has no attribute '\(name)'", at: range,
          hint: Suggestion.closest(to: name, in: names).map { "Did you mean: '\($0)'?" })
      }
    } else if let method = Methods.method(value, name, self) {
      return method
    } else {
      names = Methods.names(of: value)
    }
    throw PyError(
      "AttributeError", "'\(typeName(of: value))' object has no attribute '\(name)'", at: range,
      hint: Suggestion.closest(to: name, in: names).map { "Did you mean: '\($0)'?" })
  }

  /// `object[key]`.
  public func item(_ object: PyValue, _ key: PyValue, _ range: SourceRange?) throws(PyError)
    -> PyValue
  {
    switch object {
    case .list(let list):
      if let slice = key.asSlice {
        let positions = try slice.positions(count: list.items.count)
        try checkSize(positions.count)
        return .list(PyList(positions.map { list.items[$0] }))
      }
      return list.items[try index(key, count: list.items.count, "list", range)]
    case .tuple(let items):
      if let slice = key.asSlice {
        let positions = try slice.positions(count: items.count)
        try checkSize(positions.count)
        return .tuple(positions.map { items[$0] })
      }
      return items[try index(key, count: items.count, "tuple", range)]
    case .str(let s):
      let view = stringView(s)
      if let slice = key.asSlice {
        return .str(view.string(at: try slice.positions(count: view.count)))
      }
      return .str(view.character(at: try index(key, count: view.count, "string", range)))
    case .dict(let dict):
      try checkHashable(key, range)
      if let value = dict.value(for: key) {
        return value
      }
      throw PyError.keyError(key, repr(key), at: range)
    case .object(let o):
      do throws(PyError) {
        return try o.item(key, self)
      } catch {
        throw located(error, range)
      }
    default:
      throw PyError(
        "TypeError", "'\(typeName(of: object))' object is not subscriptable", at: range)
    }
  }

  /// A sequence index made non-negative and checked.
  func index(_ key: PyValue, count: Int, _ kind: String, _ range: SourceRange?) throws(PyError)
    -> Int
  {
    guard let i = key.asIndex else {
      let what = kind == "string" ? "string" : kind
      throw PyError(
        "TypeError",
        "\(what) indices must be integers or slices, not \(typeName(of: key))", at: range)
    }
    let index = i < 0 ? i &+ count : i
    guard index >= 0 && index < count else {
      throw PyError("IndexError", "\(kind) index out of range", at: range)
    }
    return index
  }

  /// `object[key] = value`.
  func setItem(_ object: PyValue, _ key: PyValue, _ value: PyValue, _ range: SourceRange)
    throws(PyError)
  {
    switch object {
    case .list(let list):
      if let slice = key.asSlice {
        let items = try iterateAll(value, range)
        let (start, stop, step) = try slice.indices(count: list.items.count)
        if step == 1 {
          let end = max(start, stop)
          try checkSize(list.items.count - (end - start) + items.count)
          list.items.replaceSubrange(start..<end, with: items)
          return
        }
        let positions = try slice.positions(count: list.items.count)
        guard positions.count == items.count else {
          throw PyError(
            "ValueError",
            "attempt to assign sequence of size \(items.count) to extended slice of size "
              + "\(positions.count)", at: range)
        }
        for (p, v) in zip(positions, items) { list.items[p] = v }
        return
      }
      guard let i = key.asIndex else {
        throw PyError(
          "TypeError", "list indices must be integers or slices, not \(typeName(of: key))",
          at: range)
      }
      let index = i < 0 ? i &+ list.items.count : i
      guard index >= 0 && index < list.items.count else {
        throw PyError("IndexError", "list assignment index out of range", at: range)
      }
      list.items[index] = value
    case .dict(let dict):
      try dictSet(dict, key, value, range)
    case .object(let o):
      do throws(PyError) {
        try o.setItem(key, value, self)
      } catch {
        throw located(error, range)
      }
    default:
      throw PyError(
        "TypeError", "'\(typeName(of: object))' object does not support item assignment",
        at: range)
    }
  }

  func deleteItem(_ object: PyValue, _ key: PyValue, _ range: SourceRange) throws(PyError) {
    switch object {
    case .list(let list):
      if let slice = key.asSlice {
        let positions = Set(try slice.positions(count: list.items.count))
        list.items = list.items.enumerated().filter { !positions.contains($0.offset) }.map(
          \.element)
        return
      }
      list.items.remove(at: try index(key, count: list.items.count, "list", range))
    case .dict(let dict):
      try checkHashable(key, range)
      guard let i = dict.find(key) else {
        throw PyError.keyError(key, repr(key), at: range)
      }
      dict.remove(at: i)
    default:
      throw PyError(
        "TypeError", "'\(typeName(of: object))' object doesn't support item deletion", at: range)
    }
  }

  /// `dict[key] = value`, keeping the first insertion's position.
  public func dictSet(_ dict: PyDict, _ key: PyValue, _ value: PyValue, _ range: SourceRange?)
    throws(PyError)
  {
    try checkHashable(key, range)
    try checkRoom(growing: dict)
    dict.set(key, value)
  }

  func checkHashable(_ key: PyValue, _ range: SourceRange?) throws(PyError) {
    switch key {
    case .list, .dict:
      throw PyError("TypeError", "unhashable type: '\(typeName(of: key))'", at: range)
    case .tuple(let items):
      for item in items { try checkHashable(item, range) }
    case .object(let o) where o is PySet || o is PySlice:
      throw PyError("TypeError", "unhashable type: '\(o.typeName)'", at: range)
    default: break
    }
  }
}
