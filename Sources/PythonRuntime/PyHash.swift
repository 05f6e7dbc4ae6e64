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

  /// A string's hash for kshape's own dict index: FNV-1a of its UTF-8 bytes (faster than
  /// `pythonString`, and no Python program sees it); -1 becomes -2.
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

  /// CPython's str hash with hashing randomisation off: SipHash-1-3, key 0, of the string in
  /// the narrowest of Latin-1, UCS-2 and UCS-4 that holds it (little-endian); "" is 0.
  static func pythonString(_ s: String) -> Int {
    var widest: UInt32 = 0
    for scalar in s.unicodeScalars where scalar.value > widest { widest = scalar.value }
    var bytes: [UInt8] = []
    for scalar in s.unicodeScalars {
      let v = scalar.value
      bytes.append(UInt8(truncatingIfNeeded: v))
      if widest > 0xFF { bytes.append(UInt8(truncatingIfNeeded: v >> 8)) }
      if widest > 0xFFFF {
        bytes.append(UInt8(truncatingIfNeeded: v >> 16))
        bytes.append(UInt8(truncatingIfNeeded: v >> 24))
      }
    }
    if bytes.isEmpty { return 0 }
    let h = Int(Int64(bitPattern: sipHash13(bytes)))
    return h == -1 ? -2 : h
  }

  /// SipHash-1-3 with a zero key (CPython's Python/pyhash.c, `siphash13`).
  static func sipHash13(_ bytes: [UInt8]) -> UInt64 {
    var v0: UInt64 = 0x736f_6d65_7073_6575
    var v1: UInt64 = 0x646f_7261_6e64_6f6d
    var v2: UInt64 = 0x6c79_6765_6e65_7261
    var v3: UInt64 = 0x7465_6462_7974_6573
    func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
    func round() {
      v0 = v0 &+ v1
      v2 = v2 &+ v3
      v1 = rotl(v1, 13) ^ v0
      v3 = rotl(v3, 16) ^ v2
      v0 = rotl(v0, 32)
      v2 = v2 &+ v1
      v0 = v0 &+ v3
      v1 = rotl(v1, 17) ^ v2
      v3 = rotl(v3, 21) ^ v0
      v2 = rotl(v2, 32)
    }
    let whole = bytes.count / 8 * 8
    var at = 0
    while at < whole {
      var m: UInt64 = 0
      for k in 0..<8 { m |= UInt64(bytes[at + k]) << UInt64(8 * k) }
      v3 ^= m
      round()
      v0 ^= m
      at += 8
    }
    var b = UInt64(truncatingIfNeeded: bytes.count) << 56
    for k in 0..<(bytes.count - whole) { b |= UInt64(bytes[whole + k]) << UInt64(8 * k) }
    v3 ^= b
    round()
    v0 ^= b
    v2 ^= 0xff
    round()
    round()
    round()
    return (v0 ^ v1) ^ (v2 ^ v3)
  }
}
