import KerasJSON
import Testing

/// The JSON parser: values, order, duplicates, escapes, numbers, and errors with positions.
@Suite struct JSONParserTests {
  func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

  /// The error text for `text`, or nil when it parses.
  func failure(_ text: String) -> String? {
    do {
      _ = try JSONParser.parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func scalarsAndContainers() throws {
    #expect(try parse(" null ") == .null)
    #expect(try parse("true") == .bool(true))
    #expect(
      try parse("[false, 1, -2, 1.5, \"x\", [], {}]")
        == .array([
          .bool(false), .int(1), .int(-2), .double(1.5), .string("x"), .array([]),
          .object([]),
        ]))
  }

  @Test func objectsKeepOrderAndLastDuplicateValueInFirstPlace() throws {
    let value = try parse(#"{"b": 1, "a": 2, "b": 3}"#)
    #expect(value == .object([JSONMember("b", .int(3)), JSONMember("a", .int(2))]))
  }

  @Test func numbers() throws {
    #expect(try parse("9223372036854775807") == .int(Int.max))
    #expect(try parse("-9223372036854775808") == .int(Int.min))
    #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    #expect(try parse("1e3") == .double(1000))
    #expect(try parse("-0.0") == .double(-0.0))
    #expect(try parse("2E-2") == .double(0.02))
    #expect(try parse("[NaN, Infinity, -Infinity]").arrayValue?.count == 3)
    #expect(failure("01") == "unexpected '1' after the JSON value at line 1, column 2")
    #expect(
      failure("1.") == "expected a digit after the decimal point, found end of input"
        + " at line 1, column 3")
    #expect(failure("-") == "expected a digit in a number, found end of input at line 1, column 2")
    #expect(failure("1e+") != nil)
    #expect(failure("+1") != nil)
    #expect(failure("1e999")?.contains("out of the range of a double") == true)
  }

  @Test func escapes() throws {
    #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
    #expect(try parse(#""\u00e9\u4e2d\ud83d\ude00\u0000""#) == .string("é中😀\u{0}"))
    #expect(try parse("\"é中😀\"") == .string("é中😀"))
    #expect(failure(#""\ud800""#)?.contains("high surrogate not followed") == true)
    #expect(failure(#""\udc00""#)?.contains("lone low surrogate") == true)
    #expect(failure(#""\x""#) == "invalid escape '\\' followed by 'x' at line 1, column 2")
    #expect(failure(#""\u12g4""#)?.contains("expected 4 hex digits") == true)
    #expect(failure("\"a\tb\"")?.contains("control character a tab") == true)
  }

  @Test func errorsGiveLineAndColumn() {
    #expect(
      failure("{\n  \"a\": 1,\n  \"b\": 2 \"c\"\n}")
        == "expected ',' or '}' after an object member, found '\"' at line 3, column 10")
    #expect(
      failure("[1, 2") == "expected ',' or ']' after a list element, found end of input"
        + " at line 1, column 6")
    #expect(failure("{\"é\": x}") == "expected a JSON value, found 'x' at line 1, column 7")
    #expect(
      failure("{1: 2}")
        == "expected a string key after '{' in an object, found '1' at line 1, column 2")
    #expect(
      failure("{\"a\" 1}")
        == "expected ':' after the object key \"a\", found '1' at line 1, column 6")
    #expect(failure("") == "empty document: expected a JSON value at line 1, column 1")
    #expect(failure("nul") == "invalid literal: expected 'null' at line 1, column 1")
    #expect(failure("[1,]") == "expected a JSON value, found ']' at line 1, column 4")
  }

  @Test func depthIsCapped() throws {
    let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
    #expect(try parse(ok).arrayValue?.count == 1)
    let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
    #expect(
      failure(deep) == "nesting deeper than 256 levels of lists and objects at line 1,"
        + " column 257")
    #expect(failure(String(repeating: "{\"a\":", count: 100_000))?.contains("nesting") == true)
  }
}
