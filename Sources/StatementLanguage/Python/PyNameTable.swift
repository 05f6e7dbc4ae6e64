/// The names (and integers) a scanner made before, found again by their bytes: a script
/// writes the same few names on line after line (`Dense`, `x`, `layers`), and a name taken from
/// here is not made again (its bytes checked and copied into a new string).
///
/// Direct-mapped: a name of at most 15 bytes is kept in the slot its bytes pick, with its bytes
/// packed into two words (and its length), so that finding it compares two words; a name found
/// in no slot is made and replaces the slot's. Longer names are always made.
final class PyNameTable {
  /// Bytes 0 to 7 of each slot's name.
  private let lows: UnsafeMutablePointer<UInt64>
  /// Bytes 8 to 14, and the length in the top byte (never 0 for a name kept: an empty slot
  /// matches no name).
  private let highs: UnsafeMutablePointer<UInt64>
  private let names: UnsafeMutablePointer<String>
  static let slotCount = 256

  init() {
    lows = .allocate(capacity: Self.slotCount)
    highs = .allocate(capacity: Self.slotCount)
    names = .allocate(capacity: Self.slotCount)
    lows.initialize(repeating: 0, count: Self.slotCount)
    highs.initialize(repeating: 0, count: Self.slotCount)
    names.initialize(repeating: "", count: Self.slotCount)
  }

  deinit {
    names.deinitialize(count: Self.slotCount)
    lows.deallocate()
    highs.deallocate()
    names.deallocate()
  }

  /// The string of `text[start..<end]`, whose bytes are ASCII (the byte scanner's text).
  func name(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    let n = end - start
    guard n > 0, n <= 15, let base = text.baseAddress else {
      return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }
    let bytes = UnsafeRawPointer(base + start)
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
    let slot = Int(truncatingIfNeeded: ((low ^ high) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    if lows[slot] == low && highs[slot] == high { return names[slot] }
    let name = String(decoding: UnsafeRawBufferPointer(start: bytes, count: n), as: UTF8.self)
    lows[slot] = low
    highs[slot] = high
    names[slot] = name
    return name
  }
}
