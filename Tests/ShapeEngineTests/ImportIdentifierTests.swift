import Testing

@testable import ShapeEngine

/// An imported layer's name becomes a name the statement language can use. The rule is written
/// on Characters (letters, digits and `_` stay, anything else becomes `_`, a leading digit or an
/// empty name takes a `_` in front); `Evaluator.identifier` reads ASCII names byte by byte, so
/// both must agree on every kind of name.
@Suite struct ImportIdentifierTests {
  static func byCharacters(_ name: String) -> String {
    var s = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    if s.first?.isNumber ?? true { s = "_" + s }
    return s
  }

  static let names = [
    "conv1_conv", "block1/conv.a", "1st", "9", "", "_", "a-b c", "Dense", "x@y#z", "tf.math.add_3",
    "naïve", "名前", "5é", "a\u{301}b", "~", "conv2d_1", "Z9", "0_x",
  ]

  @Test(arguments: names) func asciiPathAgreesWithTheCharacterRule(_ name: String) {
    #expect(Evaluator.identifier(name) == Self.byCharacters(name))
  }

  @Test func everyPrintableASCIICharacterAgrees() {
    for b in UInt8(0x20)..<UInt8(0x7F) {
      let c = String(UnicodeScalar(b))
      for name in [c, "a" + c, c + "a", "1" + c] {
        #expect(Evaluator.identifier(name) == Self.byCharacters(name), "\(name)")
      }
    }
  }

  /// `isIdentifier` says without making a string what `identifier` would give.
  @Test func isIdentifierAgreesWithIdentifier() {
    var names = Self.names
    for b in UInt8(0x20)..<UInt8(0x7F) {
      let c = String(UnicodeScalar(b))
      names += [c, "a" + c, c + "a", "1" + c, "a" + c + "é"]
    }
    for name in names {
      #expect(Evaluator.isIdentifier(name) == (Evaluator.identifier(name) == name), "\(name)")
    }
  }
}
