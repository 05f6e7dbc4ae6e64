/// The value each key of a document had the last time it was read, so that a member whose
/// list or object value is written as it was then (`"kernel_size": [3, 3]`, a layer's dtype
/// policy) is recognised by comparing its bytes with that earlier text, without hashing and
/// looking it up again (`JSONContainerTable`).
///
/// Only lists and objects: their text ends itself (a closing bracket), so the same bytes are
/// the same value ending at the same place. (Strings were kept too, but a model's strings that
/// repeat under one key are few and short, and the string table finds them: keeping each cost
/// more than it saved.) A container is kept when its text is at most
/// `JSONContainerTable.maxLength` bytes; after a longer one the key is marked, and its next
/// container is read without asking the container table (a layer's `config` is never repeated).
/// A direct-mapped table by the hash of the key.
struct JSONValuePredictor: ~Copyable {
  struct Slot {
    /// Where the value's text is in the document, and how many bytes (-1: none kept).
    var start = 0
    var count = -1
    /// The values it holds, itself included, and its levels of nesting (as the container
    /// table counts them).
    var values = 0
    var depth = 0
    var value = JSONValue.null
    /// The key's last value was a container too long to keep.
    var wasLong = false
  }

  private static let size = 512
  private let slots: UnsafeMutablePointer<Slot>
  private let raw: UnsafeRawBufferPointer
  /// How many values were taken whole (for tests).
  private(set) var hits = 0

  /// Counts a prediction taken.
  mutating func taken() { hits += 1 }

  init(document: UnsafeBufferPointer<UInt8>) {
    slots = .allocate(capacity: Self.size)
    slots.initialize(repeating: Slot(), count: Self.size)
    raw = UnsafeRawBufferPointer(document)
  }

  deinit {
    slots.deinitialize(count: Self.size)
    slots.deallocate()
  }

  private func slot(_ key: UInt64) -> UnsafeMutablePointer<Slot> {
    slots + (Int(truncatingIfNeeded: key) & (Self.size - 1))
  }

  /// The slot of the key with hash `key` when its last value's text is the document's bytes at
  /// `start`.
  func predicted(at start: Int, key: UInt64) -> UnsafePointer<Slot>? {
    let slot = slot(key)
    let count = slot.pointee.count
    guard count > 0, start + count <= raw.count,
      raw.sameBytes(slot.pointee.start, start, count: count)
    else { return nil }
    return UnsafePointer(slot)
  }

  /// Whether the key with hash `key` last held a container too long to keep.
  func wasLong(_ key: UInt64) -> Bool { slot(key).pointee.wasLong }

  /// Remembers that the key with hash `key` holds `value`, read from the text `start..<end`.
  mutating func remember(
    _ value: JSONValue, key: UInt64, _ start: Int, _ end: Int, values: Int, depth: Int
  ) {
    let slot = slot(key)
    guard end - start <= JSONContainerTable.maxLength else {
      slot.pointee = Slot(wasLong: depth > 0)
      return
    }
    slot.pointee = Slot(
      start: start, count: end - start, values: values, depth: depth, value: value)
  }
}
