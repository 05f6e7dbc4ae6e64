import StatementLanguage
import Testing

/// Each error names its cause where it stands: 1️⃣ marks where the range starts, 2️⃣ where it ends.
@Suite struct DiagnosticTests {
  @Test func unclosedBracketsPointAtTheOpener() {
    assertDiagnostic("Conv2D1️⃣(2️⃣3, 5", "'(' is never closed", hint: "add ')' at the end")
    assertDiagnostic("Conv2D(3, 1️⃣[5, 5", "'[' is never closed", hint: "add '])' at the end")
    assertDiagnostic("Dense1️⃣(", "'(' is never closed", hint: "add ')' at the end")
    assertDiagnostic("Dense1️⃣(3,  ", "'(' is never closed")
    assertDiagnostic("x = 1️⃣(1, 2", "'(' is never closed", hint: "add ')' at the end")
    assertDiagnostic("f(1️⃣(1, 2", "'(' is never closed", hint: "add '))' at the end")
    assertDiagnostic("1️⃣[", "'[' is never closed", hint: "add ']' at the end")
    assertDiagnostic("f1️⃣(3  # )", "'(' is never closed")
  }

  @Test func unexpectedTokens() {
    assertDiagnostic("Conv2D(3, 5 1️⃣x2️⃣)", "expected ')' or ',' after argument, found 'x'")
    assertDiagnostic("Conv2D(5 1️⃣32️⃣)", "expected ')' or ',' after argument, found '3'")
    assertDiagnostic("(1 1️⃣2)", "expected ')' or ',' after element, found '2'")
    assertDiagnostic("[1 1️⃣'a'2️⃣]", "expected ']' or ',' after element, found 'a'")
    assertDiagnostic("f(1️⃣,)", "expected an expression, found ','")
    assertDiagnostic("[1, 1️⃣,]", "expected an expression, found ','")
    assertDiagnostic("1️⃣)", "expected an expression, found ')'")
    assertDiagnostic("x =1️⃣", "expected an expression, found end of line")
    assertDiagnostic("x =1️⃣   # nothing", "expected an expression, found end of line")
    assertDiagnostic("Dense(units=1️⃣", "expected an expression, found end of line")
    assertDiagnostic("keras.1️⃣(", "expected a name after '.', found '('")
    assertDiagnostic("keras.1️⃣", "expected a name after '.', found end of line")
    assertDiagnostic("-1️⃣x", "expected a number after '-', found 'x'")
    assertDiagnostic("f(+1️⃣'a')", "expected a number after '+', found 'a'")
    assertDiagnostic("x = 1 1️⃣;2️⃣ y = 2", "expected end of statement, found ';'")
  }

