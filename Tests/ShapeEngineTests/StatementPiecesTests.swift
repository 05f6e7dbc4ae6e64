import StatementLanguage
import Testing

@testable import ShapeEngine

/// A statement's source cut from its program's text, by UTF-8 offsets where the text has a
/// byte a character, against the cut from the text's `Character`s.
@Suite struct StatementPiecesTests {
  @Test func aPieceIsTheCharactersItsRangeCovers() {
    let texts = [
      "x = 1", "x = 1\ny = Dense(8)(x)", "é = 1\nx = 2", "a = 1\r\nb = 2", "a\rb", "",
      String(repeating: "Dense(8)\n", count: 4), "x = 'ü'; y = 2", "\t x",
    ]
    for text in texts {
      let characters = Array(text)
      var pieces = StatementPieces(text)
      for start in -1...(characters.count + 1) {
        for end in start...(characters.count + 2) {
          let (lower, upper) = (max(0, start), min(characters.count, end))
          let expected = lower < upper ? String(characters[lower..<upper]) : ""
          #expect(
            pieces.piece(SourceRange(start, end)) == expected,
            "\(text.debugDescription) \(start)..<\(end)")
        }
      }
    }
  }

  /// The eight-bytes-at-a-time test of "ASCII without \r" agrees with the byte-by-byte one, for
  /// every length up to three words and a "\r" or non-ASCII byte at each place.
  @Test func oneBytePerCharacterByWords() {
    func simple(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
    var generator = SystemRandomNumberGenerator()
    for count in 0...24 {
      var cases: [[UInt8]] = [[UInt8](repeating: 0x61, count: count)]
      for at in 0..<count {
        for odd: UInt8 in [0x0D, 0x0C, 0x0E, 0x8D, 0x80, 0xFF, 0x00, 0x7F] {
          var bytes = (0..<count).map { _ in UInt8.random(in: 0x10...0x7E, using: &generator) }
          bytes[at] = odd
          cases.append(bytes)
        }
      }
      for bytes in cases {
        let fast = bytes.withUnsafeBufferPointer(StatementPieces.oneBytePerCharacter)
        #expect(fast == simple(bytes), "\(bytes)")
      }
    }
  }
}
