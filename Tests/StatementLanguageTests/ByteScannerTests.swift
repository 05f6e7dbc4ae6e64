import Foundation
import Testing

@testable import StatementLanguage

/// The byte scanner (`PyByteScanner`) against the full scanner (`PyLexer`): wherever it answers,
/// its tokens are the lexer's, token for token with their ranges; where it gives up, the lexer
/// has the text (and its messages).
@Suite struct ByteScannerTests {
  /// The full scanner's tokens, or nil when it reports an error.
  static func lexed(_ text: String) -> [PyToken]? {
    var lexer = PyLexer(Array(text))
    do {
      try lexer.run()
    } catch {
      return nil
    }
    return lexer.tokens
  }

  /// Checks one text; true when the byte scanner answered.
  @discardableResult
  static func agrees(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard let fast = PyByteScanner.tokens(text) else { return false }
    let full = lexed(text)
    #expect(
      full != nil, "the lexer refuses \(text.debugDescription)", sourceLocation: sourceLocation)
    #expect(fast == full, "\(text.debugDescription)", sourceLocation: sourceLocation)
    return true
  }

  @Test func typedStatementsTakeTheFastPath() {
    let texts = [
      "Dense(8)", "x = Input((16,))", "h12 = Dense(8)(h11)", "Conv2D(8, 3, padding='same')",
      "x = Input((None, None, 3))", "a = 1; b = 2", "y = a ** 2 // 3 >> 1 <= b != c",
      "def f(x):\n    return x\n", "for i in range(3):\n    x = Dense(i)(x)\n\ny = 1",
      "a = (1,\n  2)", "x = [1, 2]  # comment", "# only a comment", "", "\n\n", "   ",
      "if a:\n  if b:\n    c = 1\n  d = 2\ne = 3", "x = \"\"", "s = 'a' 'b'", "x = ...",
      "f(a=1, *b, **c)", "x[1:2, ::3]", "a @= b", "x = {'k': 1}", "x\t=\t1", "def f() -> int:",
      "if x:\n    # note\n    y = 1", "x = 0",
    ]
    for text in texts { #expect(Self.agrees(text), "\(text.debugDescription)") }
  }

  /// What the byte scanner leaves to the lexer; it must not answer these.
  @Test func givesUpWhereTheLexerHasMoreToSay() {
    let texts = [
      "größe = 3", "x = 1.5", "x = .5", "x = 1e3", "x = 0x1F", "x = 1_000", "x = 007",
      "x = 'a\\n'", "x = f'{y}'", "x = r'a'", "x = '''a'''", "x = 'a", "a = 1\r\nb = 2",
      "x = (1", "x = 1)", "x = (1]", "if x:\n\ty = 1", "x = 1 \\\n + 2", "x = $", "x = 1j",
      "if x:\n    y = 1\n  z = 2", "x = \u{0B}1", "x = 1if y else 2", "x = 'a\nb'",
      "x = \u{0C}1", "Dense(8)\u{7F}",
    ]
    for text in texts {
      #expect(PyByteScanner.tokens(text) == nil, "\(text.debugDescription)")
    }
  }

  /// The repository's Python programs (the golden programs and the semantics programs), whole
  /// and line by line.
  @Test func agreesOnTheRepositorysPrograms() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var answered = 0
    var total = 0
    for folder in ["tools/pygolden/programs", "Tests/PythonRuntimeTests/Semantics"] {
      let dir = root.appendingPathComponent(folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      for name in names.sorted() where name.hasSuffix(".py") {
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        for piece in [text] + text.split(separator: "\n").map(String.init) {
          total += 1
          if Self.agrees(piece) { answered += 1 }
        }
      }
    }
    #expect(total > 1000)
    // Most lines are plain: the fast path is taken, so the comparison means something.
    #expect(answered * 2 > total, "\(answered) of \(total)")
  }

  /// Texts made of random pieces: names, numbers, strings, operators, brackets, layout.
  @Test func agreesOnGeneratedTexts() {
    let pieces = [
      "x", "Dense", "_a1", "if", "for", "in", " ", " ", "  ", "\t", "\n", "\n    ", "\n  ", "(",
      ")", "[", "]", "{", "}", ",", ":", "=", "==", "**", "*", "//", "/", "->", ".", "...", "0",
      "8", "16", "007", "1.5", ".5", "'s'", "\"t\"", "''", "'''", "'", "#c", "\\", "\\\n", "@",
      "<<=", "!=", "!", "$", "ü", "\r\n", "f'", "r", "1_0", "1e3", ";", "~", "-", "+", "%", "^",
    ]
    var generator = SplitMix(seed: 20_261_205)
    var answered = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 12) {
        text += pieces[Int(generator.next() % UInt64(pieces.count))]
      }
      if Self.agrees(text) { answered += 1 }
    }
    #expect(answered > 1_000, "\(answered)")
  }
}

