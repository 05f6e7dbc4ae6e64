import Foundation
import Testing

@testable import StatementLanguage

/// The scanner's kept names (`PyNameTable`) and its test of a text's bytes (`isPlain`), against
/// the plain ways they replace.
@Suite struct NameTableTests {
  /// A name taken from the table is the string of its bytes: for names that fill the table's
  /// slots many times over (so that slots are contested and replaced), names of every length
  /// around the packed words' edges, and names read near a text's end.
  @Test func aKeptNameIsTheStringOfItsBytes() {
    let table = PyNameTable()
    var names: [String] = []
    for i in 0..<2_000 { names.append("n\(i)") }
    for length in 1...20 {
      names.append(String(repeating: "a", count: length))
      names.append(String(repeating: "b", count: length - 1) + "c")
    }
    names += [
      "Dense", "x", "layers", "Conv2D", "h_1", "_", "a" + String(repeating: "9", count: 14),
    ]
    // Three rounds: the second and third find what the first (or a contender) left.
    for _ in 0..<3 {
      for name in names + names.reversed() {
        // Alone (the word read would pass the text's end) and with bytes after it.
        for text in [name, name + " = Dense(8)(x)"] {
          var text = text
          text.withUTF8 { bytes in
            let made = table.name(bytes, 0, name.utf8.count)
            #expect(made == name)
            #expect(Array(made.utf8) == Array(name.utf8))
          }
        }
      }
    }
  }

  /// A script's checks, made with the table kept from line to line, give the tokens of a scan
  /// without one.
  @Test func scansWithKeptNamesAreScansWithout() {
    let table = PyNameTable()
    var generator = SplitMix(seed: 20_261_206)
    let words = ["x", "Dense", "h0", "h12", "layers", "Conv2D", "8", "16", "0", "activation"]
    for _ in 0..<5_000 {
      var text = ""
      for k in 0..<Int(generator.next() % 6) {
        if k > 0 { text += ["(", ")", " = ", ", ", ".", "\n"][Int(generator.next() % 6)] }
        text += words[Int(generator.next() % UInt64(words.count))]
        if generator.next() % 3 == 0 { text += String(generator.next() % 1000) }
      }
      var kept: [PyToken] = []
      let ends = PyByteScanner.scan(text, into: &kept, names: table)
      var plain: [PyToken] = []
      #expect(ends == PyByteScanner.scan(text, into: &plain))
      if ends != nil { #expect(kept == plain, "\(text.debugDescription)") }
    }
  }

  /// The keyword test on packed bytes (`isPyKeyword(packed:)`) answers as the keyword set for
  /// every keyword, every name one byte away from one, and names of every length up to eight.
  @Test func packedKeywordsAreTheKeywords() {
    func packed(_ name: String) -> UInt64 {
      var text = name
      return text.withUTF8 { PyNameTable.pack($0, 0, $0.count).0 }
    }
    var names = Array(pyKeywords)
    for keyword in pyKeywords {
      let bytes = Array(keyword.utf8)
      for i in bytes.indices {
        var changed = bytes
        changed[i] ^= 0x20
        names.append(String(decoding: changed, as: UTF8.self))
      }
      names.append(String(keyword.dropLast()))
      if keyword.count < 8 { names.append(keyword + "s") }
    }
    for length in 1...8 { names.append(String(repeating: "x", count: length)) }
    names += ["Dense", "h1", "print", "match", "case", "type", "self", "_"]
    for name in names where !name.isEmpty && name.utf8.count <= 8 {
      #expect(isPyKeyword(packed: packed(name)) == pyKeywords.contains(name), "\(name)")
    }
  }

  /// `isPlain` reads eight bytes at a time: it answers as the byte-by-byte rule for each byte
  /// value at each position of texts of several lengths.
  @Test func plainBytesAreReadAsOneByOne() {
    func byByte(_ bytes: [UInt8]) -> Bool {
      bytes.allSatisfy { $0 < 0x7F && ($0 >= 0x20 || $0 == 0x0A || $0 == 0x09) }
    }
    for length in [1, 7, 8, 9, 15, 16, 17, 24] {
      for position in 0..<length {
        for value in 0...255 {
          var bytes = [UInt8](repeating: 0x61, count: length)
          bytes[position] = UInt8(value)
          let plain = bytes.withUnsafeBufferPointer { PyByteScanner.isPlain($0) }
          #expect(plain == byByte(bytes), "byte \(value) at \(position) of \(length)")
        }
      }
    }
  }
}
