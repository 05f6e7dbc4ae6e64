/// The rest of an object after its first member, as the last object with the same first key
/// had it, so that an object whose members after the first are written as that one's were (a
/// Keras layer's config after its `name`: every argument, the same for each layer of a kind)
/// is recognised by comparing its bytes with that earlier text, and takes those members
/// without reading them again.
///
/// The text runs from after the comma that follows the first member to the closing brace, so
/// the same bytes are the same members ending at the same place. An object with a repeated
/// key is not kept (its members are not its text's keys one by one), and the rest is not
/// taken where one of its keys is the new object's first (`hasKey`), or past the limits.
/// The same is kept of the rest after a member whose value took an earlier rest (a layer's
/// entry after its `config`: `registered_name`, `build_config`), in a table of its own keyed
/// by that member's key (`remember(firstKey:...from:)`).
///
/// A table of 128 sets of four by the hash of the first key: objects of a few kinds that take
/// turns (a Conv2D's config, a BatchNormalization's, a ReLU's: all first `name`) each find
/// their own.
struct JSONTailPredictor: ~Copyable {
  struct Slot {
    /// Where the rest's text is in the document, and how many bytes (-1: none kept).
    var start = 0
    var count = -1
    /// The earlier object's members: the rest is those from `from` (1: after the first).
    var members: [JSONMember] = []
    var from = 1
    /// The values the rest holds, and the deepest nesting of its members (at most: the
    /// earlier object's own, which counts its first member too).
    var values = 0
    var depth = 0
    /// One bit per key of the rest (`OpenContainers.Frame.seen`'s bits: where no bit is also
    /// one of an object's, none of its keys is among the rest's).
    var seen: (UInt64, UInt64) = (0, 0)
    /// The hash of the rest's last key.
    var lastKey: UInt64 = 0

    /// Whether `key` (hash `hash`) is among the rest's keys. (`key` is read only where the
    /// hash's bit is set.)
    func hasKey(_ key: @autoclosure () -> String, hash: UInt64) -> Bool {
      let bit = hash >> 57
      let word = bit < 64 ? seen.0 : seen.1
      guard word & (1 << (bit & 63)) != 0 else { return false }
      let key = key()
      return members[from...].contains { $0.key == key }
    }
  }

  private static let sets = 128
  private static let ways = 4
  private let slots: UnsafeMutablePointer<Slot>
  /// The way each set fills next (the oldest).
  private let next: UnsafeMutablePointer<UInt8>
  private let raw: UnsafeRawBufferPointer
  /// How many objects took an earlier one's rest (for tests).
  private(set) var hits = 0

  /// Counts a prediction taken.
  mutating func taken() { hits += 1 }

  init(document: UnsafeBufferPointer<UInt8>) {
    slots = .allocate(capacity: Self.sets * Self.ways)
    slots.initialize(repeating: Slot(), count: Self.sets * Self.ways)
    next = .allocate(capacity: Self.sets)
    next.initialize(repeating: 0, count: Self.sets)
    raw = UnsafeRawBufferPointer(document)
  }

  deinit {
    slots.deinitialize(count: Self.sets * Self.ways)
    slots.deallocate()
    next.deallocate()
  }

  private func set(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key) & (Self.sets - 1) }

  /// The slot of a rest kept under the first key with hash `firstKey` whose text is the
  /// document's bytes at `start`.
  func predicted(at start: Int, firstKey: UInt64) -> UnsafePointer<Slot>? {
    let set = slots + set(firstKey) * Self.ways
    for way in 0..<Self.ways {
      let slot = set + way
      let count = slot.pointee.count
      // The last eight bytes first: rests of kinds that take turns share their first members
      // (a layer's `trainable` and `dtype`), not their last.
      if count >= 8, start + count <= raw.count,
        raw.sameBytes(slot.pointee.start + count - 8, start + count - 8, count: 8),
        raw.sameBytes(slot.pointee.start, start, count: count)
      {
        return UnsafePointer(slot)
      }
    }
    return nil
  }

  /// Remembers the rest of an object whose first key has hash `firstKey`: the text
  /// `start..<end`, the object's `members`, and what `Slot` keeps of them.
  mutating func remember(
    firstKey: UInt64, _ start: Int, _ end: Int, members: [JSONMember], from: Int = 1,
    values: Int, depth: Int, seen: (UInt64, UInt64), lastKey: UInt64
  ) {
    let set = set(firstKey)
    let way = Int(next[set])
    next[set] = UInt8((way + 1) % Self.ways)
    slots[set * Self.ways + way] = Slot(
      start: start, count: end - start, members: members, from: from, values: values,
      depth: depth, seen: seen, lastKey: lastKey)
  }
}