/// A small deterministic generator (SplitMix64), so a failure reproduces.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The parser's shortcut for an expression that is a plain primary (`Dense(8)`, `h0`) against the
/// full chain of operator rules: the same tree, ranges and errors.
@Suite struct PrimaryShortcutTests {
  static func parsed(_ text: String, shortcut: Bool) -> String {
    do {
      let tokens = try PyLexer.tokenize(text)
      var parser = PyParser(tokens: tokens, text: text)
      parser.primaryShortcut = shortcut
      let statements = try parser.parseFile()
      return PyRender.program(statements) + "\n" + "\(statements.map(\.range))"
        + sortingSets("\(statements.map { "\($0)" })")
    } catch {
      return "\(error.kind): \(error.message) at \(error.range.start)-\(error.range.end)"
    }
  }

  /// The dump with each `Set([...])`'s elements sorted (a set's order is its storage's).
  static func sortingSets(_ dump: String) -> String {
    var out = ""
    var rest = Substring(dump)
    while let open = rest.range(of: "Set(["), let close = rest[open.upperBound...].range(of: "])") {
      out += rest[..<open.upperBound]
      out += rest[open.upperBound..<close.lowerBound].components(separatedBy: ", ").sorted()
        .joined(separator: ", ")
      out += "])"
      rest = rest[close.upperBound...]
    }
    return out + rest
  }

  static func agree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (a, b) = (Array(parsed(text, shortcut: true)), Array(parsed(text, shortcut: false)))
    guard a != b else { return }
    // Where they part, with some context.
    let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    func around(_ s: [Character]) -> String {
      String(s[max(0, at - 200)..<min(s.count, at + 200)])
    }
    Issue.record(
      "\(text.prefix(200).debugDescription)\nshortcut: \(around(a))\nfull:     \(around(b))",
      sourceLocation: sourceLocation)
  }

  @Test func sameTreesOnStatements() {
    let texts = [
      "Dense(8)", "h1 = Dense(8)(h0)", "x = Input((None, 16))", "f(a, b=2, *c, **d)",
      "x[1:2, ::3]", "{a: b, **c}", "[x for x in y if x]", "a.b.c(d)[e]", "f(x)(y)[z].w",
      "a = b = c", "x = -1", "x = not a", "x = a if b else c", "x = lambda y: y", "a < b < c",
      "a + b * c", "(a)", "()", "(a,)", "x = 'a' 'b'", "x = None", "print(f'{x} {y!r}')",
      "x = a.if", "x = await y", "x = (yield)", "f(", "x = ]", "f(a)(", "x = a.", "True.x",
      "x = ...", "x = (((((((((((((((((((((((((a)))))))))))))))))))))))))",
      "x = f(" + String(repeating: "g(", count: 30) + "1" + String(repeating: ")", count: 31),
      "x = a.b if c else d", "x = a in b", "x = a is not b", "x = a not in b", "x := 1",
      "for i in range(3):\n    x = Dense(i)(x)\n", "def f(x, y=1):\n    return g(x)\n",
      "x = [1, 2][0]", "d = {'k': v}[k]", "x = a @ b", "x = a ** b", "x = a; y = b",
    ]
    for text in texts { Self.agree(text) }
  }

  @Test func sameTreesOnTheRepositorysPrograms() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var count = 0
    for folder in ["tools/pygolden/programs", "Tests/PythonRuntimeTests/Semantics"] {
      let dir = root.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
      where name.hasSuffix(".py") {
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        for piece in [text] + text.split(separator: "\n").map(String.init) {
          Self.agree(piece)
          count += 1
        }
      }
    }
    #expect(count > 1000)
  }

  @Test func sameTreesOnGeneratedTexts() {
    let pieces = [
      "x", "f", "Dense", "8", "(", ")", "[", "]", "{", "}", ",", ":", "=", ".", "+", "-", "*",
      "**", "<", "==", "not", "in", "is", "if", "else", "lambda", "for", "and", "or", "'s'", " ",
      "None", ";", "@", "~", "await",
    ]
    var generator = SplitMix(seed: 7)
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 10) {
        text += pieces[Int(generator.next() % UInt64(pieces.count))] + " "
      }
      Self.agree(text)
    }
  }
}
