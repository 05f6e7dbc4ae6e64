/// The values of global and builtin names read or written before, found by a short hash of the
/// name's bytes, where the globals' and the builtins' dictionaries hash the name with SipHash (a
/// script reads the name its last line wrote, and a layer class, on every line).
///
/// Direct-mapped: a name is kept in the slot its bytes pick, replacing the slot's. It holds
/// what the globals (else the builtins) hold for the name: `storeGlobal` writes the name's slot,
/// a deleted global's slot is emptied, and any other change to the globals or the builtins (the
/// host's writes, an undone statement) empties every slot (`isValid`; a new epoch, so that the
/// slots are not rewritten). The slots are made at the first use (an interpreter that reads no
/// name makes none).
///
/// A name of at most 15 ASCII bytes is kept as its bytes in two words (`Key`), compared as two
/// words; a longer one by a hash of its bytes and its string, compared as a string.
final class GlobalReadCache {
  private var lows: UnsafeMutablePointer<UInt64>?
  private var highs: UnsafeMutablePointer<UInt64>?
  /// A long name's string (its key's `high` is 0); a short name's slot leaves it as it was.
  private var names: UnsafeMutablePointer<String>?
  /// The values, as bits: a slot does not retain its value (the globals or the builtins hold
  /// it while the slot is valid: every change to them writes the slot, forgets it or empties
  /// the cache), so replacing a slot releases nothing. A slot replaced 256 names later
  /// released a value that had left the processor's caches (a cache miss a statement in a
  /// script of `hI = Dense(8)(hI-1)`). Read with a copy, which retains.
  private var values: UnsafeMutableRawPointer?
  private static let valueStride = MemoryLayout<PyValue>.stride
  /// The epoch each slot was written in: a slot of an earlier epoch holds nothing, so that
  /// emptying every slot is counting one more epoch (the host writes a builtin at each layer
  /// class a script names first).
  private var epochs: UnsafeMutablePointer<UInt32>?
  private var epoch: UInt32 = 0
  /// False until made, and after a change to the globals or builtins it did not see.
  var isValid = false
  static let slotCount = 256
  /// Whether a short ASCII string's two words are its bytes as `Key` has them (checked once on
  /// a string made at run time): then a name's key is read from the string itself, not from its
  /// bytes one by one.
  private let stringWordsAreKeys: Bool = {
    guard MemoryLayout<String>.size == 16 else { return false }
    let made = String(decoding: [0x61, 0x62, 0x63] as [UInt8], as: UTF8.self)
    let words = unsafeBitCast(made, to: (UInt64, UInt64).self)
    return words.0 == 0x63_6261 && words.1 == 0xE3 << 56
  }()

  /// A name as the cache compares it: a name of at most 15 ASCII bytes is its bytes (the first
  /// eight in `low`, the rest in `high`, little-endian) and `0xE0 | count` in `high`'s top byte,
  /// the words Swift keeps such a string in; a longer name is a hash of its bytes (`low`) with
  /// `high` 0, and its string.
  private struct Key {
    var low: UInt64
    var high: UInt64
    var isLong: Bool { high == 0 }
  }

  deinit {
    guard let lows, let highs, let names, let values, let epochs else { return }
    names.deinitialize(count: Self.slotCount)
    lows.deallocate()
    highs.deallocate()
    names.deallocate()
    values.deallocate()
    epochs.deallocate()
  }

  /// The key of `name`; nil for a name that is not ASCII: another string of other bytes may
  /// equal it (canonical equivalence: the Kelvin sign is "K"), as the dictionaries compare keys.
  @inline(__always)
  private func key(_ name: String) -> Key? {
    if stringWordsAreKeys {
      // A small ASCII string (top four bits 0xE: immortal, ASCII, small) is its key.
      let words = unsafeBitCast(name, to: (UInt64, UInt64).self)
      if words.1 >> 60 == 0xE { return Key(low: words.0, high: words.1) }
    }
    return Self.keyFromBytes(name)
  }

  /// `key` from the name's bytes (a longer name, or one not kept as a small string).
  @inline(never)
  private static func keyFromBytes(_ name: String) -> Key? {
    // The bytes borrowed in place (`withUTF8` needs a mutable copy of the string: a retain and
    // a release at each look-up); a string without contiguous bytes is not kept.
    let found = name.utf8.withContiguousStorageIfAvailable { bytes -> Key? in
      let n = bytes.count
      var high: UInt8 = 0
      for b in bytes { high |= b }
      guard high < 0x80 else { return nil }
      if n <= 15 {
        var low: UInt64 = 0
        var top = UInt64(0xE0 | n) << 56
        for (i, b) in bytes.enumerated() {
          if i < 8 {
            low |= UInt64(b) << UInt64(8 * i)
          } else {
            top |= UInt64(b) << UInt64(8 * (i - 8))
          }
        }
        return Key(low: low, high: top)
      }
      guard let base = bytes.baseAddress else { return nil }
      let raw = UnsafeRawPointer(base)
      var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
      h ^= raw.loadUnaligned(as: UInt64.self)
      h = (h &* 0xBF58_476D_1CE4_E5B9) ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      // Never 0 in `high`'s place: `low` may be anything.
      return Key(low: h, high: 0)
    }
    return found ?? nil
  }

