/// The names (and integers) a scanner made before, found again by their bytes: a script
/// writes the same few names on line after line (`Dense`, `x`, `layers`), and a name taken from
/// here is not made again (its bytes checked and copied into a new string).
///
/// Direct-mapped: a name of at most 15 bytes is kept in the slot its bytes pick, with its bytes
/// packed into two words (and its length), so that finding it compares two words; a name found
/// in no slot is made and replaces the slot's. Longer names are always made.
final class PyNameTable {
  /// The table's storage, as plain pointers: a parser holds them for a line without
  /// retaining the table (its caller keeps the table alive).
  let slots: Slots
  static let slotCount = 256

  init() {
    let lows = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.slotCount)
    let highs = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.slotCount)
    let names = UnsafeMutablePointer<String>.allocate(capacity: Self.slotCount)
    lows.initialize(repeating: 0, count: Self.slotCount)
    highs.initialize(repeating: 0, count: Self.slotCount)
    names.initialize(repeating: "", count: Self.slotCount)
    slots = Slots(lows: lows, highs: highs, names: names)
  }

  deinit {
    slots.names.deinitialize(count: Self.slotCount)
    slots.lows.deallocate()
    slots.highs.deallocate()
    slots.names.deallocate()
  }

  /// The string of `text[start..<end]`, whose bytes are ASCII (the byte scanner's text).
  func name(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    slots.name(text, start, end)
  }

  /// The slots' storage.
  struct Slots {
    /// Bytes 0 to 7 of each slot's name.
    let lows: UnsafeMutablePointer<UInt64>
    /// Bytes 8 to 14, and the length in the top byte (never 0 for a name kept: an empty slot
    /// matches no name).
    let highs: UnsafeMutablePointer<UInt64>
    let names: UnsafeMutablePointer<String>

    /// `PyNameTable.name`.
    func name(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
      let n = end - start
      guard n > 0, n <= 15 else {
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
      }
      let (low, high) = PyNameTable.pack(text, start, n)
      return name(low: low, high: high, text, start)
    }

    /// The name whose bytes, `text[start...]`, are packed as `low` and `high` (`pack`).
    @inline(__always)
    func name(low: UInt64, high: UInt64, _ text: UnsafeBufferPointer<UInt8>, _ start: Int)
      -> String
    {
      let slot = Int(truncatingIfNeeded: ((low ^ high) &* 0x9E37_79B9_7F4A_7C15) >> 56)
      if lows[slot] == low && highs[slot] == high { return names[slot] }
      return make(slot: slot, low: low, high: high, text, start)
    }

    /// A name found in no slot: made, and kept in `slot`.
    @inline(never)
    private func make(
      slot: Int, low: UInt64, high: UInt64, _ text: UnsafeBufferPointer<UInt8>, _ start: Int
    ) -> String {
      let n = Int(truncatingIfNeeded: high >> 56)
      // At most 15 bytes: made in place as a small string, whose bytes, ASCII, are not
      // validated again (`String(decoding:)` validates them).
      let name = String(unsafeUninitializedCapacity: n) { buffer in
        for k in 0..<n { buffer[k] = text[start + k] }
        return n
      }
      lows[slot] = low
      highs[slot] = high
      names[slot] = name
      return name
    }
  }

  /// The `n` bytes (1 to 15) of `text` from `start` packed in two words: bytes 0 to 7 in the
  /// first (little-endian), bytes 8 to 14 in the second, whose top byte is `n`.
  @inline(__always)
  static func pack(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: Int) -> (
    UInt64, UInt64
  ) {
    // Callers hold a non-empty name of the text: the text has a base address.
    let bytes = UnsafeRawPointer(text.baseAddress.unsafelyUnwrapped + start)
    var low: UInt64 = 0
    var high = UInt64(n) << 56
    if n >= 8 {
      low = bytes.loadUnaligned(as: UInt64.self)
      for k in 8..<n {
        high |= UInt64(bytes.load(fromByteOffset: k, as: UInt8.self)) << UInt64(8 * (k - 8))
      }
    } else if start + 8 <= text.count {
      // The word read reaches past the name, not past the text: the bytes after it masked off.
      low = bytes.loadUnaligned(as: UInt64.self) & (1 << UInt64(8 * n) - 1)
    } else {
      for k in 0..<n {
        low |= UInt64(bytes.load(fromByteOffset: k, as: UInt8.self)) << UInt64(8 * k)
      }
    }
    return (low, high)
  }
}