  @Test func trailingGarbageIsReportedAtTheGarbage() {
    assertDiagnostic("Conv2D(3) 1️⃣x2️⃣", "expected end of statement, found 'x'")
    assertDiagnostic("x = 3 1️⃣42️⃣", "expected end of statement, found '4'")
    assertDiagnostic("x 1️⃣y", "expected end of statement, found 'y'")
    assertDiagnostic(#"x 1️⃣"s"2️⃣"#, #"expected end of statement, found "s""#)
    assertDiagnostic("None1️⃣.x", "expected end of statement, found '.'")
    assertDiagnostic("f(x)1️⃣.shape", "expected end of statement, found '.'")
  }

  @Test func mismatchedAndUnmatchedClosers() {
    assertDiagnostic("Conv2D(3)1️⃣)2️⃣", "')' has no matching '('", hint: "remove it")
    assertDiagnostic("[1]1️⃣]", "']' has no matching '['")
    assertDiagnostic("(1, 21️⃣]", "']' does not match the opening '('", hint: "close '(' with ')'")
    assertDiagnostic("f([1, 2 1️⃣)", "')' does not match the opening '['", hint: "close '[' with ']'")
  }

  @Test func unterminatedStringsPointAtTheirStart() {
    assertDiagnostic(
      "x = 1️⃣'2️⃣abc", "unterminated string: the opening ' is never closed",
      hint: "add ' at the end of the string")
    assertDiagnostic(
      #"Dense(activation=1️⃣"relu)"#, #"unterminated string: the opening " is never closed"#)
    assertDiagnostic(
      #"f(1️⃣'ends in a backslash\"#, "unterminated string: the opening ' is never closed")
    assertDiagnostic(#"f(1️⃣'a\')"#, "unterminated string: the opening ' is never closed")
  }

  @Test func numbersTooLarge() {
    assertDiagnostic("1️⃣99999999999999999999", "number '99999999999999999999' is too large")
    assertDiagnostic("x = 1️⃣92233720368547758082️⃣", "number '9223372036854775808' is too large")
    assertDiagnostic("f(1️⃣-92233720368547758092️⃣)", "number '-9223372036854775809' is too large")
    assertDiagnostic("f(1️⃣- 92233720368547758092️⃣)", "number '- 9223372036854775809' is too large")
    assertDiagnostic("1️⃣1e9992️⃣", "number '1e999' is too large")
  }

  @Test func invalidNumbers() {
    assertDiagnostic(
      "Input(1️⃣224x2242️⃣)", "invalid number '224x224'", hint: "write a shape as a tuple: (224, 224)")
    assertDiagnostic("1️⃣1__02️⃣", "invalid number '1__0'")
    assertDiagnostic("1️⃣1_2️⃣", "invalid number '1_'")
    assertDiagnostic("1️⃣1_.52️⃣", "invalid number '1_.5'")
    assertDiagnostic("1️⃣3x2️⃣", "invalid number '3x'")
    assertDiagnostic("1️⃣1e2️⃣", "invalid number '1e'")
    assertDiagnostic("1️⃣3.foo2️⃣", "invalid number '3.foo'")
  }

  @Test func positionalAfterKeyword() {
    assertDiagnostic(
      "Dense(units=1, 1️⃣32️⃣)", "positional argument follows keyword argument",
      hint: "move it before 'units', or give it a keyword too")
    assertDiagnostic(
      "Conv2D(filters: 3, 1️⃣(5, 5)2️⃣, padding='same')", "positional argument follows keyword argument"
    )
  }

  @Test func repeatedKeyword() {
    assertDiagnostic(
      "Conv2D(3, padding='same', 1️⃣padding2️⃣='valid')", "keyword argument 'padding' is repeated",
      hint: "remove one of the two 'padding' arguments")
    assertDiagnostic(
      "Dense(10, activation: 'relu', 1️⃣activation='tanh')",
      "keyword argument 'activation' is repeated")
  }

  @Test func operatorsAreNotSupported() {
    assertDiagnostic(
      "x 1️⃣==2️⃣ 3", "operators are not supported; found '=='",
      hint: "to bind a name, use a single '='")
    assertDiagnostic(
      "Add(a 1️⃣+ b)", "operators are not supported; found '+'",
      hint: "to add tensors, use Add()([a, b])")
    assertDiagnostic("x = a 1️⃣* b", "operators are not supported; found '*'")
    assertDiagnostic("x = a 1️⃣- b", "operators are not supported; found '-'")
    assertDiagnostic("x 1️⃣+=2️⃣ 1", "operators are not supported; found '+='")
    assertDiagnostic("(1 1️⃣**2️⃣ 2)", "operators are not supported; found '**'")
    assertDiagnostic("[a 1️⃣@ b]", "operators are not supported; found '@'")
    assertDiagnostic("1️⃣~x", "operators are not supported; found '~'")
    assertDiagnostic("f(x 1️⃣!= 2)", "operators are not supported; found '!='")
  }

  @Test func strayColonAtTopLevel() {
    assertDiagnostic(
      "x1️⃣:2️⃣ Dense(3)", "expected end of statement, found ':'",
      hint: "to bind a name, write 'x = ...'; 'name: value' only labels an argument in a call")
    assertDiagnostic("summary1️⃣: 3", "expected end of statement, found ':'", commands: ["summary"])
  }

  @Test func onlyPlainNamesCanBeAssigned() {
    assertDiagnostic(
      "1️⃣a.b2️⃣ = 3", "cannot assign to 'a.b'",
      hint: "only a plain name can stand left of '=', as in 'x = Dense(10)'")
    assertDiagnostic("1️⃣Dense(3)2️⃣ = x", "cannot assign to 'Dense(3)'")
    assertDiagnostic("1️⃣None2️⃣ = 3", "cannot assign to 'None'")
    assertDiagnostic("x = y 1️⃣= 3", "expected end of statement, found '='")
    assertDiagnostic("Dense(1️⃣None2️⃣=3)", "'None' cannot be an argument name")
  }

  @Test func charactersOutsideTheLanguage() {
    assertDiagnostic("1️⃣$2️⃣x", "unexpected character '$'")
    assertDiagnostic(
      "f(1️⃣{})", "unexpected character '{'",
      hint: "dictionaries are not supported; pass keyword arguments instead")
    assertDiagnostic("x1️⃣[0]", "indexing with '[...]' is not supported")
    assertDiagnostic(#"'1️⃣\x42️⃣'"#, #"invalid escape '\x4' in string"#)
    assertDiagnostic(#"'1️⃣\ud8002️⃣'"#, #"invalid escape '\ud800' in string"#)
  }

  @Test func caretLinesUpUnderUnicodeText() throws {
    let line = "Dense(nom='é', 3)"
    do {
      _ = try Parser.parse(line, commands: [])
      Issue.record("expected an error")
    } catch {
      #expect(
        error.rendered(source: line) == """
          error: positional argument follows keyword argument
            Dense(nom='é', 3)
                           ^
          hint: move it before 'nom', or give it a keyword too
          """)
    }
  }

  @Test func diagnosticsAfterUnicodeCountCharacters() {
    assertDiagnostic("é = ü 1️⃣x", "expected end of statement, found 'x'")
    assertDiagnostic("f('😀👍🏽', 1️⃣'", "unterminated string: the opening ' is never closed")
  }
}
