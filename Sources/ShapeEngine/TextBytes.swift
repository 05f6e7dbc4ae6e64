import ShapeCore

/// Text written as UTF-8 bytes into one growing buffer: the reports and their tables are drawn
/// into it, each byte written once, instead of cells becoming strings that become lines that
/// are joined, and joined again.
struct TextBytes {
  var bytes: [UInt8] = []

  var count: Int { bytes.count }

  /// The text as a `String` (one copy).
  var string: String { String(decoding: bytes, as: UTF8.self) }

  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ b: UInt8) { bytes.append(b) }

  mutating func append(_ b: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: b) }

  mutating func append(_ other: TextBytes) { bytes.append(contentsOf: other.bytes) }

  /// `String(n)`: the decimal digits, with a minus sign when negative.
  mutating func append(_ n: Int) { Self.appendDigits(n, grouped: false, to: &bytes) }

  /// `groupedDigits(n)`: Python's `f"{n:,}"` (`23,587,712`).
  mutating func appendGrouped(_ n: Int) { Self.appendDigits(n, grouped: true, to: &bytes) }

  /// `n`'s decimal digits, grouped by three with commas when `grouped`, appended to `bytes`.
  static func appendDigits(_ n: Int, grouped: Bool, to bytes: inout [UInt8]) {
    withDigits(n, grouped: grouped) { bytes.append(contentsOf: $0) }
  }

  /// `n`'s decimal digits (a sign first, grouped by three with commas when `grouped`), handed
  /// to `body` from a fixed buffer: at most 20 digits and 6 commas, written backwards.
  static func withDigits<R>(
    _ n: Int, grouped: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      var i = buffer.count
      var m = n.magnitude
      var digits = 0
      repeat {
        if grouped, digits > 0, digits % 3 == 0 {
          i -= 1
          buffer[i] = UInt8(ascii: ",")
        }
        i -= 1
        buffer[i] = UInt8(ascii: "0") + UInt8(m % 10)
        m /= 10
        digits += 1
      } while m > 0
      if n < 0 {
        i -= 1
        buffer[i] = UInt8(ascii: "-")
      }
      return body(UnsafeBufferPointer(rebasing: buffer[i...]))
    }
  }

  /// A dim as Keras prints it (`Dim.kerasDescription`): the number, or `None`.
  mutating func appendKeras(_ d: Dim) {
    if let v = d.value { append(v) } else { append("None" as StaticString) }
  }

  /// A dim as a formula (`Dim.formula`): the number, `ceil(H/2)`, or `None`.
  mutating func appendFormula(_ d: Dim) {
    if let v = d.value { append(v) } else { append(d.formula) }
  }

  /// A shape as `TensorType.kerasShape` (`kerasShapes`) or `formulaShape` writes it: Python's
  /// tuple display, `(3,)` for rank 1.
  mutating func appendShape(_ t: TensorType, kerasShapes: Bool) {
    if t.shape.count <= Self.shortRank, Self.appendShortShape(t.shape, kerasShapes, to: &bytes) {
      return
    }
    append(UInt8(ascii: "("))
    for (i, d) in t.shape.enumerated() {
      if i > 0 { append(", " as StaticString) }
      if kerasShapes { appendKeras(d) } else { appendFormula(d) }
    }
    if t.shape.count == 1 { append(UInt8(ascii: ",")) }
    append(UInt8(ascii: ")"))
  }

  /// The most dims a shape written on the stack has (`appendShortShape`).
  static let shortRank = 8

  /// A shape of at most `shortRank` dims written as `appendShape` writes it, into a buffer on
  /// the stack and appended once (appended piece by piece, a row's shape cost a thousand
  /// instructions), when each of its dims is a number or `None` (Keras's unknown, or with
  /// `kerasShapes` any formula); false (nothing written) for a formula to write.
  static func appendShortShape(_ shape: [Dim], _ kerasShapes: Bool, to bytes: inout [UInt8])
    -> Bool
  {
    // "(", at most 20 digits and a sign, or "None", and ", " a dim, ",)".
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + 23 * shortRank) { buffer in
      guard let out = buffer.baseAddress else { return false }
      var n = 0
      out[n] = UInt8(ascii: "(")
      n += 1
      for i in shape.indices {
        if i > 0 {
          out[n] = UInt8(ascii: ",")
          out[n + 1] = UInt8(ascii: " ")
          n += 2
        }
        var isUnknown = false
        if case .unknown = shape[i] { isUnknown = true }
        if let v = shape[i].value {
          // The digits written in place, last first.
          if v < 0 {
            out[n] = UInt8(ascii: "-")
            n += 1
          }
          var m = v.magnitude
          var digits = 1
          while m >= 10 {
            m /= 10
            digits += 1
          }
          m = v.magnitude
          for k in stride(from: n + digits - 1, through: n, by: -1) {
            out[k] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
          }
          n += digits
        } else if kerasShapes || isUnknown {
          for b in "None".utf8 {
            out[n] = b
            n += 1
          }
        } else {
          return false
        }
      }
      if shape.count == 1 {
        out[n] = UInt8(ascii: ",")
        n += 1
      }
      out[n] = UInt8(ascii: ")")
      n += 1
      bytes.append(contentsOf: UnsafeBufferPointer(start: out, count: n))
      return true
    }
  }

  /// True when every byte is printable ASCII (`Table.isPlainASCII`), eight bytes at a time.
  static func isPlainASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBytes { raw in
      let n = raw.count
      var i = 0
      while i + 8 <= n {
        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // A byte >= 0x80, < 0x20 or 0x7F.
        if ByteWord.nonASCII(x) | ByteWord.below(x, 0x20) | ByteWord.equal(x, 0x7F) != 0 {
          return false
        }
        i += 8
      }
      while i < n {
        let b = raw[i]
        if b < 0x20 || b >= 0x7F { return false }
        i += 1
      }
      return true
    }
  }
}
