import StatementLanguage
import Testing

/// primary := NUMBER | '-' NUMBER | STRING | None | nil | True | False | true | false | dotted-name
@Suite struct LiteralTests {
  @Test(arguments: [
    ("0", "0"), ("42", "42"), ("1_000_000", "1000000"), ("007", "7"), ("-1", "-1"),
    ("- 7", "-7"), ("+5", "5"), ("-0", "0"),
    ("9223372036854775807", "9223372036854775807"),
    ("-9223372036854775808", "-9223372036854775808"),
  ])
  func integers(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test func integerMinimumIsNotATrap() {
    guard case .int(let value, let range) = expression("-9223372036854775808") else {
      Issue.record("not an int")
      return
    }
    #expect(value == Int.min)
    #expect(range == SourceRange(0, 20))
  }

  @Test(arguments: [
    ("1.5", "1.5"), ("1e-3", "0.001"), (".5", "0.5"), ("1.", "1.0"), ("1E3", "1000.0"),
    ("-2.5", "-2.5"), ("1_000.5", "1000.5"), ("2.5e+2", "250.0"), ("-.5", "-0.5"),
    ("1e-999", "0.0"),
  ])
  func floats(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test(arguments: [
    (#"'single'"#, #""single""#), (#""double""#, #""double""#), ("''", #""""#),
    (#"'it\'s'"#, #""it\'s""#), (#""a\"b""#, #""a\"b""#), (#"'a\nb'"#, #""a\nb""#),
    (#"'\t'"#, #""\t""#), (#"'\\'"#, #""\\""#), (#"'\x41'"#, #""A""#), (#"'\u00e9'"#, #""é""#),
    (#"'\d'"#, #""\\d""#), (#""it's""#, #""it\'s""#), (#"'say "hi"'"#, #""say \"hi\"""#),
    ("'é'", #""é""#), ("'# not a comment'", ##""# not a comment""##), ("'a;b'", #""a;b""#),
  ])
  func strings(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test(arguments: [
    ("None", "None"), ("nil", "None"), ("True", "True"), ("true", "True"), ("False", "False"),
    ("false", "False"),
  ])
  func keywordLiterals(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test(arguments: ["x", "_x", "x1", "Conv2D", "café", "变量", "Nonesuch", "keras.layers.Conv2D"])
  func names(input: String) {
    #expect(rendered(input) == input)
  }

  @Test func dottedNameKeepsItsParts() {
    #expect(
      expression("keras . layers.Dense") == .name(["keras", "layers", "Dense"], .init(0, 20)))
  }

  @Test func keywordsAreNotNamesButTheirPrefixesAre() {
    #expect(expression("None") == .none(SourceRange(0, 4)))
    #expect(expression("Nonex") == .name(["Nonex"], SourceRange(0, 5)))
    #expect(expression("TrueFalse") == .name(["TrueFalse"], SourceRange(0, 9)))
  }

  @Test(arguments: [
    ("()", "()"), ("(3)", "3"), ("((3))", "3"), ("(3,)", "(3,)"), ("(1, 2)", "(1, 2)"),
    ("(1, 2,)", "(1, 2)"), ("((1,),)", "((1,),)"), ("(None, None, 3)", "(None, None, 3)"),
    ("(-1, 3)", "(-1, 3)"), ("( 1 , )", "(1,)"), ("(Dense(3))", "Dense(3)"),
  ])
  func tuplesFollowPythonsRules(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test(arguments: [
    ("[]", "[]"), ("[1]", "[1]"), ("[1,]", "[1]"), ("[a, y]", "[a, y]"),
    ("[[1], [2, 3]]", "[[1], [2, 3]]"), ("[(1, 2), 'x', None]", #"[(1, 2), "x", None]"#),
  ])
  func lists(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }
}
