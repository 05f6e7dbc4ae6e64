import Testing

@testable import StatementLanguage

/// The line parser's trees against the lexer's and parser's: on every line it reads the tree is
/// the same (ranges included), and it reads none that they refuse.
@Suite struct PyLineParserTests {
  /// The tree the lexer and parser make of `text` (nil at an error), as text.
  static func full(_ text: String) -> String? {
    guard let tokens = try? PyLexer.tokenize(text) else { return nil }
    var parser = PyParser(tokens: tokens, text: text)
    guard let statements = try? parser.parseFile() else { return nil }
    var out = ""
    dump(statements, to: &out)
    return out
  }

  /// The line parser's tree of `text` (nil when it leaves the line), as text.
  static func fast(_ text: String, names: PyNameTable? = nil, calls: PyCallTable? = nil)
    -> String?
  {
    guard let statement = PyLineParser.statement(text, names: names, calls: calls) else {
      return nil
    }
    var out = ""
    dump([statement], to: &out)
    return out
  }

  /// Whether the text is complete by the REPL's rules, as checked without the line parser.
  static func fullyComplete(_ text: String) -> Bool {
    var scratch = PyScratch()
    var openEnd: PyParser.OpenEnd?
    return PyParser.check(text, scratch: &scratch, openEnd: &openEnd, lineParser: false)
      .completeness == .complete
  }

  static let taken = [
    "Dense(8)", "h1 = Dense(8)(h0)", "x = Input((16,))",
    "x = layers.Dense(64, activation=\"relu\")(x)",
    "inputs = keras.Input(shape=(28, 28, 1))", "model.summary()", "x = Dropout(0.5)(x)",
    "x = Reshape((-1, 8))(x)", "y = -9223372036854775808", "z = 9223372036854775807",
    "f()", "f(a,)", "f( a , b = 2 , )", "x = (a)", "x = ((a))(b)", "x = ()", "x = []", "x = [a]",
    "x = [a, (b,), [c, d],]", "x = (1, 2)", "t = True", "n = None", "f(False)", "True.real",
    "x = 'abc'", "x = ''", "x = \"a'b\"", "'s'.join(x)", "x = a.b.c", "x = a . b", "f (x)",
    "x = 1  # comment", "x=1#c", "x = -0.25", "x = 00.5", "x = 0", "x = -0", "x\t=\ty",
    "Conv2D(32, 3, padding='same', use_bias=False)(x)", "x = f(g(h(i(1))))", "_x = __y",
    "match = 3", "print(x)", "x = a[0]", "y = model.layers[-1].output", "x = a [ b ] [c](d)",
    "x = 1.0", "x = [1.5, -2, 'a', None]",
    "x = - 1", "x = -a", "x = a + b", "x = 2 ** -1", "x = -2 ** 2", "x = a - -1", "x = ~x",
    "x = a*b + c//d % e @ f", "x = a | b ^ c & d << 2 >> 1", "x = -9223372036854775808", "x = +1",
    "x = -1.5", "x = -(1)", "x = -x.y", "x = 2**3**2", "x = (a + b) * c", "f(a - 1, b=-c)",
    "h = Dense(units * 2)(h[0] + 1)", "x = [i - 1, -i]", "x = 'a' * 3", "x = -  - 3",
    "x = 'a\tb'  # c\td ~", "f(x, 8, y=2, z=w)", "f(8 , x )", "f(True, None, 0)",
  ]

