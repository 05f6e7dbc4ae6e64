import Foundation

/// CPython's numeric and tuple hashes (Python/pyhash.c, Objects/tupleobject.c).
enum PyHash {
  static let bits: UInt64 = 61
  static let modulus: UInt64 = (1 << 61) - 1

  /// `hash(n)`: n modulo 2**61 - 1 with n's sign; -1 becomes -2.
  static func int(_ n: Int) -> Int {
    let reduced = Int(UInt64(n.magnitude) % modulus)
    let signed = n < 0 ? -reduced : reduced
    return signed == -1 ? -2 : signed
  }

  /// `hash(x)` for a float: the same as the int it equals, else CPython's reduction of its
  /// binary fraction.
  static func double(_ v: Double) -> Int {
    if v.isInfinite { return v > 0 ? 314_159 : -314_159 }
    if v.isNaN { return 0 }
    // The mantissa of |v| in [0.5, 1) (Swift's frexp gives the magnitude's), the sign apart.
    let sign = v < 0 ? -1 : 1
    var (m, e) = frexp(Swift.abs(v))
    var x: UInt64 = 0
    while m != 0 {
      x = ((x << 28) & modulus) | (x >> (bits - 28))
      m *= 268_435_456.0
      e -= 28
      let y = UInt64(m)
      m -= Double(y)
      x += y
      if x >= modulus { x -= modulus }
    }
    let shift = e >= 0 ? UInt64(e % 61) : UInt64(61 - 1 - ((-1 - e) % 61))
    x = ((x << shift) & modulus) | (x >> (bits - shift))
    let result = Int(x) * sign
    return result == -1 ? -2 : result
  }

  /// `hash(s)` for a string: FNV-1a of its UTF-8 bytes, the same in every run (CPython's is
  /// salted per process); -1 becomes -2.
  static func string(_ s: String) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in s.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    let result = Int(truncatingIfNeeded: h)
    return result == -1 ? -2 : result
  }

  /// `hash(t)` for a tuple of item hashes (xxHash's mixing, as CPython 3.8+).
  static func tuple(_ lanes: [Int]) -> Int {
    let prime1: UInt64 = 11_400_714_785_074_694_791
    let prime2: UInt64 = 14_029_467_366_897_019_727
    let prime5: UInt64 = 2_870_177_450_012_600_261
    var acc = prime5
    for lane in lanes {
      acc = acc &+ UInt64(bitPattern: Int64(lane)) &* prime2
      acc = (acc << 31) | (acc >> 33)
      acc = acc &* prime1
    }
    acc = acc &+ (UInt64(lanes.count) ^ (prime5 ^ 3_527_539))
    let result = Int(Int64(bitPattern: acc))
    return result == -1 ? 1_546_275_796 : result
  }
}
