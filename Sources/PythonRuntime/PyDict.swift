/// A Python dict: insertion-ordered, keys compared by Python equality (hashable keys only:
/// None, bools, ints, floats, strings and tuples of those, and objects), found by hash as
/// Python finds them: `1`, `1.0` and `True` are one key, and a lookup costs O(1), not O(n).
/// An object that compares by identity (a function, a layer, a tensor) is found by its address;
/// one that compares otherwise (a range, a type) is compared with each such key in turn.
public final class PyDict {
  /// The entries in insertion order, with the holes removals left (`hole` keys) until the
  /// next compaction. Changed only through the methods below, which keep the index in step.
  private var storage: [(key: PyValue, value: PyValue)]
  /// Removed entries still in `storage`: a removal leaves a hole (O(1)), and the holes go when
  /// they are half of it, or when `entries` is read.
  private var holes = 0
  /// The position of the last entry of each key hash; nil until a lookup of a dict of more
  /// than a few entries needs it. With `earlier`, the entries of one hash form a chain: a
  /// dictionary of arrays took an array (48 bytes) for each entry. A hole stays in its chain
  /// until the compaction.
  private var index: [Int: Int]?
  /// For each entry, the position of the one before it with the same hash (-1: none, and for
  /// an object key); kept with `index`.
  private var earlier: [Int] = []
  /// Keys of objects that compare by their own `equals` (not identity), which may equal other
  /// values: they are looked up one by one (`isScanned`).
  private var scannedKeys = 0
  /// The statement that made it: a change to an older dict is counted (`StatementJournal`).
  let generation = StatementJournal.currentGeneration

  public init(_ entries: [(key: PyValue, value: PyValue)] = []) {
    storage = entries
    for e in entries where e.key.isScanned { scannedKeys += 1 }
  }

  deinit { release() }

  /// The entries in insertion order (the holes compacted away first).
  public var entries: [(key: PyValue, value: PyValue)] {
    if holes > 0 { compact() }
    return storage
  }

  /// The number of entries.
  public var count: Int { storage.count - holes }

  /// The value at a position `find` returned.
  public func value(at i: Int) -> PyValue { storage[i].value }

  /// A removed entry's key: never equal to any key.
  private static var hole: PyValue { .object(PyDictHole.shared) }

  private func isHole(_ i: Int) -> Bool {
    if case .object(let o) = storage[i].key { return o === PyDictHole.shared }
    return false
  }

  /// The position of `key`, by Python equality.
  public func find(_ key: PyValue) -> Int? {
    if key.isScanned || storage.count < 8 {
      return storage.indices.first { !isHole($0) && PyCompare.equals(storage[$0].key, key) }
    }
    var i = indexed[Self.hash(key)] ?? -1
    while i >= 0 {
      if !isHole(i), PyCompare.equals(storage[i].key, key) { return i }
      i = earlier[i]
    }
    guard scannedKeys > 0 else { return nil }
    return storage.indices.first {
      storage[$0].key.isScanned && !isHole($0) && PyCompare.equals(storage[$0].key, key)
    }
  }

  public func value(for key: PyValue) -> PyValue? { find(key).map { storage[$0].value } }

  /// `d[key] = value`: a new key goes last; an existing one keeps its place (and its key, as
  /// Python keeps the first `1` when `1.0` is assigned).
  public func set(_ key: PyValue, _ value: PyValue) {
    StatementJournal.noteChange(toObjectOf: generation)
    if let i = find(key) {
      storage[i].value = value
    } else {
      append(key, value)
    }
  }

  /// Adds an entry whose key the caller knows is not there.
  public func append(_ key: PyValue, _ value: PyValue) {
    StatementJournal.noteChange(toObjectOf: generation)
    if key.isScanned { scannedKeys += 1 }
    storage.append((key, value))
    if index != nil { link(storage.count - 1) }
  }

  /// The bytes the next new entry makes the dict allocate beside what it holds (its arrays or
  /// its index moving to storage twice as large), 0 while it fits: what the heap must have room
  /// for before a large dict grows.
  var growthBytes: Int {
    var bytes = 0
    if storage.count == storage.capacity {
      let capacity = Swift.max(storage.capacity, 1) * 2
      bytes = capacity * MemoryLayout<(key: PyValue, value: PyValue)>.stride
      if index != nil { bytes += capacity * MemoryLayout<Int>.stride }
    }
    if let index, index.count == index.capacity {
      // A Swift dictionary keeps at most 3/4 of its buckets full: a key and a value a bucket.
      bytes += index.capacity * 8 / 3 * MemoryLayout<(Int, Int)>.stride
    }
    return bytes
  }

  /// Removes the entry at `i` (a position `find` returned): it becomes a hole, O(1); the holes
  /// are compacted away when they are half the storage (amortised O(1) a removal).
  @discardableResult
  public func remove(at i: Int) -> (key: PyValue, value: PyValue) {
    StatementJournal.noteChange(toObjectOf: generation)
    let removed = storage[i]
    storage[i] = (Self.hole, .none)
    holes += 1
    if removed.key.isScanned { scannedKeys -= 1 }
    if holes >= 8, holes * 2 >= storage.count { compact() }
    return removed
  }

  /// The holes removed, the later entries moved up; the index is made again when next needed.
  private func compact() {
    storage.removeAll { entry in
      if case .object(let o) = entry.key { return o === PyDictHole.shared }
      return false
    }
    holes = 0
    index = nil
    earlier = []
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
    storage = []
    index = nil
    earlier = []
    scannedKeys = 0
    return all
  }

  private var indexed: [Int: Int] {
    if let index { return index }
    index = [:]
    index?.reserveCapacity(storage.count)
    earlier = []
    earlier.reserveCapacity(storage.count)
    for i in storage.indices { link(i) }
    return index ?? [:]
  }

  /// Puts the entry at `i` (the last one in `earlier`) in the index, last of its hash.
  private func link(_ i: Int) {
    let key = storage[i].key
    guard !key.isScanned else { return earlier.append(-1) }
    let h = Self.hash(key)
    earlier.append(index?[h] ?? -1)
    index?[h] = i
  }

  /// A hash consistent with `PyCompare.equals` on hashable values: numbers as CPython hashes
  /// them (so equal numbers of any type agree), strings by their UTF-8 bytes, tuples by their
  /// items, an object that compares by identity by its address.
  static func hash(_ key: PyValue) -> Int {
    switch key {
    case .none: return 0x5F37_59DF
    case .bool(let b): return b ? 1 : 0
    case .int(let n): return PyHash.int(n)
    case .float(let f): return PyHash.double(f)
    case .str(let s): return PyHash.string(s)
    case .tuple(let items): return PyHash.tuple(items.map(hash))
    case .object(let o): return o.comparesByIdentity ? ObjectIdentifier(o).hashValue : 0
    case .list, .dict: return 0
    }
  }
}

extension PyValue {
  /// An object that compares by its own `equals` (not identity), or a tuple holding one: not
  /// hashed, compared with each key.
  var isScanned: Bool {
    switch self {
    case .object(let o): return !o.comparesByIdentity
    case .tuple(let items): return items.contains { $0.isScanned }
    default: return false
    }
  }
}

/// The key a removed entry leaves in a dict's storage until it is compacted: equal to nothing.
final class PyDictHole: PyObject, Sendable {
  static let shared = PyDictHole()
  var typeName: String { "<removed>" }
  var repr: String { "<removed>" }
  func equals(_ other: PyValue) -> Bool { false }
}
