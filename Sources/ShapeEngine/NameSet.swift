/// The names of a graph's layers (`Graph.layerNames`): a set of strings found by a seeded 64-bit
/// hash of their bytes, open addressing with linear probing.
///
/// A `Set<String>` hashes a name with SipHash (~300 instructions for `dense_123`); a graph
/// takes a name for every layer a statement makes, and an import for each of its layers. Here a
/// name of up to 16 bytes is two multiplications, each slot keeps its name's hash (a growth
/// moves the slots without hashing a name again), and a lookup compares strings only where the
/// hashes agree. The seed is drawn per process, so that a model file cannot be written to make
/// its names collide.
struct NameSet: Sendable {
  private struct Slot: Sendable {
    /// 0: an empty slot (a name's hash is never 0).
    var hash: UInt64
    var name: String
  }

  private var slots: [Slot] = []
  /// How many names the set holds.
  private(set) var count = 0

  init() {}

  init(_ names: some Sequence<String>) {
    for name in names { insert(name) }
  }

  var isEmpty: Bool { count == 0 }

  /// Whether `name` is in the set.
  func contains(_ name: String) -> Bool { find(name, Self.hash(name)).found }

  /// Adds `name`; false when it was there already.
  @discardableResult
  mutating func insert(_ name: String) -> Bool {
    let h = Self.hash(name)
    if (count + 1) * 4 > slots.count * 3 { grow(toHold: count + 1) }
    let (i, found) = find(name, h)
    if found { return false }
    slots[i] = Slot(hash: h, name: name)
    count += 1
    return true
  }

  /// Removes `name`, if it is there.
  mutating func remove(_ name: String) {
    var (i, found) = find(name, Self.hash(name))
    guard found else { return }
    // Backward-shift deletion: each later slot of the run moves into the hole when the hole
    // lies between its home slot and it (a probe for it would otherwise stop at the hole).
    let mask = slots.count - 1
    var j = i
    while true {
      j = (j + 1) & mask
      if slots[j].hash == 0 { break }
      let home = Int(truncatingIfNeeded: slots[j].hash) & mask
      let between = i <= j ? (home <= i || home > j) : (home <= i && home > j)
      if between {
        slots[i] = slots[j]
        i = j
      }
    }
    slots[i] = Slot(hash: 0, name: "")
    count -= 1
  }

  /// Room for `capacity` names without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    if capacity * 4 > slots.count * 3 { resize(Self.tableSize(for: capacity)) }
  }

  /// Adds every name of `other`.
  mutating func formUnion(_ other: NameSet) {
    reserveCapacity(count + other.count)
    for slot in other.slots where slot.hash != 0 {
      let (i, found) = find(slot.name, slot.hash)
      if !found {
        slots[i] = slot
        count += 1
      }
    }
  }

  /// Doubled: a growth moves each slot with the hash it keeps, without hashing a name again
  /// (grown sixteen times over, as a dictionary that rehashes every name is, a session of
  /// 10,000 layers kept a table of 131,072 slots, 3 MiB written at once).
  private mutating func grow(toHold n: Int) {
    resize(Self.tableSize(for: n * 2))
  }

  /// The smallest power of two whose three quarters hold `n`.
  private static func tableSize(for n: Int) -> Int {
    var size = 16
    while size * 3 < n * 4 { size *= 2 }
    return size
  }

  private mutating func resize(_ size: Int) {
    let old = slots
    slots = Array(repeating: Slot(hash: 0, name: ""), count: size)
    let mask = size - 1
    for slot in old where slot.hash != 0 {
      var i = Int(truncatingIfNeeded: slot.hash) & mask
      while slots[i].hash != 0 { i = (i + 1) & mask }
      slots[i] = slot
    }
  }

  /// The slot holding `name` (found), or the empty slot where it would go.
  private func find(_ name: String, _ h: UInt64) -> (index: Int, found: Bool) {
    guard !slots.isEmpty else { return (0, false) }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let slotHash = slots[i].hash
      if slotHash == 0 { return (i, false) }
      if slotHash == h, slots[i].name == name { return (i, true) }
      i = (i + 1) & mask
    }
  }

  /// The process's seed (two words), drawn once.
  private static let seed: (UInt64, UInt64) = (
    UInt64.random(in: .min ... .max) | 1, UInt64.random(in: .min ... .max) | 1
  )

  /// The high and low words of the 128-bit product, folded (wyhash's mixing step).
  private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    return high ^ low
  }

  /// A name's hash, never 0: its bytes read 8 at a time, each word mixed with the seed.
  static func hash(_ name: String) -> UInt64 {
    let h =
      name.utf8.withContiguousStorageIfAvailable(hash)
      ?? Array(name.utf8).withUnsafeBufferPointer(hash)
    return h == 0 ? 1 : h
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = seed.0 ^ UInt64(truncatingIfNeeded: bytes.count)
    guard let base = bytes.baseAddress else { return mix(h, seed.1) }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
      h = mix(
        h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), seed.1)
      i += 8
    }
    if i < bytes.count {
      var word: UInt64 = 0
      var k = 0
      while i + k < bytes.count {
        word |= UInt64(bytes[i + k]) << UInt64(8 * k)
        k += 1
      }
      h = mix(h ^ word, seed.1 ^ 0x9E37_79B9_7F4A_7C15)
    }
    return mix(h, seed.0 ^ 0xE703_7ED1_A0B4_28DB)
  }
}

extension NameSet: Sequence {
  func makeIterator() -> some IteratorProtocol<String> {
    slots.lazy.filter { $0.hash != 0 }.map(\.name).makeIterator()
  }
}

extension NameSet: Equatable {
  static func == (a: NameSet, b: NameSet) -> Bool {
    a.count == b.count && a.allSatisfy { b.contains($0) }
  }
}

extension NameSet: ExpressibleByArrayLiteral {
  init(arrayLiteral names: String...) { self.init(names) }
}
