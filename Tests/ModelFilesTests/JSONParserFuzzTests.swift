import KerasJSON
import Testing

/// Random bytes, truncations and mutations of a real config: the parser only returns or throws,
/// and a thrown error points inside the input.
@Suite struct JSONParserFuzzTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let config = Array(
    (#"{"module": "keras", "class_name": "Functional", "config": {"name": "m", "layers": [{"#
      + #""class_name": "Dense", "config": {"units": 4, "rate": 0.5e-3, "s": "\u00e9\ud83d\ude00"#
      + #"\n"}, "inbound_nodes": [{"args": [{"keras_history": ["input", 0, 0]}]}]}], "#
      + #""x": [null, true, false, NaN, -Infinity, -12, 3.25E+2]}}"#).utf8)

  func check(_ bytes: [UInt8]) -> Bool {
    do {
      _ = try JSONParser.parse(bytes)
      return true
    } catch {
      return error.offset >= 0 && error.offset <= bytes.count && error.line >= 1
        && error.column >= 1
    }
  }

  @Test func theBaseParses() throws {
    #expect(try JSONParser.parse(Self.config)["config"]?["name"] == .string("m"))
  }

  @Test func randomBytes() {
    var rng = SplitMix(state: 1)
    let alphabet = Array(#"{}[]",:-+.0123456789eEtrufalsnNI\ "#.utf8) + [0x00, 0xC3, 0xFF, 0x0A]
    for round in 0..<3000 {
      let length = Int.random(in: 0..<40, using: &rng)
      let bytes = (0..<length).map { _ in
        round % 2 == 0
          ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng) ?? 0
      }
      #expect(check(bytes), "\(bytes)")
    }
  }

  @Test func truncationsAndMutations() {
    var rng = SplitMix(state: 2)
    for cut in 0...Self.config.count {
      #expect(check(Array(Self.config.prefix(cut))))
    }
    for _ in 0..<3000 {
      var bytes = Self.config
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let i = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
        case 1: bytes.remove(at: i)
        default: bytes.insert(bytes[Int.random(in: 0..<bytes.count, using: &rng)], at: i)
        }
      }
      #expect(check(bytes), "\(bytes)")
    }
  }
}
