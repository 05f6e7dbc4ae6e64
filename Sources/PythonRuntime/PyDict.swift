/// A Python dict: insertion-ordered, keys compared by Python equality (hashable keys only:
/// None, bools, ints, floats, strings and tuples of those, and objects), found by hash as
/// Python finds them: `1`, `1.0` and `True` are one key, and a lookup costs O(1), not O(n).
public final class PyDict {
  /// The entries in insertion order. Changed only through the methods below, which keep the
  /// index in step.
  public private(set) var entries: [(key: PyValue, value: PyValue)]
  /// The positions of the entries by their key's hash; nil until a lookup of a dict of more
  /// than a few entries needs it.
  private var index: [Int: [Int]]?
  /// Objects compare by their own `equals` and may equal other values: they are looked up
  /// one by one.
  private var objectKeys = 0
  /// The statement that made it: a change to an older dict is counted (`StatementJournal`).
  let generation = StatementJournal.currentGeneration

  public init(_ entries: [(key: PyValue, value: PyValue)] = []) {
    self.entries = entries
    for e in entries where e.key.isObject { objectKeys += 1 }
  }

  deinit { release() }

  /// The position of `key`, by Python equality.
  public func find(_ key: PyValue) -> Int? {
    if key.isObject || entries.count < 8 {
      return entries.firstIndex { PyCompare.equals($0.key, key) }
    }
    if let i = indexed[Self.hash(key)]?.first(where: { PyCompare.equals(entries[$0].key, key) }) {
      return i
    }
    guard objectKeys > 0 else { return nil }
    return entries.firstIndex { $0.key.isObject && PyCompare.equals($0.key, key) }
  }

  public func value(for key: PyValue) -> PyValue? { find(key).map { entries[$0].value } }

  /// `d[key] = value`: a new key goes last; an existing one keeps its place (and its key, as
  /// Python keeps the first `1` when `1.0` is assigned).
  public func set(_ key: PyValue, _ value: PyValue) {
    StatementJournal.noteChange(toObjectOf: generation)
    if let i = find(key) {
      entries[i].value = value
    } else {
      append(key, value)
    }
  }

  /// Adds an entry whose key the caller knows is not there.
  public func append(_ key: PyValue, _ value: PyValue) {
    StatementJournal.noteChange(toObjectOf: generation)
    if key.isObject { objectKeys += 1 }
    entries.append((key, value))
    if index != nil, !key.isObject { index?[Self.hash(key), default: []].append(entries.count - 1) }
  }

  /// Removes the entry at `i`: the later entries move up one place, in the index too (O(n - i),
  /// as the array's own shift).
  @discardableResult
  public func remove(at i: Int) -> (key: PyValue, value: PyValue) {
    StatementJournal.noteChange(toObjectOf: generation)
    let removed = entries.remove(at: i)
    if removed.key.isObject { objectKeys -= 1 }
    guard var moved = index else { return removed }
    index = nil  // the only reference while it changes
    if !removed.key.isObject {
      let h = Self.hash(removed.key)
      moved[h]?.removeAll { $0 == i }
      if moved[h]?.isEmpty == true { moved[h] = nil }
    }
    for j in i..<entries.count where !entries[j].key.isObject {
      let h = Self.hash(entries[j].key)
      if let k = moved[h]?.firstIndex(of: j + 1) { moved[h]?[k] = j }
    }
    index = moved
    return removed
  }

  public func removeAll() {
    StatementJournal.noteChange(toObjectOf: generation)
    release()
  }

  /// Frees the entries without recursion.
  private func release() {
    var pending: [PyValue] = []
    for entry in takeAll() { pending += [entry.key, entry.value] }
    PyValue.releaseIteratively(&pending)
  }

  /// Empties the dict, handing its entries to the caller (who frees them without recursion).
  func takeAll() -> [(key: PyValue, value: PyValue)] {
    let all = entries
    entries = []
    index = nil
    objectKeys = 0
    return all
  }

  private var indexed: [Int: [Int]] {
    if let index { return index }
    var made: [Int: [Int]] = [:]
    made.reserveCapacity(entries.count)
    for (i, e) in entries.enumerated() where !e.key.isObject {
      made[Self.hash(e.key), default: []].append(i)
    }
    index = made
    return made
  }

  /// A hash consistent with `PyCompare.equals` on hashable values: numbers as CPython hashes
  /// them (so equal numbers of any type agree), strings by their UTF-8 bytes, tuples by their items.
  static func hash(_ key: PyValue) -> Int {
    switch key {
    case .none: return 0x5F37_59DF
    case .bool(let b): return b ? 1 : 0
    case .int(let n): return PyHash.int(n)
    case .float(let f): return PyHash.double(f)
    case .str(let s): return PyHash.string(s)
    case .tuple(let items): return PyHash.tuple(items.map(hash))
    case .list, .dict, .object: return 0
    }
  }
}

extension PyValue {
  /// An object, or a tuple holding one: compared by the object's own `equals`, so not hashed.
  var isObject: Bool {
    switch self {
    case .object: return true
    case .tuple(let items): return items.contains { $0.isObject }
    default: return false
    }
  }
}
