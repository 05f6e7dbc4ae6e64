import StatementLanguage

/// A Python set: distinct items in insertion order (Python's own order differs for some items;
/// kshape shows insertion order), kept as the keys of a dict: found by hash as Python finds
/// them, so building a set of n items, adding to it and `in` cost O(1) an item, not O(n).
public final class PySet: PyObject {
  /// The items as keys (values unused). The dict counts a change to an older set
  /// (`StatementJournal`): it is made with the set.
  private let storage: PyDict
  public var items: [PyValue] { storage.entries.map(\.key) }

  /// A set of `items`, which are distinct and hashable.
  init(_ items: [PyValue]) { storage = PyDict(items.map { (key: $0, value: PyValue.none) }) }

  /// A set of `items`, duplicates (by Python equality) dropped; unhashable items refused.
  static func make(_ items: [PyValue], _ interpreter: Interpreter) throws(PyError) -> PySet {
    let set = PySet([])
    try set.insert(items, interpreter)
    return set
  }

  /// Adds the items not in the set yet, in order.
  private func insert(_ new: [PyValue], _ interpreter: Interpreter) throws(PyError) {
    for item in new {
      try interpreter.checkHashable(item, nil)
      if storage.find(item) == nil {
        try interpreter.checkRoom(growing: storage)
        storage.append(item, .none)
      }
    }
  }

  /// `item in set` (the caller checked that it is hashable).
  func contains(_ item: PyValue) -> Bool { storage.find(item) != nil }

  public var typeName: String { "set" }
  public var repr: String {
    items.isEmpty ? "set()" : "{" + items.map { PyRepr.repr($0) }.joined(separator: ", ") + "}"
  }
  public var length: Int? { storage.entries.count }
  public var truthy: Bool { !storage.entries.isEmpty }
  public func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? { items }
  public func equals(_ other: PyValue) -> Bool {
    guard case .object(let o) = other, let s = o as? PySet, s.length == length else {
      return false
    }
    return items.allSatisfy(s.contains)
  }
  public var attributeNames: [String] { ["add", "discard", "remove", "update"] }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "add", "update":
      return .object(
        PyBuiltinFunction(name, ownerType: "set") { a, i throws(PyError) in
          let v = try a.unpack(name, ["item"], required: 1)
          let new = name == "add" ? [v[0] ?? .none] : try i.iterateAll(v[0] ?? .none, a.range)
          try self.insert(new, i)
          return .none
        })
    case "discard", "remove":
      return .object(
        PyBuiltinFunction(name, ownerType: "set") { a, i throws(PyError) in
          let item = try a.unpack(name, ["item"], required: 1)[0] ?? .none
          try i.checkHashable(item, a.range)
          if let at = self.storage.find(item) {
            self.storage.remove(at: at)
          } else if name == "remove" {
            throw PyError("KeyError", i.repr(item), at: a.range)
          }
          return .none
        })
    default: return nil
    }
  }

  /// `a | b`, `a & b`, `a - b`, `a ^ b`.
  func binary(_ op: PyBinaryOp, _ other: PySet, _ interpreter: Interpreter) throws(PyError)
    -> PySet?
  {
    func has(_ set: PySet, _ v: PyValue) -> Bool { set.contains(v) }
    switch op {
    case .bitor: return try PySet.make(items + other.items, interpreter)
    case .bitand: return PySet(items.filter { has(other, $0) })
    case .sub: return PySet(items.filter { !has(other, $0) })
    case .bitxor:
      return PySet(items.filter { !has(other, $0) } + other.items.filter { !has(self, $0) })
    default: return nil
    }
  }
}
