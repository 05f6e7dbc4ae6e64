import StatementLanguage

/// A Python set: distinct items, found by hash as Python finds them (building a set of n items,
/// adding to it and `in` cost O(1) an item, not O(n)), iterated in CPython's order: the order of
/// CPython's own table (`PySetTable`), which the set keeps while every item has CPython's hash;
/// after an item that has not (None, an object), in insertion order.
public final class PySet: PyObject {
  /// CPython's table of the items (membership by hash and Python equality, and the order);
  /// nil once an item without CPython's hash joined, and `ordered` holds them.
  private var table: PySetTable? = PySetTable()
  /// The items as a dict's keys (values unused), in the order they had, then insertion order.
  private var ordered: PyDict?
  /// The statement that made it: a change to an older set is counted (`StatementJournal`).
  let generation = StatementJournal.currentGeneration

  public var items: [PyValue] { table?.keys ?? ordered?.entries.map(\.key) ?? [] }

  /// An empty set.
  init() {}

  /// A set of `items`, duplicates (by Python equality) dropped; unhashable items refused.
  static func make(_ items: [PyValue], _ interpreter: Interpreter) throws(PyError) -> PySet {
    let set = PySet()
    try set.insert(items, interpreter)
    return set
  }

  /// A frozenset constant of CPython's compiler: made from the items, then made again from
  /// its own items in its order (the compiler's merging of constants rebuilds it).
  static func constant(_ items: [PyValue], _ interpreter: Interpreter) throws(PyError) -> PySet {
    try make(try make(items, interpreter).items, interpreter)
  }

  /// `s.add(item)`.
  func add(_ item: PyValue, _ interpreter: Interpreter) throws(PyError) {
    try insert([item], interpreter)
  }

  /// `set(other)`, `other.copy()`: CPython's `set_merge` into an empty set.
  static func copy(_ other: PySet, _ interpreter: Interpreter) throws(PyError) -> PySet {
    try other.checkRoom(adding: 0, interpreter)
    let set = PySet()
    if let theirs = other.table {
      set.table?.merge(theirs)
    } else {
      set.table = nil
      set.ordered = PyDict(other.ordered?.entries ?? [])
    }
    return set
  }

  /// `set(iterable)` and `s.update(iterable)`: from a set, CPython merges its table; from a
  /// dict, it sizes the table for the keys first; otherwise, items one at a time.
  func update(from value: PyValue, _ interpreter: Interpreter, _ range: SourceRange?)
    throws(PyError)
  {
    if case .object(let o) = value, let other = o as? PySet {
      try merge(other, interpreter)
      return
    }
    let items = try interpreter.iterateAll(value, range)
    if case .dict = value, let t = table, (t.fill + items.count) * 5 >= t.mask * 3 {
      try checkRoom(adding: items.count, interpreter)
      table?.resize(minUsed: (t.used + items.count) * 2)
    }
    try insert(items, interpreter)
  }

  /// CPython's `set_merge` of `other` into this set.
  private func merge(_ other: PySet, _ interpreter: Interpreter) throws(PyError) {
    guard other !== self else { return }
    try checkRoom(adding: other.length ?? 0, interpreter)
    if let theirs = other.table, table != nil {
      StatementJournal.noteChange(toObjectOf: generation)
      table?.merge(theirs)
    } else {
      try insert(other.items, interpreter)
    }
  }

  /// Room in memory for a table of this set's items and `more` (at least 1 MiB is checked): a
  /// merge or an operator sizes it at once.
  private func checkRoom(adding more: Int, _ interpreter: Interpreter) throws(PyError) {
    let bytes = PySetTable.bytes(minUsed: 2 * ((length ?? 0) + more))
    if bytes >= Interpreter.growthWorthChecking {
      try interpreter.checkMemory(addingBytes: bytes, nil)
    }
  }

  /// Adds the items not in the set yet, in order.
  private func insert(_ new: [PyValue], _ interpreter: Interpreter) throws(PyError) {
    for item in new {
      try interpreter.checkHashable(item, nil)
      let hash = PySetTable.hash(item)
      if contains(item, hash: hash) { continue }
      if let ordered {
        try interpreter.checkRoom(growing: ordered)
      } else if let bytes = table?.growthBytes, bytes >= Interpreter.growthWorthChecking {
        try interpreter.checkMemory(addingBytes: bytes, nil)
      }
      add(item, hash: hash)
    }
  }

