/// Which names the globals may hold: one bit per class of names (their length modulo 64 and
/// their first byte's low six bits), set for each name written and never cleared (a deleted
/// name's bit stays). A name whose bit is clear is not a global, so a builtin (`len`, a layer
/// class) is found without first missing among the globals, a lookup that hashes the name.
///
/// It follows the writes `storeGlobal` and `deleteName` make; any other change to the globals
/// marks it stale (`isValid`), and the next question makes it again from their names. Its bits
/// are one block of memory of its own (an array's would be checked for sharing at each write).
final class GlobalNameFilter {
  private let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
  /// False until made, and after a change to the globals it did not see.
  var isValid = false

  init() { words.initialize(repeating: 0, count: 64) }

  deinit { words.deallocate() }

  /// The bit of `name`'s class.
  @inline(__always)
  private static func bit(_ name: String) -> Int {
    // Both O(1) on a native string (the last byte is not: it costs as much as the rest); the
    // first byte by subscript (`first` is a call of the generic collection's).
    let utf8 = name.utf8
    let count = utf8.count
    let first = count == 0 ? 0 : utf8[utf8.startIndex]
    return (count & 63) << 6 | Int(first & 63)
  }

  /// Notes that `name` is a global.
  func insert(_ name: String) {
    let b = Self.bit(name)
    words[b >> 6] |= 1 << UInt64(b & 63)
  }

  /// False when `name` is surely not among `globals` (made again from them when stale).
  func mayContain(_ name: String, in globals: [String: PyValue]) -> Bool {
    if !isValid {
      words.update(repeating: 0, count: 64)
      for key in globals.keys { insert(key) }
      isValid = true
    }
    let b = Self.bit(name)
    return words[b >> 6] & (1 << UInt64(b & 63)) != 0
  }
}
