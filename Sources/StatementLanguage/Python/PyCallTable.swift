/// The calls a script's lines made before, found again by their text and column: a script
/// writes the same call on line after line (`Dense(8)`, `layers.Conv2D(32, 3, padding="same")`,
/// most often after the same `x = `), and a call found here is shared, not read again (its
/// name looked up, its arguments read into a new array, its node boxed).
///
/// A call's tree is a function of its bytes and of where they start (its ranges are offsets
/// in the line), so the key is both: the text from the name that starts the primary to the
/// first `)` after it, at most `maxBytes`, when that `)` closes the one call in it (`PyLineParser`
/// keeps a call only when its reading ended there). Direct-mapped: a text is kept in the slot
/// its first and last words, length and start pick, replacing the slot's; finding it compares
/// its words. Trees are values: the one shared is the one that would have been made.
final class PyCallTable {
  /// The table's storage, as plain pointers (see `PyNameTable.slots`).
  let slots: Slots
  static let slotCount = 64
  /// The longest text kept, in bytes (`wordsPerSlot` words).
  static let maxBytes = 64
  static let wordsPerSlot = 8

  init() {
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.slotCount * Self.wordsPerSlot)
    words.initialize(repeating: 0, count: Self.slotCount * Self.wordsPerSlot)
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: Self.slotCount)
    starts.initialize(repeating: -1, count: Self.slotCount)
    let counts = UnsafeMutablePointer<Int>.allocate(capacity: Self.slotCount + 1)
    counts.initialize(repeating: 0, count: Self.slotCount + 1)
    let values = UnsafeMutablePointer<PyExpr>.allocate(capacity: Self.slotCount)
    values.initialize(repeating: PyExpr(.none, SourceRange(0, 0)), count: Self.slotCount)
    slots = Slots(words: words, starts: starts, counts: counts, values: values)
  }

  deinit {
    slots.values.deinitialize(count: Self.slotCount)
    slots.words.deallocate()
    slots.starts.deallocate()
    slots.counts.deallocate()
    slots.values.deallocate()
  }

  /// How many calls were found (for tests).
  var found: Int { slots.counts[Self.slotCount] }

  /// The slots' storage.
  struct Slots {
    /// Each slot's text, `wordsPerSlot` words (little-endian, zero past its end).
    let words: UnsafeMutablePointer<UInt64>
    /// Where each slot's text starts in its line (-1: an empty slot).
    let starts: UnsafeMutablePointer<Int>
    /// Each slot's text's length in bytes; past the last slot, the count of calls found.
    let counts: UnsafeMutablePointer<Int>
    let values: UnsafeMutablePointer<PyExpr>

    /// The call kept for `text[start..<end]` (1 to `maxBytes` bytes), or nil.
    func find(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> PyExpr? {
      let count = end &- start
      let first = Self.word(text, start, end, 0)
      let lastWord = (count &- 1) / 8
      let slot = Self.slot(
        first, lastWord == 0 ? first : Self.word(text, start, end, lastWord), start, count)
      let base = slot &* PyCallTable.wordsPerSlot
      guard starts[slot] == start, counts[slot] == count, words[base] == first else { return nil }
      var i = 1
      while i <= lastWord {
        guard words[base &+ i] == Self.word(text, start, end, i) else { return nil }
        i &+= 1
      }
      counts[PyCallTable.slotCount] &+= 1
      return values[slot]
    }

    /// Keeps `value` as the call of `text[start..<end]` (1 to `maxBytes` bytes).
    func keep(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ value: PyExpr) {
      let count = end - start
      let lastWord = (count - 1) / 8
      let slot = Self.slot(
        Self.word(text, start, end, 0), Self.word(text, start, end, lastWord), start, count)
      let base = slot &* PyCallTable.wordsPerSlot
      for i in 0..<PyCallTable.wordsPerSlot {
        words[base + i] = i <= lastWord ? Self.word(text, start, end, i) : 0
      }
      starts[slot] = start
      counts[slot] = count
      values[slot] = value
    }

    /// The slot of a text by its first and last words, start and length, mixed.
    private static func slot(_ first: UInt64, _ last: UInt64, _ start: Int, _ count: Int) -> Int {
      let mixed =
        (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F)
        ^ UInt64(truncatingIfNeeded: count << 8 | start)
      return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// Word `i` of `text[start..<end]`: its bytes `start + 8i` up to eight, before `end`,
    /// little-endian (zero past `end`; no byte read past the text).
    @inline(__always)
    private static func word(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ i: Int)
      -> UInt64
    {
      let from = start &+ i &* 8
      let n = min(8, end &- from)
      let bytes = UnsafeRawPointer(text.baseAddress.unsafelyUnwrapped + from)
      if n == 8 { return bytes.loadUnaligned(as: UInt64.self) }
      if from &+ 8 <= text.count {
        return bytes.loadUnaligned(as: UInt64.self) & (1 << UInt64(8 * n) &- 1)
      }
      var w: UInt64 = 0
      for k in 0..<n { w |= UInt64(bytes.load(fromByteOffset: k, as: UInt8.self)) << UInt64(8 * k) }
      return w
    }
  }
}
