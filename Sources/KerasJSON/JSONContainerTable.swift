/// The short lists and objects of a document read so far, so that one whose text is repeated is
/// read once and shared: a Keras config repeats the same initializer, dtype policy, `[1, 1]` and
/// `{"name": "float32"}` in every layer, and each would otherwise be scanned again and made into
/// arrays of its own (thousands of allocations and megabytes of a long model's memory).
///
/// The same text always reads as the same value and ends at the same place (a list or object
/// ends at its own closing bracket), so where the bytes at an opening bracket are those of a
/// container read before, the reader takes that value and moves past them. A direct-mapped
/// cache by a hash of its first bytes (`key`), as `JSONStringTable`: a slot keeps the last
/// container that fell in it, a lookup is one hash of at most 64 bytes and one comparison of at
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
  }

  /// The longest container text kept (brackets included).
  static let maxLength = 256
  /// How many bytes from the bracket the hash reads.
  static let prefixLength = 64

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
  /// make its hash differ.)
  func key(_ start: Int) -> UInt64 {
    let limit = min(Self.prefixLength, raw.count - start)
    var n = 0
    while n < limit {
      let c = raw[start + n]
      n += 1
      if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { break }
    }
    return JSONStringTable.hash(raw, from: start, count: n)
  }

  /// The container read before whose text is the document's bytes from `start`, if the table
  /// has it; `hash` is `key(start)`.
  func earlier(_ start: Int, hash: UInt64) -> Entry? {
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
    let count = slot.pointee.count
    guard slot.pointee.hash == hash, count > 0, start + count <= raw.count,
      sameBytes(slot.pointee.start, start, count: count)
    else { return nil }
    return slot.pointee
  }

  /// Remembers a container read from the text `start..<end`, when it is short enough.
  mutating func remember(
    _ value: JSONValue, _ start: Int, _ end: Int, hash: UInt64, values: Int, depth: Int
  ) {
    guard end - start <= Self.maxLength else { return }
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
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
