import Testing

@testable import KerasJSON

/// A member whose list or object is written as its key's last value is taken whole
/// (`JSONValuePredictor`): objects repeating a key with the same value, another value, a prefix
/// or an extension of it, cut by the end or by an error, past the limits, as the reference
/// parser reads them; the repeats share their storage.
@Suite struct JSONValuePredictionTests {
  typealias Differential = JSONParserDifferentialTests

  /// Values a key may hold, earlier and later: each pair is read in both orders.
  static let values = [
    #""same""#, #""sam""#, #""same" "#, #""samex""#, #""s\u0061me""#, #""sa"#, #""same"#,
    "[1, 1]", "[1, 1", "[1, 1]]", "[1, 10]", "[1,1]", "[[1]]", "[[[1]]]", #"{"a": [1]}"#,
    #"{"a": [1], "a": 2}"#, #"{"a": [1]"#, "{}", "[]", "1", "10", "null", "true",
    "[" + String(repeating: "1, ", count: 100) + "1]",
  ]

  static var texts: [String] {
    var texts: [String] = []
    for a in values {
      for b in values {
        texts.append(#"[{"k": "# + a + #", "x": 1}, {"k": "# + b + #", "x": 2}]"#)
        texts.append(#"{"k": "# + a + #", "o": {"k": "# + b + #"}, "k": "# + b + "}")
        texts.append(#"[{"k": "# + a + "}, [" + b + #"], {"k": "# + a + "}]")
      }
    }
    return texts
  }

  @Test func predictedValuesReadAsTheReferenceReadsThem() {
    let inputs = Self.texts.map { Array($0.utf8) }
    #expect(Differential.differences(inputs) == [])
    // The limits reached inside a predicted value, at every depth and count near them.
    let limited = inputs.filter { $0.count < 120 }
    for depth in [1, 2, 3, 4] {
      for values in [2, 3, 4, 5, 7, 9] {
        #expect(Differential.differences(limited, maxDepth: depth, maxValues: values) == [])
      }
    }
  }

  /// Where a non-empty array keeps its elements.
  static func storage<T>(_ a: [T]) -> UnsafeRawPointer? {
    a.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }

  @Test func predictedValuesShareTheirStorage() throws {
    // The second `[3, 3]` under "k" follows a long list under "k": the container table is not
    // asked, the predictor is after the third.
    let long = "[" + String(repeating: "1, ", count: 100) + "1]"
    let text =
      #"[{"k": [3, 3], "s": "a string of more than fifteen bytes"}, {"k": [3, 3], "s": "#
      + #""a string of more than fifteen bytes"}, {"k": "# + long + #"}, {"k": [3, 3]}, "#
      + #"{"k": [3, 3]}]"#
    #expect(Differential.differences([Array(text.utf8)]) == [])
    guard case .array(let items) = try JSONParser.parse(text), items.count == 5 else {
      Issue.record("not five objects")
      return
    }
    func list(_ i: Int) -> [JSONValue] { items[i]["k"]?.arrayValue ?? [] }
    #expect(Self.storage(list(0)) == Self.storage(list(1)))
    #expect(list(3) == list(4) && Self.storage(list(3)) == Self.storage(list(4)))
    guard case .string(let s0)? = items[0]["s"], case .string(let s1)? = items[1]["s"] else {
      Issue.record("no strings")
      return
    }
    var (a, b) = (s0, s1)
    let shared = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
    #expect(s0 == s1 && shared)
  }

  /// How many values the predictor gave in reading `text`, which must parse.
  static func hits(_ text: String) throws -> Int { try read(text) { $0.predictor.hits } }

  /// What `count` reads of a reader that read `text` (which must parse) at the default limits.
  static func read(_ text: String, _ count: (borrowing JSONReader) -> Int) throws -> Int {
    var text = text
    return try text.withUTF8 { buffer throws(JSONError) in
      var reader = JSONReader(
        bytes: buffer, maxDepth: JSONParser.defaultMaxDepth,
        maxValues: JSONParser.defaultMaxValues)
      _ = try reader.document()
      return count(reader)
    }
  }

  @Test func whatIsPredicted() throws {
    // Containers under the same key, written the same: after the first. (Objects that differ:
    // a repeated object is the container table's.)
    #expect(try Self.hits(#"[{"k": [1], "x": 1}, {"k": [1], "x": 2}, {"k": [1]}]"#) == 2)
    #expect(try Self.hits(#"[{"k": [1, {"a": 2}], "x": 1}, {"k": [1, {"a": 2}]}]"#) == 1)
    // Not strings, numbers or literals, other keys, other text, or a value read inside a list.
    #expect(try Self.hits(#"[{"k": "v", "x": 1}, {"k": "v", "x": 2}]"#) == 0)
    #expect(try Self.hits(#"[{"k": 1}, {"k": 1}, {"k": null}, {"k": null}]"#) == 0)
    #expect(try Self.hits(#"[{"k": "v"}, {"j": "v"}, {"k": "w"}, ["v"], {"k": [1,1]}]"#) == 0)
    #expect(try Self.hits(#"[{"k": [1, 1]}, {"k": [1,1]}, {"k": [1, 1] }]"#) == 0)
  }
}

extension JSONValuePredictionTests {
  /// A container after a long one (in a list, or under the same key) is not looked up in the
  /// container table, but is remembered there: the next of its text shares its storage.
  @Test func aContainerAfterALongOneIsRemembered() throws {
    let long = "[" + String(repeating: "1, ", count: 100) + "1]"
    let text =
      "[\(long), [1, 2], [1, 2], {\"k\": \(long), \"x\": 1}, {\"k\": [1, 3], \"x\": 2}, "
      + "[1, 3]]"
    #expect(Differential.differences([Array(text.utf8)]) == [])
    guard case .array(let items) = try JSONParser.parse(text), items.count == 6,
      case .array(let a) = items[1], case .array(let b) = items[2],
      case .array(let c)? = items[4]["k"], case .array(let d) = items[5]
    else {
      Issue.record("unexpected items")
      return
    }
    #expect(Self.storage(a) == Self.storage(b))
    #expect(Self.storage(c) == Self.storage(d))
  }
}
