/// The key that followed each key the last time it was read, so that the next key of a
/// document whose objects repeat their keys in one order (a Keras config's layers) is
/// recognised by comparing its bytes with that key's earlier text, without scanning,
/// hashing and looking it up again.
///
/// A prediction is only a guess: it is taken when the bytes after the opening quote are
/// exactly the earlier key's bytes followed by a closing quote. The earlier key was read
/// without escapes and found valid, so the same bytes are the same string with the same hash.
/// A direct-mapped table by the hash of the key before (0 at an object's first key).
struct JSONKeyPredictor: ~Copyable {
  private struct Slot {
    /// Where the predicted key's bytes are in the document, and how many.
    var start = 0
    var count = -1
    var text = ""
    var hash: UInt64 = 0
  }

  private static let size = 512
  private let slots: UnsafeMutablePointer<Slot>
  private let raw: UnsafeRawBufferPointer
  /// How many keys were predicted (for tests).
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

  /// The key whose text starts at `start` (after its opening quote), when it is the one that
  /// followed the key with hash `previous` last time: its text and hash, and where its closing
  /// quote is.
  func predicted(at start: Int, after previous: UInt64) -> (
    text: String, hash: UInt64, end: Int
  )? {
    let slot = slots + (Int(truncatingIfNeeded: previous) & (Self.size - 1))
    let count = slot.pointee.count
    // The key's bytes and its closing quote, as the earlier key's are.
    guard count >= 0, start + count < raw.count,
      sameBytes(slot.pointee.start, start, count: count + 1)
    else { return nil }
    return (slot.pointee.text, slot.pointee.hash, start + count)
  }

  /// Remembers that the key `text` (hash `hash`), whose bytes are the `count` bytes of the
  /// document at `start` (no escapes; its closing quote follows), followed the key with hash
  /// `previous`.
  mutating func learn(
    _ text: String, hash: UInt64, start: Int, count: Int, after previous: UInt64
  ) {
    let slot = slots + (Int(truncatingIfNeeded: previous) & (Self.size - 1))
    slot.pointee = Slot(start: start, count: count, text: text, hash: hash)
  }

  /// Whether the `count` bytes at `a` are those at `b`, both within the document.
  private func sameBytes(_ a: Int, _ b: Int, count: Int) -> Bool {
    raw.sameBytes(a, b, count: count)
  }
}
