/// CPython's set table (Objects/setobject.c), kept beside a set's items so that the set iterates
/// in CPython's order: open addressing over a power-of-two table, nine linear probes then a
/// perturbed jump, deleted slots left as dummies, the table resized (every item reinserted in
/// table order) when three fifths are filled. A set whose items all have CPython's own hash
/// (`PySetTable.hash`: ints, bools, floats but NaN, strings as under PYTHONHASHSEED=0, tuples of
/// them) keeps one; any other item (None, whose hash is its address in 3.11, an object) ends it,
/// and the set iterates in insertion order.
///
/// Membership is by hash and Python equality, as CPython's (1, 1.0 and True are one item).
/// `add` is told an item absent from the set.
struct PySetTable {
  private enum Slot {
    case unused
    case dummy
    case active(hash: Int, key: PyValue)
  }

  static let minSize = 8
  private static let linearProbes = 9
  private static let perturbShift = 5

  private var slots = [Slot](repeating: .unused, count: minSize)
  /// Active and dummy slots.
  private(set) var fill = 0
  /// Active slots: the set's length.
  private(set) var used = 0
  var mask: Int { slots.count - 1 }

  /// The items in table order: the set's iteration order.
  var keys: [PyValue] {
    var out: [PyValue] = []
    out.reserveCapacity(used)
    for case .active(_, let key) in slots { out.append(key) }
    return out
  }

  /// The items and their hashes, in table order.
  var entries: [(hash: Int, key: PyValue)] {
    var out: [(hash: Int, key: PyValue)] = []
    out.reserveCapacity(used)
    for case .active(let hash, let key) in slots { out.append((hash, key)) }
    return out
  }

  /// The probe sequence from `hash`, calling `visit` on each slot index until it returns true.
  private func probe(_ hash: Int, _ visit: (Int) -> Bool) {
    let mask = UInt(self.mask)
    var i = UInt(bitPattern: hash) & mask
    var perturb = UInt(bitPattern: hash)
    while true {
      var j = Int(i)
      // CPython's `do { ... entry++ } while (probes--)`: the slot and up to nine after it.
      let last = Int(i) + Self.linearProbes <= Int(mask) ? j + Self.linearProbes : j
      while j <= last {
        if visit(j) { return }
        j += 1
      }
      perturb >>= UInt(Self.perturbShift)
      i = (i &* 5 &+ 1 &+ perturb) & mask
    }
  }

  /// The bytes the next `add` allocates when it resizes the table (0 when it would not): the
  /// new table, made while the old one is still held.
  var growthBytes: Int {
    guard (fill + 1) * 5 >= mask * 3 else { return 0 }
    return Self.bytes(minUsed: used + 1 > 50_000 ? (used + 1) * 2 : (used + 1) * 4)
  }

  /// The bytes of a table resized for `minUsed`.
  static func bytes(minUsed: Int) -> Int {
    var size = minSize
    while size <= minUsed, size < Int.max / 64 { size <<= 1 }
    return size.multipliedReportingOverflow(by: MemoryLayout<Slot>.stride).partialValue
  }

  /// `set_add_entry` for a key not in the set: the first unused slot of its probe sequence, or
  /// the last dummy passed before it; the table grows when three fifths are filled.
  mutating func add(_ key: PyValue, hash: Int) {
    var found = 0
    var freeSlot: Int?
    probe(hash) { j in
      switch slots[j] {
      case .unused:
        found = j
        return true
      case .dummy:
        freeSlot = j
        return false
      case .active: return false
      }
    }
    used += 1
    if let freeSlot {
      slots[freeSlot] = .active(hash: hash, key: key)
      return
    }
    fill += 1
    slots[found] = .active(hash: hash, key: key)
    if fill * 5 >= mask * 3 { resize(minUsed: used > 50_000 ? used * 2 : used * 4) }
  }

  /// The slot holding `key`, by CPython's `set_lookkey`: the probe sequence until an unused
  /// slot, comparing keys of the same hash by Python equality.
  private func slot(of key: PyValue, hash: Int) -> Int? {
    var found: Int?
    probe(hash) { j in
      switch slots[j] {
      case .unused: return true
      case .dummy: return false
      case .active(let h, let k):
        guard h == hash, PyCompare.equals(k, key) else { return false }
        found = j
        return true
      }
    }
    return found
  }

  func contains(_ key: PyValue, hash: Int) -> Bool { slot(of: key, hash: hash) != nil }

  /// `set_discard_entry`: the key's slot becomes a dummy; false when it is not in the set.
  mutating func discard(_ key: PyValue, hash: Int) -> Bool {
    guard let found = slot(of: key, hash: hash) else { return false }
    slots[found] = .dummy
    used -= 1
    return true
  }

  /// `set_table_resize`: the smallest table over `minUsed` slots, the items reinserted in
  /// table order, the dummies dropped.
  mutating func resize(minUsed: Int) {
    var size = Self.minSize
    while size <= minUsed { size <<= 1 }
    if size == Self.minSize, slots.count == Self.minSize, fill == used { return }
    let old = slots
    slots = [Slot](repeating: .unused, count: size)
    fill = used
    for case .active(let hash, let key) in old { insertClean(key, hash: hash) }
  }

  /// `set_insert_clean`: the first unused slot of the probe sequence (the table has no dummies
  /// and no equal key).
  private mutating func insertClean(_ key: PyValue, hash: Int) {
    var found = 0
    probe(hash) { j in
      guard case .unused = slots[j] else { return false }
      found = j
      return true
    }
    slots[found] = .active(hash: hash, key: key)
  }

  /// `set_merge` of `other` into this table.
  mutating func merge(_ other: PySetTable) {
    guard other.used > 0 else { return }
    if (fill + other.used) * 5 >= mask * 3 { resize(minUsed: (used + other.used) * 2) }
    if fill == 0, mask == other.mask, other.fill == other.used {
      slots = other.slots
      fill = other.fill
      used = other.used
      return
    }
    if fill == 0 {
      for (hash, key) in other.entries { insertClean(key, hash: hash) }
      fill = other.used
      used = other.used
      return
    }
    for (hash, key) in other.entries where !contains(key, hash: hash) { add(key, hash: hash) }
  }

  /// The `set_difference_update` tail: the table rebuilt when over a quarter of it is dummies.
  mutating func purgeDummies() {
    guard fill - used > mask / 4 else { return }
    resize(minUsed: used > 50_000 ? used * 2 : used * 4)
  }

  /// CPython's `hash(v)` where it is the same in every CPython 3.11 process given
  /// PYTHONHASHSEED=0: ints, bools, floats but NaN (hashed by address), strings (SipHash-1-3
  /// with a zero key, over the string's Latin-1, UCS-2 or UCS-4 form), tuples of these. Nil
  /// for anything else (None's hash is its address in 3.11).
  static func hash(_ value: PyValue) -> Int? {
    switch value {
    case .bool(let b): return b ? 1 : 0
    case .int(let n): return PyHash.int(n)
    case .float(let f): return f.isNaN ? nil : PyHash.double(f)
    case .str(let s): return PyHash.pythonString(s)
    case .tuple(let items):
      var lanes: [Int] = []
      lanes.reserveCapacity(items.count)
      for item in items {
        guard let h = hash(item) else { return nil }
        lanes.append(h)
      }
      return PyHash.tuple(lanes)
    case .none, .list, .dict, .object: return nil
    }
  }
}
