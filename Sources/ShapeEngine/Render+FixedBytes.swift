import ShapeCore

/// Bytes written through a pointer into a buffer of fixed size, each write checked against its
/// room: a statement's lines are short, and are written this way without the checks and calls
/// of an array append per piece. `overflowed` says a write did not fit (the caller then writes
/// the text the ordinary way).
struct FixedBytes: TextSink {
  let base: UnsafeMutablePointer<UInt8>
  let capacity: Int
  private(set) var count = 0
  private(set) var overflowed = false

  init?(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress else { return nil }
    self.base = base
    capacity = buffer.count
  }

  var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// `n` bytes from `source`, or none (and `overflowed`) when they do not fit.
  @inline(__always)
  mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
    guard n <= capacity &- count else {
      overflowed = true
      return
    }
    // Short runs byte by byte: a call of `memcpy` costs more than the copy of a name.
    let to = base + count
    if n <= 16 {
      for i in 0..<n { to[i] = source[i] }
    } else {
      to.update(from: source, count: n)
    }
    count &+= n
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    append(source, count: bytes.count)
  }

  /// A literal's bytes read where the literal is (no closure: `withUTF8Buffer` took one a piece).
  @inline(__always)
  mutating func append(_ s: StaticString) {
    guard s.hasPointerRepresentation else {
      s.withUTF8Buffer { append($0) }
      return
    }
    append(s.utf8Start, count: s.utf8CodeUnitCount)
  }

  mutating func append(_ s: String) {
    // Read in place where the bytes are contiguous (nearly always): `withUTF8` needs a mutable
    // copy of the string, a retain and a release.
    if s.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
    var s = s
    s.withUTF8 { append($0) }
  }

  @inline(__always)
  mutating func append(_ b: UInt8) {
    guard count < capacity else {
      overflowed = true
      return
    }
    base[count] = b
    count &+= 1
  }

  mutating func appendGrouped(_ n: Int) { append(n, grouped: true) }

  mutating func append(_ n: Int) { append(n, grouped: false) }

  /// `TextBytes.appendDigits`, written in place: the digits counted first, then written last
  /// first where they end (no buffer of their own, no closure); one digit at once.
  mutating func append(_ n: Int, grouped: Bool) {
    if n >= 0, n < 10 {
      append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n))
      return
    }
    var m = n.magnitude
    var digits = 1
    var bound: UInt = 10
    // An `Int`'s magnitude has at most 19 digits (10^19 is the last power of ten in a `UInt`).
    while m >= bound, digits < 19 {
      digits &+= 1
      bound &*= 10
    }
    let commas = grouped && digits > 3 ? (digits - 1) / 3 : 0
    let length = digits &+ commas &+ (n < 0 ? 1 : 0)
    guard length <= capacity &- count else {
      overflowed = true
      return
    }
    var i = count &+ length
    if commas == 0 {
      repeat {
        i &-= 1
        base[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
        m /= 10
      } while m > 0
    } else {
      var written = 0
      repeat {
        if written > 0, written % 3 == 0 {
          i &-= 1
          base[i] = UInt8(ascii: ",")
        }
        i &-= 1
        base[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
        m /= 10
        written &+= 1
      } while m > 0
    }
    if n < 0 { base[count] = UInt8(ascii: "-") }
    count &+= length
  }

  /// `TextBytes.appendShape`: the dims written in place, a formula as its text.
  mutating func appendShape(_ t: TensorType, kerasShapes: Bool) {
    append(UInt8(ascii: "("))
    let shape = t.shape
    for i in shape.indices {
      if i > 0 {
        append(UInt8(ascii: ","))
        append(UInt8(ascii: " "))
      }
      if case .unknown = shape[i] {
        // `formula` of Keras's plain unknown, without the string made.
        append("None" as StaticString)
      } else if let v = shape[i].value {
        append(v, grouped: false)
      } else if kerasShapes {
        append("None" as StaticString)
      } else {
        append(shape[i].formula)
      }
    }
    if shape.count == 1 { append(UInt8(ascii: ",")) }
    append(UInt8(ascii: ")"))
  }
}

/// Where a tensor's lines are written: a growing `TextBytes`, or `FixedBytes` on the stack.
protocol TextSink {
  mutating func append(_ s: StaticString)
  mutating func append(_ s: String)
  mutating func append(_ b: UInt8)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
  /// Python's `f"{n:,}"`.
  mutating func appendGrouped(_ n: Int)
  /// `String(n)`.
  mutating func append(_ n: Int)
  mutating func appendShape(_ t: TensorType, kerasShapes: Bool)
}

extension TextBytes: TextSink {}
