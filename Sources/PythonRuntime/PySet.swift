import StatementLanguage

/// A Python set: distinct items in insertion order (Python's own order differs for some items;
/// kshape shows insertion order).
public final class PySet: PyObject {
  public private(set) var items: [PyValue] {
    didSet { StatementJournal.noteChange(toObjectOf: generation) }
  }
  /// The statement that made it: a change to an older set is counted (`StatementJournal`).
  let generation = StatementJournal.currentGeneration
  init(_ items: [PyValue]) { self.items = items }

  /// A set of `items`, duplicates (by Python equality) dropped; unhashable items refused.
  static func make(_ items: [PyValue], _ interpreter: Interpreter) throws(PyError) -> PySet {
    var distinct: [PyValue] = []
    for item in items {
      try interpreter.checkHashable(item, nil)
      if !distinct.contains(where: { PyCompare.equals($0, item) }) { distinct.append(item) }
    }
    return PySet(distinct)
  }

  public var typeName: String { "set" }
  public var repr: String {
    items.isEmpty ? "set()" : "{" + items.map { PyRepr.repr($0) }.joined(separator: ", ") + "}"
  }
  public var length: Int? { items.count }
  public var truthy: Bool { !items.isEmpty }
  public func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? { items }
  public func equals(_ other: PyValue) -> Bool {
    guard case .object(let o) = other, let s = o as? PySet, s.items.count == items.count else {
      return false
    }
    return items.allSatisfy { item in s.items.contains { PyCompare.equals($0, item) } }
  }
  public var attributeNames: [String] { ["add", "update"] }
  public func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "add", "update":
      return .object(
        PyBuiltinFunction(name, ownerType: "set") { a, i throws(PyError) in
          let v = try a.unpack(name, ["item"], required: 1)
          let new = name == "add" ? [v[0] ?? .none] : try i.iterateAll(v[0] ?? .none, a.range)
          self.items = try PySet.make(self.items + new, i).items
          return .none
        })
    default: return nil
    }
  }

  /// `a | b`, `a & b`, `a - b`, `a ^ b`.
  func binary(_ op: PyBinaryOp, _ other: PySet, _ interpreter: Interpreter) throws(PyError)
    -> PySet?
  {
    func has(_ set: PySet, _ v: PyValue) -> Bool { set.items.contains { PyCompare.equals($0, v) } }
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
