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
    var text = text
    return try text.withUTF8 { buffer throws(JSONError) in
      var reader = JSONReader(
        bytes: buffer, maxDepth: JSONParser.defaultMaxDepth,
        maxValues: JSONParser.defaultMaxValues)
      _ = try reader.document()
      return reader.tails.hits
    }
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
