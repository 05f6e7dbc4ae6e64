/// SplitMix64: a small seeded generator, so a seed replays the same inputs on every machine.
struct Random: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `0..<n` (0 when `n` is not positive).
  mutating func below(_ n: Int) -> Int {
    n > 0 ? Int(next() % UInt64(n)) : 0
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < p
  }

  /// One element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T {
    items[below(items.count)]
  }

  /// An integer that finds bugs: edges of every width, small values, and random ones.
  mutating func interestingInt() -> Int {
    switch below(6) {
    case 0: return below(8)
    case 1: return pick([-1, -2, 0, 1, 2, 3, 7, 8, 16, 31, 32, 64, 224, 255, 256, 1000])
    case 2:
      return pick([
        Int(Int8.max), Int(Int16.max), Int(Int32.max), Int(UInt32.max), Int.max, Int.min,
        Int.max / 2, 1 << 31, 1 << 32, 1 << 53, -(1 << 31), 65_535, 65_536,
      ])
    case 3: return below(100_000) - 50_000
    case 4: return Int(bitPattern: UInt(truncatingIfNeeded: next()))
    default: return below(64)
    }
  }
}