  /// Adds an item known to be new, given its CPython hash (`PySetTable.hash`). An item without
  /// one ends the table: the items so far go to `ordered` in the table's order.
  private func add(_ item: PyValue, hash: Int?) {
    StatementJournal.noteChange(toObjectOf: generation)
    if table != nil, let hash {
      table?.add(item, hash: hash)
      return
    }
    if let keys = table?.keys {
      table = nil
      ordered = PyDict(keys.map { (key: $0, value: PyValue.none) })
    }
    ordered?.append(item, .none)
  }

  /// Removes `item`; true when it was there.
  @discardableResult
  private func discard(_ item: PyValue) -> Bool {
    if table != nil {
      guard let hash = PySetTable.hash(item), table?.discard(item, hash: hash) == true else {
        return false
      }
      StatementJournal.noteChange(toObjectOf: generation)
      return true
    }
    guard let ordered, let at = ordered.find(item) else { return false }
    StatementJournal.noteChange(toObjectOf: generation)
    ordered.remove(at: at)
    return true
  }

  /// `item in set` (the caller checked that it is hashable).
  func contains(_ item: PyValue) -> Bool { contains(item, hash: PySetTable.hash(item)) }

  /// `contains`, given the item's CPython hash (`PySetTable.hash`).
  private func contains(_ item: PyValue, hash: Int?) -> Bool {
    if let table {
      guard let hash else { return false }
      return table.contains(item, hash: hash)
    }
    return ordered?.find(item) != nil
  }

  public var typeName: String { "set" }
  public var repr: String {
    items.isEmpty ? "set()" : "{" + items.map { PyRepr.repr($0) }.joined(separator: ", ") + "}"
  }
  public var length: Int? { table?.used ?? ordered?.count ?? 0 }
  public var truthy: Bool { length != 0 }
  public func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? { items }
  public var comparesByIdentity: Bool { false }
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
          if name == "add" {
            try self.add(v[0] ?? .none, i)
          } else {
            try self.update(from: v[0] ?? .none, i, a.range)
          }
          return .none
        })
    case "discard", "remove":
      return .object(
        PyBuiltinFunction(name, ownerType: "set") { a, i throws(PyError) in
          let item = try a.unpack(name, ["item"], required: 1)[0] ?? .none
          try i.checkHashable(item, a.range)
          if !self.discard(item), name == "remove" {
            throw PyError.keyError(item, i.repr(item), at: a.range)
          }
          return .none
        })
    default: return nil
    }
  }

  /// `a | b`, `a & b`, `a - b`, `a ^ b`, as CPython builds them (the result's table order is
  /// CPython's).
  func binary(_ op: PyBinaryOp, _ other: PySet, _ interpreter: Interpreter) throws(PyError)
    -> PySet?
  {
    try checkRoom(adding: other.length ?? 0, interpreter)
    switch op {
    case .bitor:
      let result = try PySet.copy(self, interpreter)
      if other !== self { try result.merge(other, interpreter) }
      return result
    case .bitand:
      // The smaller set's items (the right one's on a tie), in its order, kept where in both.
      let (small, large) = other.length ?? 0 > length ?? 0 ? (self, other) : (other, self)
      let result = PySet()
      for item in small.items {
        let hash = PySetTable.hash(item)
        if large.contains(item, hash: hash) { result.add(item, hash: hash) }
      }
      return result
    case .sub:
      if (length ?? 0) >> 2 > other.length ?? 0 {
        let result = try PySet.copy(self, interpreter)
        for item in other.items { result.discard(item) }
        result.table?.purgeDummies()
        return result
      }
      let result = PySet()
      for item in items {
        let hash = PySetTable.hash(item)
        if !other.contains(item, hash: hash) { result.add(item, hash: hash) }
      }
      return result
    case .bitxor:
      let result = try PySet.copy(other, interpreter)
      for item in items where !result.discard(item) {
        result.add(item, hash: PySetTable.hash(item))
      }
      return result
    default: return nil
    }
  }
}
