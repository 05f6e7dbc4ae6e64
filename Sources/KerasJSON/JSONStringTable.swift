/// The strings of a document met so far, so that a string repeated in it is made once and
/// shared: a Keras config repeats a few hundred distinct strings tens of thousands of times
/// (keys, class names, dtypes, "same"), and a string of more than 15 bytes costs an allocation.
///
/// A direct-mapped cache by hash: a slot keeps a string that fell in it, so a lookup is one
/// comparison whatever the file holds, and a collision costs only a new string. A slot whose
/// string was found again since it was last contested keeps it once more (a second chance):
/// thousands of strings met once (layer names) then do not evict the keys met in every layer.
struct JSONStringTable: ~Copyable {
  private struct Slot {
    var hash: UInt64 = 0
    /// Where the string's bytes are in the document (escape-free strings only).
    var start = 0
    var count = -1
    var text = ""
    /// Found again since the slot was last contested.
    var used = false
  }

  private let slots: UnsafeMutablePointer<Slot>
  private let size: Int
  private let document: UnsafeBufferPointer<UInt8>
  private let raw: UnsafeRawBufferPointer

  /// A table for the strings of `document` (64 to 4096 slots by its size).
  init(document: UnsafeBufferPointer<UInt8>) {
    var size = 64
    while size < 4096 && size * 64 < document.count { size *= 2 }
    self.size = size
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(), count: size)
    self.document = document
    raw = UnsafeRawBufferPointer(document)
  }

  deinit {
    slots.deinitialize(count: size)
    slots.deallocate()
  }

  /// The string of the document's bytes `start..<end` (UTF-8 without escapes, already checked),
  /// whose hash is `hash`.
  mutating func string(_ start: Int, _ end: Int, hash: UInt64) -> String {
    let slot = slots + (Int(truncatingIfNeeded: hash) & (size - 1))
    let count = end - start
    if slot.pointee.hash == hash && slot.pointee.count == count
      && sameBytes(slot.pointee.start, start, count: count)
    {
      slot.pointee.used = true
      return slot.pointee.text
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: document[start..<end]), as: UTF8.self)
    if slot.pointee.used {
      slot.pointee.used = false
    } else {
      slot.pointee = Slot(hash: hash, start: start, count: count, text: text)
    }
    return text
  }

  /// Whether the `count` bytes at `a` are those at `b`, both within the document.
  private func sameBytes(_ a: Int, _ b: Int, count: Int) -> Bool {
    raw.sameBytes(a, b, count: count)
  }

  static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// A hash of the `count` bytes of `buffer` from `start`: each whole word of eight bytes
  /// (first byte lowest) is mixed in, then the last few bytes as one word, then the count. The
  /// same bytes hash the same wherever they are; the string reader computes it as it scans.
  static func hash(_ buffer: UnsafeRawBufferPointer, from start: Int, count: Int) -> UInt64 {
    var h = seed
    var k = start
    let end = start + count
    while k + 8 <= end {
      h = mix(h ^ UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: k, as: UInt64.self)))
      k += 8
    }
    if k < end {
      var tail: UInt64 = 0
      for j in 0..<(end - k) { tail |= UInt64(buffer[k + j]) << UInt64(8 * j) }
      h = mix(h ^ tail)
    }
    return finish(h, count: count)
  }

  static func mix(_ x: UInt64) -> UInt64 {
    let m = x &* 0xBF58_476D_1CE4_E5B9
    return m ^ (m >> 29)
  }

  static func finish(_ h: UInt64, count: Int) -> UInt64 {
    mix(h ^ UInt64(truncatingIfNeeded: count))
  }
}

extension UnsafeRawBufferPointer {
  /// Whether the `count` bytes at `a` are those at `b`, both within the buffer: by words, the
  /// last one overlapping, or one masked word where the buffer goes on. (Inlined: its callers
  /// compare a few words per key or value.)
  @inline(__always)
  func sameBytes(_ a: Int, _ b: Int, count: Int) -> Bool {
    func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    if count >= 8 {
      var k = 0
      // Long texts (an object's rest, `JSONTailPredictor`) 32 bytes a step, one test each.
      while k + 32 < count {
        let d =
          (word(a + k) ^ word(b + k)) | (word(a + k + 8) ^ word(b + k + 8))
          | (word(a + k + 16) ^ word(b + k + 16)) | (word(a + k + 24) ^ word(b + k + 24))
        if d != 0 { return false }
        k += 32
      }
      while k + 8 < count {
        if word(a + k) != word(b + k) { return false }
        k += 8
      }
      return word(a + count - 8) == word(b + count - 8)
    }
    if a + 8 <= self.count && b + 8 <= self.count {
      return (word(a) ^ word(b)) & ((1 << UInt64(8 * count)) &- 1) == 0
    }
    for k in 0..<count where self[a + k] != self[b + k] { return false }
    return true
  }
}
