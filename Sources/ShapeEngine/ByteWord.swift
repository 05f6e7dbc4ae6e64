/// Tests on eight bytes at once, read as one little-endian word: the scans of a text for bytes
/// that need care (an escape, a non-ASCII byte, a carriage return, a curly quote) that most
/// texts do not have.
///
/// Each test gives the high bit of every byte that passes it. Above the lowest such byte the bits
/// may be wrong (a borrow), so only "is any set" (`!= 0`) and the lowest one are exact.
public enum ByteWord {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The bytes of `x` equal to `byte` (the zero-byte test on `x` xor `byte` in every byte).
  @inline(__always)
  public static func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 {
    let y = x ^ (ones &* UInt64(byte))
    return (y &- ones) & ~y & highs
  }

  /// The bytes of `x` below `byte`, which is at most 0x80 (a byte of 0x80 and above never
  /// borrows there).
  @inline(__always)
  public static func below(_ x: UInt64, _ byte: UInt8) -> UInt64 {
    (x &- ones &* UInt64(byte)) & ~x & highs
  }

  /// The bytes of `x` that are not ASCII.
  @inline(__always)
  public static func nonASCII(_ x: UInt64) -> UInt64 { x & highs }
}
