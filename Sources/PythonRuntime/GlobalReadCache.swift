/// The values of global and builtin names read or written before, found by a short hash of the
/// name's bytes and one comparison of strings, where the globals' and the builtins' dictionaries
/// hash the name with SipHash (a script reads the name its last line wrote, and a layer class, on
/// every line).
///
/// Direct-mapped: a name is kept in the slot its bytes pick, replacing the slot's. It holds
/// what the globals (else the builtins) hold for the name: `storeGlobal` writes the name's slot,
/// a deleted global's slot is emptied, and any other change to the globals or the builtins (the
/// host's writes, an undone statement) empties every slot (`isValid`; a new epoch, so that the
/// slots are not rewritten). The slots are made at the first use (an interpreter that reads no
/// name makes none).
final class GlobalReadCache {
  private var names: UnsafeMutablePointer<String>?
  private var values: UnsafeMutablePointer<PyValue>?
  /// The epoch each slot was written in: a slot of an earlier epoch holds nothing, so that
  /// emptying every slot is counting one more epoch (the host writes a builtin at each layer
  /// class a script names first).
  private var epochs: UnsafeMutablePointer<UInt32>?
  private var epoch: UInt32 = 0
  /// False until made, and after a change to the globals or builtins it did not see.
  var isValid = false
  static let slotCount = 256

  deinit {
    guard let names, let values, let epochs else { return }
    names.deinitialize(count: Self.slotCount)
    values.deinitialize(count: Self.slotCount)
    names.deallocate()
    values.deallocate()
    epochs.deallocate()
  }

  /// The slot of `name`: a hash of its bytes (its length and, for a longer name, its first and
  /// last eight bytes), so that equal names, wherever they were made, pick the same slot. Nil
  /// for a name that is not ASCII: another string of other bytes may equal it (canonical
  /// equivalence: the Kelvin sign is "K"), as the dictionaries compare keys.
  @inline(__always)
  private static func slot(_ name: String) -> Int? {
    // The bytes borrowed in place (`withUTF8` needs a mutable copy of the string: a retain and
    // a release at each look-up); a string without contiguous bytes is not kept.
    let found = name.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      let n = bytes.count
      var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
      var high: UInt8 = 0
      for b in bytes { high |= b }
      guard high < 0x80 else { return nil }
      if n >= 8, let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        h ^= raw.loadUnaligned(as: UInt64.self)
        h = (h &* 0xBF58_476D_1CE4_E5B9) ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      } else {
        for b in bytes { h = (h << 8) | UInt64(b) }
      }
      h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
      return Int(truncatingIfNeeded: h >> 56)
    }
    return found ?? nil
  }

  /// The slots, emptied when the cache is stale (made at the first use).
  @inline(__always)
  private func slots() -> (
    UnsafeMutablePointer<String>, UnsafeMutablePointer<PyValue>, UnsafeMutablePointer<UInt32>
  ) {
    if isValid, let names, let values, let epochs { return (names, values, epochs) }
    return begin()
  }

  /// A new epoch (every slot emptied), the slots made the first time.
  private func begin() -> (
    UnsafeMutablePointer<String>, UnsafeMutablePointer<PyValue>, UnsafeMutablePointer<UInt32>
  ) {
    isValid = true
    if let names, let values, let epochs {
      epoch &+= 1
      // After 2^32 epochs the counter starts again, from slots really emptied.
      if epoch == 0 {
        clear()
        epoch = 1
      }
      return (names, values, epochs)
    }
    let names = UnsafeMutablePointer<String>.allocate(capacity: Self.slotCount)
    let values = UnsafeMutablePointer<PyValue>.allocate(capacity: Self.slotCount)
    let epochs = UnsafeMutablePointer<UInt32>.allocate(capacity: Self.slotCount)
    names.initialize(repeating: "", count: Self.slotCount)
    values.initialize(repeating: .none, count: Self.slotCount)
    epochs.initialize(repeating: 0, count: Self.slotCount)
    (self.names, self.values, self.epochs) = (names, values, epochs)
    epoch = 1
    return (names, values, epochs)
  }

  /// Empties every slot, releasing the values kept.
  private func clear() {
    guard let names, let values, let epochs else { return }
    for i in 0..<Self.slotCount {
      names[i] = ""
      values[i] = .none
      epochs[i] = 0
    }
  }

  /// The value kept for `name`, if its slot holds it.
  func value(of name: String) -> PyValue? {
    let (names, values, epochs) = slots()
    guard let s = Self.slot(name) else { return nil }
    return epochs[s] == epoch && names[s] == name ? values[s] : nil
  }

  /// Keeps `value` as what `name` holds now. A name that is not ASCII is not kept; when it was
  /// `written`, the cache is emptied (the write may be to a name kept under other bytes).
  func note(_ name: String, _ value: PyValue, written: Bool) {
    let (names, values, epochs) = slots()
    guard let s = Self.slot(name) else {
      if written { isValid = false }
      return
    }
    names[s] = name
    values[s] = value
    epochs[s] = epoch
  }

  /// Forgets every name, releasing the values kept.
  func empty() {
    clear()
    isValid = false
  }

  /// Forgets `name` (a deleted global: a builtin of its name may show again).
  func forget(_ name: String) {
    guard isValid, let names, let values, let epochs else { return }
    guard let s = Self.slot(name) else {
      isValid = false
      return
    }
    if epochs[s] == epoch && names[s] == name {
      names[s] = ""
      values[s] = .none
    }
  }
}
