import Testing

@testable import KerasJSON

/// An object whose members after the first are written as an earlier one's takes those members
/// (`JSONTailPredictor`): rests the same, cut short, changed, repeating a key (among them, or
/// the first member's), past the limits, of kinds that take turns, as the reference parser
/// reads them.
@Suite struct JSONTailPredictionTests {
  typealias Differential = JSONParserDifferentialTests

  /// Rests of an object after `"name": ..., `, earlier and later: each pair read in both orders.
  static let rests = [
    #""a": 1, "b": [1, 2]}"#, #""a": 1, "b": [1, 2]"#, #""a": 1, "b": [1, 2]}}"#,
    #""a": 1, "b": [1, 3]}"#, #""a": 1, "a": 2}"#, #""name": 1}"#, #""a": 1, "name": [2]}"#,
    #""a": {"b": {"c": [1]}}}"#, #""a": 1,"b": [1, 2]}"#, #""a": 1}"#, #""b": 2, "a": 1}"#,
    #""a": 1, "b": [1, 2]} "#, "}",
  ]

  static var texts: [String] {
    var texts: [String] = []
    for a in rests {
      for b in rests {
        texts.append(#"[{"name": "x", "# + a + #", {"name": "y", "# + b + "]")
        texts.append(
          #"[{"name": 1, "# + a + #", {"other": 1, "# + b + #", {"name": [], "# + b + "]")
        texts.append(#"{"name": {"name": 0, "# + a + #", "k": {"name": 1, "# + b + "}")
      }
    }
    return texts
  }

  @Test func predictedRestsReadAsTheReferenceReadsThem() {
    let inputs = Self.texts.map { Array($0.utf8) }
    #expect(Differential.differences(inputs) == [])
    let limited = inputs.filter { $0.count < 110 }
    for depth in [1, 2, 3, 4, 5] {
      for values in [3, 4, 5, 6, 8, 10, 12] {
        #expect(Differential.differences(limited, maxDepth: depth, maxValues: values) == [])
      }
    }
  }

  /// How many objects took an earlier one's rest in reading `text`, which must parse.
  static func hits(_ text: String) throws -> Int {
    try JSONValuePredictionTests.read(text) { $0.tails.hits }
  }

  @Test func whatIsPredicted() throws {
    // Three kinds taking turns, each after the first of its kind.
    let kinds = [#""a": 1, "b": 2}"#, #""a": 1, "c": 3}"#, #""d": [4]}"#]
    let layers = (0..<9).map { #"{"name": "l\#($0)", "# + kinds[$0 % 3] }
    #expect(try Self.hits("[" + layers.joined(separator: ", ") + "]") == 6)
    // Not after a repeated key, nor where the first key is among the rest.
    #expect(try Self.hits(#"[{"n": 1, "a": 1, "a": 2}, {"n": 2, "a": 1, "a": 2}]"#) == 0)
    let first = #"[{"n": 1, "a": 1, "b": 2}, {"a": 2, "a": 1, "b": 2}, "#
    #expect(try Self.hits(first + #"{"n": 3, "a": 1, "b": 2}]"#) == 1)
    let value = try JSONParser.parse(first + #"{"n": 3, "a": 1, "b": 2}]"#)
    #expect(value.arrayValue?[1] == .object([JSONMember("a", .int(1)), JSONMember("b", .int(2))]))
    #expect(
      value.arrayValue?[2]
        == .object([
          JSONMember("n", .int(3)), JSONMember("a", .int(1)), JSONMember("b", .int(2)),
        ]))
  }
}

/// The rest after a member whose value took a rest (a layer's entry after its config).
extension JSONTailPredictionTests {
  /// Rests after `"c": {...}`, earlier and later.
  static let laterRests = [
    #""r": null, "b": [1, 2]}"#, #""r": null, "b": [1, 2]"#, #""r": null, "b": [1, 3]}"#,
    #""m": 5, "b": [1, 2]}"#, #""c": 5}"#, #""r": null, "r": 1}"#, #""r": {"c": [[1]]}}"#,
    #""r": null}"#, "}", #""r": null, "b": [1, 2]}}"#,
  ]

  /// Three entries whose configs differ in their names: the second's config takes the first's
  /// rest and keeps its own rest `a`, the third's is read against it, `b`.
  static var laterTexts: [String] {
    func config(_ n: Int) -> String { #""c": {"name": "n\#(n)", "a": 1, "b": [1, 2]}, "# }
    var texts: [String] = []
    for a in laterRests {
      for b in laterRests {
        let first = #"[{"m": 1, "# + config(1) + a + #", {"m": 2, "# + config(2) + a
        texts.append(first + #", {"m": 3, "# + config(3) + b + "]")
        texts.append(first + #", {"x": 2, "m": 1, "# + config(3) + b + "]")
        texts.append(first + #", {"c": 1, "d": 2, "# + config(3) + b + "]")
      }
    }
    return texts
  }

  @Test func laterRestsReadAsTheReferenceReadsThem() {
    let inputs = Self.laterTexts.map { Array($0.utf8) }
    #expect(Differential.differences(inputs) == [])
    // Rests were taken (where the third entry's is the second's).
    #expect(Self.laterTexts.map { (try? Self.laterHits($0)) ?? 0 }.reduce(0, +) >= 3)
    let limited = inputs.filter { $0.count < 200 }
    for depth in [2, 3, 4, 5] {
      for values in [20, 24, 26, 28, 30, 32, 34] {
        #expect(Differential.differences(limited, maxDepth: depth, maxValues: values) == [])
      }
    }
  }

  /// How many objects took a later rest in reading `text`, which must parse.
  static func laterHits(_ text: String) throws -> Int {
    try JSONValuePredictionTests.read(text) { $0.laters.hits }
  }

  @Test func whatIsPredictedLater() throws {
    // Entries that differ (a repeated one is the container table's) in the config's name.
    func entry(_ n: Int, first: String = "m") -> String {
      #"{""# + first + #"": 1, "c": {"name": "n\#(n)", "a": 1, "b": [1, 2]}, "r": null, "#
        + #""b": [1, 2]}"#
    }
    // The first config reads its rest, the second takes it and the entry's rest is kept, the
    // third and fourth take both.
    let four = (1...4).map { entry($0) }.joined(separator: ", ")
    #expect(try Self.laterHits("[" + four + "]") == 2)
    // Not where a key before is among the rest's.
    let other = "[" + entry(1) + ", " + entry(2) + ", " + entry(3, first: "b") + "]"
    #expect(try Self.laterHits(other) == 0)
    let value = try JSONParser.parse(other)
    #expect(value.arrayValue?[2]["b"] == .array([.int(1), .int(2)]))
    #expect(value.arrayValue?[2].objectValue?.map(\.key) == ["b", "c", "r"])
  }
}

extension JSONTailPredictionTests {
  /// An object's first key is predicted by the key the object is the value of, so the first
  /// keys of an entry and of its config do not take turns in one prediction.
  @Test func firstKeysPredictedByTheirParentKey() throws {
    var text =
      #"[{"module": 1, "config": {"name": "a", "x": 1}}, "#
      + #"{"module": 2, "config": {"name": "b", "x": 2}}]"#
    let hits = try text.withUTF8 { buffer throws(JSONError) in
      var reader = JSONReader(
        bytes: buffer, maxDepth: JSONParser.defaultMaxDepth,
        maxValues: JSONParser.defaultMaxValues)
      _ = try reader.document()
      return reader.keys.hits
    }
    #expect(hits == 4)
  }
}