  static let left = [
    "", " x = 1", "\tx = 1", "x = 1\n", "x = 1; y = 2", "x = y = 1", "a, b = 1, 2", "x += 1",
    "x: int = 3", "x = 1e3", "x = 1.", "x = .5", "x = 0x10",
    "x = 012", "x = 1_000", "x = 1j", "x = 99999999999999999999", "y = -9223372036854775809",
    "x = f'{a}'", "x = b'a'", "x = 'a' 'b'", "x = 'a\\n'", "x = '''a'''", "x = 'a", "x = {}",
    "x = a[1:2]", "x = a[1, 2]", "x = a[]", "x = a[:]", "x = a[b=1]", "f(*a)", "f(**k)",
    "f(a=1, b)", "f(a=1, a=2)", "f(if=1)", "f(None=1)",
    "f(x for x in y)", "x = lambda: 1", "not x", "import keras", "from a import b", "pass",
    "for i in y: pass", "if x: pass", "None = 1", "f() = 1", "a.b = 1", "x = é", "x = 'é'",
    "x = 1 if a else 2", "x = a < b", "x = a == b", "x = a and b",
    "x = 9223372036854775808", "x = -1 .real", "x = -1(2)", "x = a ** -", "x = a**=2",
    "x = a // = 2",
    "x = a -> b", "x = a <= b", "x = a != b", "x = a in b", "x = -", "x = 1 +", "x = 1  # note \\",
    "f(x) #\\", "print 'x'",
    "x = a.if", "x = (", "x = [1,, 2]", "f(,)", "x ==1",
    "x = 1 = 2", "x = a.1", "x = 1\r", "Dense(8)\r\n", "x = (a for a in b)", "x = [a for a in b]",
    "x = 1 2", "x = (a b)", "f(a b)", "x = a.b'c'", "x = 1if a else 2", "x = yield",
    "x = 'a\u{7F}'", "x = 'a\u{0C}b'", "x = 'é'  # é", "x = 1  # é", "x = 1  # \u{0B}", "f(x)\r",
    "f('\r')", "x = 'a\tb' #\u{1F}",
    "x = " + String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40),
  ]

  @Test func linesOfItsFormsGiveTheParsersTree() {
    let names = PyNameTable()
    for text in Self.taken {
      let fast = Self.fast(text)
      #expect(fast != nil, "\(text.debugDescription) is left to the parser")
      #expect(fast == Self.full(text), "\(text.debugDescription)")
      #expect(Self.fullyComplete(text), "\(text.debugDescription)")
      // With a name table, and again once it holds the line's names.
      #expect(Self.fast(text, names: names) == fast, "\(text.debugDescription)")
      #expect(Self.fast(text, names: names) == fast, "\(text.debugDescription)")
    }
  }

  @Test func otherLinesAreLeftToTheParser() {
    for text in Self.left {
      #expect(Self.fast(text) == nil, "\(text.debugDescription) is read by the line parser")
    }
  }

  /// Lines made of random pieces: every line the line parser reads, the parser reads the same.
  @Test func randomLinesGiveTheParsersTreeWhenRead() {
    let pieces = [
      "x", "Dense", "layers", "_a1", "True", "None", "if", "for", "lambda", "not", "0", "8", "12",
      "-", "-3", "0.5", "1.", "007", "'s'", "\"t\"", "'", "(", ")", "[", "]", "{", "}", ",", ".",
      "[", "]", ":",
      "=", "==", "+", "*", "**", "//", "/", "|", "~", "@", "%", "<<", ">>", "<", "-1", "- ", ":",
      ";", " ", " ", "\t", "#c", "#c\\", "f'a'", "\\", "é", "\u{7F}", "\u{0B}", "\r", "\u{01}",
      "99999999999999999999",
    ]
    var rng = SplitMix(seed: 0x5EED_10)
    var read = 0
    // Read again with the names and calls kept from line to line: the same trees.
    let (names, calls) = (PyNameTable(), PyCallTable())
    for _ in 0..<20_000 {
      var text = ""
      // Mostly shaped like a statement: a name, `=`, a call.
      if rng.next() % 2 == 0 { text = ["x = ", "Dense(", "f(a=", "h1 = g("][Int(rng.next() % 4)] }
      for _ in 0..<Int(rng.next() % 9) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
      if rng.next() % 2 == 0 { text += ")" }
      let kept = Self.fast(text, names: names, calls: calls)
      guard let fast = Self.fast(text) else {
        #expect(kept == nil, "\(text.debugDescription)")
        continue
      }
      #expect(kept == fast, "\(text.debugDescription)")
      read += 1
      #expect(fast == Self.full(text), "\(text.debugDescription)")
      #expect(Self.fullyComplete(text), "\(text.debugDescription)")
    }
    // The test looks at lines the line parser reads, not only at lines it leaves, and at calls
    // found again.
    #expect(read > 500)
    #expect(calls.found > 100)
  }

  /// Calls found again (`PyCallTable`) give the trees made without them: at the same column
  /// and at another, after a call of another text in the same slot, and where their reading
  /// failed or went past the first `)`.
  @Test func callsFoundAgainGiveTheTreesMadeWithout() {
    let lines = [
      "x = Dense(8)(x)", "y = Dense(8)(y)", "xy = Dense(8)(x)", "Dense(8)", "Dense(16)", "Dense(8)",
      "f(Dense(8))", "x = layers.Dense(64, activation='relu')(x)", "x = f(')')", "x = f(if)",
      "x = layers.Dense(32, activation='relu')(x)", "x = a.b(c)(d)", "x = True(1)",
      "x = f(g(1))", "x = f(1, )", "x = Dense(8) + Dense(8)", "x = Dense(8)[0]", "x = f(a=1, a=2)",
      "x = f(- - 1)", "h1 = Dense(8)(h0)", "h2 = Dense(8)(h1)", "h10 = Dense(8)(h9)",
      "x = f(a)(b)(c)", "x = f (a) . b", "x = f(a) # c", "x = f(-9223372036854775808)",
      "x = f(9223372036854775808)", "x = f('a'\t'b')", "x = f(é)",
    ]
    let names = PyNameTable()
    let calls = PyCallTable()
    for _ in 0..<3 {
      for text in lines {
        let kept = Self.fast(text, names: names, calls: calls)
        #expect(kept == Self.fast(text), "\(text.debugDescription)")
        if let kept { #expect(kept == Self.full(text), "\(text.debugDescription)") }
      }
    }
    #expect(calls.found >= 2 * 15)
  }
}
