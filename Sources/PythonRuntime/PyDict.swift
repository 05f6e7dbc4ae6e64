/// A Python dict: insertion-ordered, keys compared by Python equality (hashable keys only:
/// None, bools, ints, floats, strings and tuples of those, and objects), found by hash as
/// Python finds them: `1`, `1.0` and `True` are one key, and a lookup costs O(1), not O(n).
public final class PyDict {
  /// The entries in insertion order. Changed only through the methods below, which keep the
  /// index in step.
  public private(set) var entries: [(key: PyValue, value: PyValue)]
  /// The position of the last entry of each key hash; nil until a lookup of a dict of more
  /// than a few entries needs it. With `earlier`, the entries of one hash form a chain: a
  /// dictionary of arrays took an array (48 bytes) for each entry.
  private var index: [Int: Int]?
  /// For each entry, the position of the one before it with the same hash (-1: none, and for
  /// an object key); kept with `index`.
  private var earlier: [Int] = []
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
    var i = indexed[Self.hash(key)] ?? -1
    while i >= 0 {
      if PyCompare.equals(entries[i].key, key) { return i }
      i = earlier[i]
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
    if index != nil { link(entries.count - 1) }
  }

  /// The bytes the next new entry makes the dict allocate beside what it holds (its arrays or
  /// its index moving to storage twice as large), 0 while it fits: what the heap must have room
  /// for before a large dict grows.
  var growthBytes: Int {
    var bytes = 0
    if entries.count == entries.capacity {
      let capacity = Swift.max(entries.capacity, 1) * 2
      bytes = capacity * MemoryLayout<(key: PyValue, value: PyValue)>.stride
      if index != nil { bytes += capacity * MemoryLayout<Int>.stride }
    }
    if let index, index.count == index.capacity {
      // A Swift dictionary keeps at most 3/4 of its buckets full: a key and a value a bucket.
      bytes += index.capacity * 8 / 3 * MemoryLayout<(Int, Int)>.stride
    }
    return bytes
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
    // Unlinked from its chain (where it is the last of its hash, or some later entry's
    // earlier one), then every later position moves up one.
    if !removed.key.isObject {
      let h = Self.hash(removed.key)
      if moved[h] == i {
        moved[h] = earlier[i] >= 0 ? earlier[i] : nil
      } else if let later = earlier[(i + 1)...].firstIndex(of: i) {
        earlier[later] = earlier[i]
      }
    }
    earlier.remove(at: i)
    for j in earlier.indices where earlier[j] > i { earlier[j] -= 1 }
    index = moved.mapValues { $0 > i ? $0 - 1 : $0 }
    return removed
  }

  public func removeAll() {
    StatementJournal.noteChange(toObjectOf: generation)
    release()
  }

  /// Frees the entries without recursion.
  private func release() {
    var pending: [PyValue] = []
    PyValue.keepNested(takeAll(), in: &pending)
    PyValue.releaseIteratively(&pending)
  }

  /// Empties the dict, handing its entries to the caller (who frees them without recursion).
  func takeAll() -> [(key: PyValue, value: PyValue)] {
    let all = entries
    entries = []
    index = nil
    earlier = []
    objectKeys = 0
    return all
  }

  private var indexed: [Int: Int] {
    if let index { return index }
    index = [:]
    index?.reserveCapacity(entries.count)
    earlier = []
    earlier.reserveCapacity(entries.count)
    for i in entries.indices { link(i) }
    return index ?? [:]
  }

  /// Puts the entry at `i` (the last one in `earlier`) in the index, last of its hash.
  private func link(_ i: Int) {
    let key = entries[i].key
    guard !key.isObject else { return earlier.append(-1) }
    let h = Self.hash(key)
    earlier.append(index?[h] ?? -1)
    index?[h] = i
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
