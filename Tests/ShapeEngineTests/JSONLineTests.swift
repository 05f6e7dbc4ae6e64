import Testing

@testable import ShapeEngine

/// A statement's JSON line written from its graph (`JSONOutput.withLineBytes`) is the line
/// `encode(record(...))` writes, for every kind it writes; the others are left to the records.
@Suite struct JSONLineTests {
  /// Each line's outcome in one session, with the line as its source.
  func outcomes(_ lines: [String]) -> [(String, Outcome)] {
    var session = Session()
    return lines.map { ($0, session.submit($0)) }
  }

  func line(_ o: Outcome, _ source: String, style: RenderStyle = .plain) -> String? {
    var handed: [UInt8]?
    let written = JSONOutput.withLineBytes(o, line: 7, source: source, style: style) {
      handed = Array($0)
    }
    #expect(written == (handed != nil))
    return handed.map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func theLineIsTheRecordsLine() {
    let long = String(repeating: "n", count: 1100)
    let lines = [
      "x = Input((None, None, 3))", "Conv2D(8, 3)", "y = Input((4, 4), name='in\\\"put')",
      "Dense(3, name=\"d\\\\1\")(y)", "s = Input((5, 4))", "r = LSTM(6, return_state=True)(s)",
      "x", "r", "d = Dense(2)", "d", "x.shape", "Dense(4, name='\(long)')(s)",
      "z = Dense(5, name='é\\t')(s)", "t = Input((None,))", "Dense(3)(t)",
    ]
    var written = 0
    for (source, outcome) in outcomes(lines) {
      // The source as a statement's text may hold any byte: escapes, a tab, non-ASCII.
      for text in [source, source + "\t\u{1}\"\\\n é"] {
        let expected = JSONOutput.records(outcome, line: 7, source: text).map(JSONOutput.encode)
        guard let got = line(outcome, text) else { continue }
        written += 1
        #expect([got] == expected, "\(source)")
      }
    }
    // Every statement but `x.shape` and `r` (values a statement shows), and the deferred
    // weights of `Dense(3)(t)`.
    #expect(written == 2 * (lines.count - 3))
  }

  /// A value shown by a bare name carries that name as `variable`; shown by another
  /// expression, no `variable` (it used to be `""`), in both writers.
  @Test func aShownValueNamesItsVariable() {
    let lines = [
      "x = Input((16,))", "y = Dense(8)(x)", "y", "d = Dense(2)", "d", "ls = [d]", "ls[0]",
      "(y, x)[0]",
    ]
    let expected: [String: String?] = [
      "y": "\"variable\":\"y\"", "d": "\"variable\":\"d\"", "ls[0]": nil,
      "(y, x)[0]": nil,
    ]
    var checked = 0
    for (source, outcome) in outcomes(lines) {
      guard case .shown = outcome, let want = expected[source] else { continue }
      let records = JSONOutput.records(outcome, line: 7, source: source).map(JSONOutput.encode)
      #expect(records.count == 1)
      for text in records + [line(outcome, source)].compactMap({ $0 }) {
        if let want {
          #expect(text.contains(want), "\(source): \(text)")
        } else {
          #expect(!text.contains("variable"), "\(source): \(text)")
        }
        checked += 1
      }
    }
    // Each of the four shown values, by both writers.
    #expect(checked == 8)
  }

  @Test func otherOutcomesAndCostsAreLeftToTheRecords() {
    var cost = RenderStyle.plain
    cost.cost = true
    for (source, outcome) in outcomes(["x = Input((16,))", "Dense(3)", "summary", "y = nope"]) {
      if case .effect = outcome {
        #expect(line(outcome, source, style: cost) == nil)
        #expect(line(outcome, source) != nil)
      } else {
        #expect(line(outcome, source) == nil)
      }
    }
  }

  /// The word-at-a-time test finds what the byte-at-a-time one finds, at every position.
  @Test func escapesAreFoundAtEveryPosition() {
    var generator = SystemRandomNumberGenerator()
    let special: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C]
    let plain: [UInt8] = [0x20, 0x21, 0x23, 0x41, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE2, 0xFF]
    for length in 0..<40 {
      for _ in 0..<50 {
        var bytes = (0..<length).map { _ in plain.randomElement(using: &generator) ?? 0x41 }
        if length > 0, Bool.random(using: &generator) {
          bytes[Int.random(in: 0..<length, using: &generator)] =
            special.randomElement(using: &generator) ?? 0
        }
        let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        bytes.withUnsafeBufferPointer { buffer in
          #expect(FixedBytes.needsJSONEscape(buffer) == expected, "\(bytes)")
        }
      }
    }
  }
}
