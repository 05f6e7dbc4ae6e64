import Testing

@testable import ShapeEngine

/// `NameSet` (a graph's layer names) answers as `Set<String>` does, through growth, removals
/// (backward-shift deletion) and unions, for names short and long, ASCII or not.
@Suite struct NameSetTests {
  /// A name from a small pool, so that inserts and removals often meet names already there.
  func name(_ n: Int, _ generator: inout some RandomNumberGenerator) -> String {
    let forms = [
      "dense", "dense_\(n)", "conv2d_\(n)_\(n % 7)", "é\(n)", "x", "",
      String(repeating: "long_name_", count: 1 + n % 5) + "\(n)",
    ]
    return forms[Int.random(in: 0..<forms.count, using: &generator)]
  }

  @Test func answersAsASetDoes() {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<20 {
      var names = NameSet()
      var reference = Set<String>()
      let pool = [16, 200, 3000][round % 3]
      for _ in 0..<(pool * 3) {
        let n = name(Int.random(in: 0..<pool, using: &generator), &generator)
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<6:
          #expect(names.insert(n) == reference.insert(n).inserted, "\(n)")
        case 6..<8:
          names.remove(n)
          reference.remove(n)
        default:
          #expect(names.contains(n) == reference.contains(n), "\(n)")
        }
        #expect(names.count == reference.count)
      }
      // Every name still found after the removals moved slots back.
      for n in reference { #expect(names.contains(n), "\(n)") }
      #expect(Set(names) == reference)
      #expect(names == NameSet(reference))
    }
  }

  @Test func unionAndReservedRoom() {
    var a: NameSet = ["dense", "dense_1"]
    var b = NameSet()
    b.reserveCapacity(10_000)
    for i in 0..<10_000 { b.insert("dense_\(i)") }
    a.formUnion(b)
    #expect(a.count == 10_001)
    #expect(a.contains("dense") && a.contains("dense_9999") && !a.contains("dense_10000"))
    a.remove("dense_5")
    #expect(!a.contains("dense_5") && a.count == 10_000)
    #expect(a != b)
  }

  /// Names that differ in one byte anywhere, or only in length (trailing zero bytes), differ in
  /// hash (the table would find them apart anyway, comparing strings).
  @Test func hashesTellNamesApart() {
    let base = "layer_name_0123456789"
    var seen = Set<UInt64>()
    for i in 0..<base.utf8.count {
      var bytes = Array(base.utf8)
      bytes[i] ^= 1
      seen.insert(NameSet.hash(String(decoding: bytes, as: UTF8.self)))
    }
    seen.insert(NameSet.hash(base))
    seen.insert(NameSet.hash("a"))
    seen.insert(NameSet.hash("a\u{0}"))
    #expect(seen.count == base.utf8.count + 3)
    #expect(!seen.contains(0))
  }
}