  /// The slot of a key.
  @inline(__always)
  private static func slot(_ key: Key) -> Int {
    var h = key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)
    h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h >> 56)
  }

  private typealias Slots = (
    lows: UnsafeMutablePointer<UInt64>, highs: UnsafeMutablePointer<UInt64>,
    names: UnsafeMutablePointer<String>, values: UnsafeMutableRawPointer,
    epochs: UnsafeMutablePointer<UInt32>
  )

  /// The slots, emptied when the cache is stale (made at the first use).
  @inline(__always)
  private func slots() -> Slots {
    if isValid, let lows, let highs, let names, let values, let epochs {
      return (lows, highs, names, values, epochs)
    }
    return begin()
  }

  /// A new epoch (every slot emptied), the slots made the first time.
  private func begin() -> Slots {
    isValid = true
    if let lows, let highs, let names, let values, let epochs {
      epoch &+= 1
      // After 2^32 epochs the counter starts again, from slots really emptied.
      if epoch == 0 {
        clear()
        epoch = 1
      }
      return (lows, highs, names, values, epochs)
    }
    let lows = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.slotCount)
    let highs = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.slotCount)
    let names = UnsafeMutablePointer<String>.allocate(capacity: Self.slotCount)
    let values = UnsafeMutableRawPointer.allocate(
      byteCount: Self.slotCount * Self.valueStride, alignment: MemoryLayout<PyValue>.alignment)
    let epochs = UnsafeMutablePointer<UInt32>.allocate(capacity: Self.slotCount)
    lows.initialize(repeating: 0, count: Self.slotCount)
    highs.initialize(repeating: 0, count: Self.slotCount)
    names.initialize(repeating: "", count: Self.slotCount)
    values.initializeMemory(as: UInt8.self, repeating: 0, count: Self.slotCount * Self.valueStride)
    epochs.initialize(repeating: 0, count: Self.slotCount)
    (self.lows, self.highs, self.names, self.values, self.epochs) = (
      lows, highs, names, values, epochs
    )
    epoch = 1
    return (lows, highs, names, values, epochs)
  }

  /// Empties every slot (the values' bits are left: no slot is read until written again).
  private func clear() {
    guard let lows, let highs, let names, let epochs else { return }
    for i in 0..<Self.slotCount {
      lows[i] = 0
      highs[i] = 0
      names[i] = ""
      epochs[i] = 0
    }
  }

  /// The value kept for `name`, if its slot holds it.
  func value(of name: String) -> PyValue? {
    let slots = slots()
    guard let k = key(name) else { return nil }
    let s = Self.slot(k)
    guard slots.epochs[s] == epoch, slots.lows[s] == k.low, slots.highs[s] == k.high else {
      return nil
    }
    if k.isLong, slots.names[s] != name { return nil }
    return slots.values.load(fromByteOffset: s * Self.valueStride, as: PyValue.self)
  }

  /// Keeps `value` as what `name` holds now. A name that is not ASCII is not kept; when it was
  /// `written`, the cache is emptied (the write may be to a name kept under other bytes).
  func note(_ name: String, _ value: PyValue, written: Bool) {
    let slots = slots()
    guard let k = key(name) else {
      if written { isValid = false }
      return
    }
    let s = Self.slot(k)
    slots.lows[s] = k.low
    slots.highs[s] = k.high
    if k.isLong { slots.names[s] = name }
    withUnsafeBytes(of: value) { bits in
      guard let base = bits.baseAddress else { return }
      slots.values.advanced(by: s * Self.valueStride).copyMemory(from: base, byteCount: bits.count)
    }
    slots.epochs[s] = epoch
  }

  /// Forgets every name.
  func empty() {
    clear()
    isValid = false
  }

  /// Forgets `name` (a deleted global: a builtin of its name may show again).
  func forget(_ name: String) {
    guard isValid, let lows, let highs, let names, let epochs else { return }
    guard let k = key(name) else {
      isValid = false
      return
    }
    let s = Self.slot(k)
    if epochs[s] == epoch && lows[s] == k.low && highs[s] == k.high
      && (!k.isLong || names[s] == name)
    {
      epochs[s] = 0
      names[s] = ""
    }
  }
}
