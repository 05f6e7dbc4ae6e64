import StatementLanguage
import Testing

/// expr := primary ( '(' arguments? ')' )*      argument := NAME '=' expr | NAME ':' expr | expr
@Suite struct CallTests {
  @Test(arguments: [
    ("Conv2D(3, (5, 5), padding='valid')", #"Conv2D(3, (5, 5), padding="valid")"#),
    (
      "keras.layers.Conv2D(filters=3, kernel_size=5)",
      "keras.layers.Conv2D(filters=3, kernel_size=5)"
    ),
    (
      #"x = keras.Input(shape=(None, None, 3), name="img")"#,
      #"x = keras.Input(shape=(None, None, 3), name="img")"#
    ),
    ("z = Concatenate()([a, y])", "z = Concatenate()([a, y])"),
    ("y = Conv2D(8, 3)(x)", "y = Conv2D(8, 3)(x)"),
    (#"Dense(10, activation: "relu")"#, #"Dense(10, activation="relu")"#),
    ("Reshape((-1, 3))", "Reshape((-1, 3))"),
  ])
  func kerasTutorialLines(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test(arguments: [
    ("f()", "f()"), ("f(1)", "f(1)"), ("f(1,)", "f(1)"), ("f( 1 , 2 )", "f(1, 2)"),
    ("f(a=1)", "f(a=1)"), ("f(a = 1, b: 2)", "f(a=1, b=2)"), ("f(1, a=2,)", "f(1, a=2)"),
    ("f(x)(y)", "f(x)(y)"), ("f()()()", "f()()()"), ("Conv2D(8, 3)(x)", "Conv2D(8, 3)(x)"),
    ("f(g(h(1)))", "f(g(h(1)))"), ("f(a=g(b=1))", "f(a=g(b=1))"), ("f(())", "f(())"),
    ("f((1,))", "f((1,))"), ("f((1))", "f(1)"), ("f([])", "f([])"), ("f(-1, +2)", "f(-1, 2)"),
    ("Dropout(.5)", "Dropout(0.5)"), ("f(None, nil, True, false)", "f(None, None, True, False)"),
    (
      "keras.layers.Dense(units=10)(keras.Input((3,)))",
      "keras.layers.Dense(units=10)(keras.Input((3,)))"
    ),
    ("3(4)", "3(4)"), ("f(a='x', a2='y')", #"f(a="x", a2="y")"#),
  ])
  func calls(input: String, expected: String) {
    #expect(rendered(input) == expected)
  }

  @Test func callCarriesRangesOfEveryPart() throws {
    let call = try #require(expression("Conv2D(3, (5, 5), padding='valid')").flatMap(asCall))
    #expect(call.range == SourceRange(0, 34))
    #expect(call.callee.range == SourceRange(0, 6))
    #expect(call.arguments.map(\.range) == [.init(7, 8), .init(10, 16), .init(18, 33)])
    #expect(call.arguments[2].labelRange == SourceRange(18, 25))
    #expect(call.arguments[2].value == .string("valid", SourceRange(26, 33)))
    #expect(call.arguments[1].value.range == SourceRange(10, 16))
  }

  @Test func chainedCallNestsTheFirstCallAsCallee() throws {
    let outer = try #require(expression("Conv2D(8, 3)(x)").flatMap(asCall))
    #expect(outer.range == SourceRange(0, 15))
    #expect(
      outer.arguments == [Argument(label: nil, labelRange: nil, value: .name(["x"], .init(13, 14)))]
    )
    let inner = try #require(asCall(outer.callee))
    #expect(inner.range == SourceRange(0, 12))
    #expect(inner.arguments.count == 2)
  }

  @Test func colonLabelIsTheSameAsEquals() {
    let colon = expression(#"Dense(10, activation: "relu")"#).flatMap(asCall)
    #expect(colon?.arguments.last?.label == "activation")
    #expect(colon?.arguments.last?.labelRange == SourceRange(10, 20))
  }

  @Test func rangesCountCharactersNotBytes() {
    let call = expression("f(é, 'ü', x)").flatMap(asCall)
    #expect(call?.arguments.map(\.range) == [.init(2, 3), .init(5, 8), .init(10, 11)])
  }

  @Test func signAndParenthesesInRanges() {
    #expect(expression("-1") == .int(-1, SourceRange(0, 2)))
    #expect(expression("- 1") == .int(-1, SourceRange(0, 3)))
    #expect(expression("(3)") == .int(3, SourceRange(1, 2)))
    #expect(expression("(3,)") == .tuple([.int(3, .init(1, 2))], SourceRange(0, 4)))
    #expect(expression("[ ]") == .list([], SourceRange(0, 3)))
  }

  private func asCall(_ expr: Expr) -> Call? {
    if case .call(let call) = expr { return call }
    return nil
  }
}
