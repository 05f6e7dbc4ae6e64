import KerasJSON
import Testing

/// JSON text as Python's json.dumps writes it (checked with `json.loads` in Python 3.11): the
/// expected strings below are Python's own output, except U+2028, which is escaped here.
@Suite struct JSONWriterTests {
  let value: JSONValue = .object([
    JSONMember("s", .string("a\"b\\c\n\u{01}é\u{2028}")),
    JSONMember(
      "d",
      .array(
        [0.1, 1e-05, 1e16, 100.0, -0.0, Double.leastNonzeroMagnitude, 1.7976931348623157e308]
          .map(JSONValue.double))),
    JSONMember("i", .array([.int(3), .int(-7), .bool(true), .null])),
    JSONMember("e", .object([])), JSONMember("l", .array([])),
  ])

  @Test func compactIsPythonsJSONDumps() {
    #expect(
      value.compactText
        == #"{"s": "a\"b\\c\n\u0001é\u2028", "d": [0.1, 1e-05, 1e+16, 100.0, -0.0, 5e-324, "#
        + #"1.7976931348623157e+308], "i": [3, -7, true, null], "e": {}, "l": []}"#)
  }

  @Test func prettyIndentsEveryMember() {
    let v: JSONValue = .object([
      JSONMember("a", .array([.int(1), .double(2.5)])), JSONMember("b", .object([])),
    ])
    #expect(v.prettyText() == "{\n  \"a\": [\n    1,\n    2.5\n  ],\n  \"b\": {}\n}")
  }

  @Test func nonFiniteNumbersAsPythonWritesThem() {
    #expect(
      JSONValue.array([.double(.infinity), .double(-.infinity)]).compactText
        == "[Infinity, -Infinity]")
  }
}
