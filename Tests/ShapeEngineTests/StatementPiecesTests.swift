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
}
