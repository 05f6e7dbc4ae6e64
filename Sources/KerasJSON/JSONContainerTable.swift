/// The short lists and objects of a document read so far, so that one whose text is repeated is
/// read once and shared: a Keras config repeats the same initializer, dtype policy, `[1, 1]` and
/// `{"name": "float32"}` in every layer, and each would otherwise be scanned again and made into
/// arrays of its own (thousands of allocations and megabytes of a long model's memory).
///
/// The same text always reads as the same value and ends at the same place (a list or object
/// ends at its own closing bracket), so where the bytes at an opening bracket are those of a
/// container read before, the reader takes that value and moves past them. A direct-mapped
/// cache by a hash of its first bytes (`key`), as `JSONStringTable`: a slot keeps a container
/// that fell in it (one found again since the slot was last contested keeps it once more), a lookup is one hash of at most 64 bytes and one comparison of at
/// most `maxLength`, and a collision costs only the container being read.
struct JSONContainerTable: ~Copyable {
  /// A container read before.
  struct Entry {
    var hash: UInt64 = 0
    /// Where its text is in the document (brackets included).
    var start = 0
    var count = -1
    /// The values it holds, itself included (what reading it counts against the limit).
    var values = 0
    /// Its levels of nesting, itself included.
    var depth = 0
    var value = JSONValue.null
    /// Found again since the slot was last contested.
    var used = false
  }

  /// The longest container text kept (brackets included).
  static let maxLength = 256
  /// How many bytes from the bracket the hash reads.
  static let prefixLength = 64

  /// Lookups made and found during the trial: a document that repeats few of its first
  /// `trialLookups` containers (one in eight or fewer) is read without the table after them,
  /// so one without repeats pays for no more than the trial.
  static let trialLookups = 4096
  private var lookups = 0
  private var found = 0
  /// Whether the table is still used.
  private(set) var isOn = true

  private let slots: UnsafeMutablePointer<Entry>
  private let size: Int
  private let raw: UnsafeRawBufferPointer

  /// A table for the containers of `document` (64 to 4096 slots by its size).
  init(document: UnsafeBufferPointer<UInt8>) {
    var size = 64
    while size < 4096 && size * 256 < document.count { size *= 2 }
    self.size = size
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Entry(), count: size)
    raw = UnsafeRawBufferPointer(document)
  }

  deinit {
    slots.deinitialize(count: size)
    slots.deallocate()
  }

  /// The hash of the bytes from `start` (an opening bracket) that a lookup reads: up to the
  /// first closing bracket, or `prefixLength` bytes. (Not more: the text after a short
  /// container, which differs where the same `[1, 1]` is written under another key, would
  /// make its hash differ.) Read eight bytes at a time.
  func key(_ start: Int) -> UInt64 {
    let limit = min(Self.prefixLength, raw.count - start)
    var h = JSONStringTable.seed
    var k = 0
    while k + 8 <= limit {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + k, as: UInt64.self))
      let closing = Self.closingBytes(word)
      if closing != 0 {
        let n = (closing.trailingZeroBitCount >> 3) + 1
        let kept = n == 8 ? word : word & ((1 << UInt64(8 * n)) &- 1)
        return JSONStringTable.finish(JSONStringTable.mix(h ^ kept), count: k + n)
      }
      h = JSONStringTable.mix(h ^ word)
      k += 8
    }
    var tail: UInt64 = 0
    var n = 0
    while k + n < limit {
      let c = raw[start + k + n]
      tail |= UInt64(c) << UInt64(8 * n)
      n += 1
      if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { break }
    }
    if n > 0 { h = JSONStringTable.mix(h ^ tail) }
    return JSONStringTable.finish(h, count: k + n)
  }

  /// The high bit of each byte of `word` that is ']' or '}' (which differ only in 0x20); above
  /// the lowest one the bits may be wrong (borrows), so only the lowest counts.
  static func closingBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let x = (word | (ones &* 0x20)) ^ (ones &* 0x7D)
    return (x &- ones) & ~x & (ones &* 0x80)
  }

  /// The container read before whose text is the document's bytes from `start`, if the table
  /// has it; `hash` is `key(start)`.
  mutating func earlier(_ start: Int, hash: UInt64) -> Entry? {
    countLookup()
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
    let count = slot.pointee.count
    guard slot.pointee.hash == hash, count > 0, start + count <= raw.count,
      sameBytes(slot.pointee.start, start, count: count)
    else { return nil }
    found += 1
    slot.pointee.used = true
    return slot.pointee
  }

  /// Counts a container found again without the table (`JSONValuePredictor`) as a lookup that
  /// found it: the trial judges how much the document repeats itself.
  mutating func countRepeat() {
    guard lookups < Self.trialLookups else { return }
    found += 1
    countLookup()
  }

  private mutating func countLookup() {
    if lookups < Self.trialLookups {
      lookups += 1
      if lookups == Self.trialLookups && found * 8 <= lookups { isOn = false }
    }
  }

  /// Remembers a container read from the text `start..<end`, when it is short enough.
  mutating func remember(
    _ value: JSONValue, _ start: Int, _ end: Int, hash: UInt64, values: Int, depth: Int
  ) {
    guard isOn, end - start <= Self.maxLength else { return }
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
    // A container found again since the slot was last contested keeps it once more.
    if slot.pointee.used {
      slot.pointee.used = false
      return
    }
    slot.pointee = Entry(
      hash: hash, start: start, count: end - start, values: values, depth: depth, value: value)
  }

  /// Whether the `count` bytes at `a` are those at `b` (a container is at least two bytes).
  private func sameBytes(_ a: Int, _ b: Int, count: Int) -> Bool {
    func word(_ offset: Int) -> UInt64 {
      raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }
    guard count >= 8 else {
      for k in 0..<count where raw[a + k] != raw[b + k] { return false }
      return true
    }
    var k = 0
    while k + 8 < count {
      if word(a + k) != word(b + k) { return false }
      k += 8
    }
    return word(a + count - 8) == word(b + count - 8)
  }
}
