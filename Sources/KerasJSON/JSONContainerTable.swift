/// The small lists and objects of a document met so far, so that a container whose text is
/// repeated is made once and shared: a Keras config repeats the same initializer, dtype policy,
/// `[1, 1]` and `{"name": "float32"}` in every layer, and each would otherwise be an array of
/// its own (thousands of allocations and megabytes of a long model's memory).
///
/// The same text always parses to the same value, so a container is shared when its bytes are
/// those of one met before. A direct-mapped cache by hash, as `JSONStringTable`: a slot keeps
/// the last container that fell in it, a lookup is one hash of the text and one comparison, and
/// a collision costs only the container being made. Only containers of at most `maxLength`
/// bytes are looked up, so hashing them costs at most a few passes over the document's bytes.
struct JSONContainerTable: ~Copyable {
  private struct Slot {
    var hash: UInt64 = 0
    /// Where the container's text is in the document.
    var start = 0
    var count = -1
    var value = JSONValue.null
  }

  /// The longest container text looked up (its brackets included).
  static let maxLength = 256

  private let slots: UnsafeMutablePointer<Slot>
  private let size: Int
  private let raw: UnsafeRawBufferPointer

  /// A table for the containers of `document` (64 to 4096 slots by its size).
  init(document: UnsafeBufferPointer<UInt8>) {
    var size = 64
    while size < 4096 && size * 256 < document.count { size *= 2 }
    self.size = size
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(), count: size)
    raw = UnsafeRawBufferPointer(document)
  }

  deinit {
    slots.deinitialize(count: size)
    slots.deallocate()
  }

  /// The hash of the text `start..<end`, or nil when the container is too long to be shared.
  func key(_ start: Int, _ end: Int) -> UInt64? {
    guard end - start <= Self.maxLength else { return nil }
    return JSONStringTable.hash(raw, from: start, count: end - start)
  }

  /// The container met before whose text is `start..<end` (hash `hash`), if the table has it.
  func value(_ start: Int, _ end: Int, hash: UInt64) -> JSONValue? {
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
    let count = end - start
    guard slot.pointee.hash == hash && slot.pointee.count == count,
      sameBytes(slot.pointee.start, start, count: count)
    else { return nil }
    return slot.pointee.value
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

  /// Remembers `value`, made from the text `start..<end` (hash `hash`).
  mutating func remember(_ value: JSONValue, _ start: Int, _ end: Int, hash: UInt64) {
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
    slot.pointee = Slot(hash: hash, start: start, count: end - start, value: value)
  }
}
