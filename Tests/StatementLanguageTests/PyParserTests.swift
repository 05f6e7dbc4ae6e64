import StatementLanguage
import Testing

/// The program `text` parses to, written back (or the error, rendered as `Kind: message`).
func pyParsed(_ text: String) -> String {
  do {
    return PyRender.program(try PyParser.parse(text).statements)
  } catch {
    return "\(error.kind): \(error.message)"
  }
}

/// Checks that parsing `marked` fails with `kind: message` starting at 1️⃣ (and ending at 2️⃣).
func assertPySyntaxError(
  _ marked: String, _ message: String, kind: String = "SyntaxError",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let (text, markers) = extractMarkers(marked)
  do {
    let program = try PyParser.parse(text)
    Issue.record(
      "expected an error, parsed \(PyRender.program(program.statements))",
      sourceLocation: sourceLocation)
  } catch {
    #expect(error.kind == kind, sourceLocation: sourceLocation)
    #expect(error.message == message, sourceLocation: sourceLocation)
    if let start = markers["1️⃣"] {
      #expect(error.range.start == start, "start", sourceLocation: sourceLocation)
    }
    if let end = markers["2️⃣"] {
      #expect(error.range.end == end, "end", sourceLocation: sourceLocation)
    }
  }
}

@Suite struct PyParserTests {
  @Test func precedenceFollowsPython() {
    #expect(pyParsed("1 + 2 * 3 ** -4 ** 2") == "(1 + (2 * (3 ** (-(4 ** 2)))))")
    #expect(pyParsed("-2 ** 2") == "(-(2 ** 2))")
    #expect(pyParsed("a or b and not c == d") == "(a or (b and (not (c == d))))")
    #expect(pyParsed("a | b ^ c & d << 1 + 2") == "(a | (b ^ (c & (d << (1 + 2)))))")
    #expect(pyParsed("a if b else c if d else e") == "(a if b else (c if d else e))")
    #expect(pyParsed("1 < x <= 3 != y") == "(1 < x <= 3 != y)")
    #expect(pyParsed("a not in b is not c in d") == "(a not in b is not c in d)")
    #expect(pyParsed("x // 2 % 3 @ m / 4") == "((((x // 2) % 3) @ m) / 4)")
    #expect(pyParsed("~x - -y + +z") == "(((~x) - (-y)) + (+z))")
    #expect(pyParsed("-9223372036854775808") == "-9223372036854775808")
    #expect(pyParsed("lambda x, y=2: x + y") == "(lambda x, y=2: (x + y))")
  }

  @Test func primaries() {
    #expect(
      pyParsed("keras.layers.Conv2D(3, (5, 5), padding='valid')(ip)")
        == #"keras.layers.Conv2D(3, (5, 5), padding="valid")(ip)"#)
    #expect(pyParsed("f(*args, k=1, **kw)") == "f(*args, k=1, **kw)")
    #expect(
      pyParsed("x[1:2:3], x[:, 0], x[..., None], x[::-1], x[a:], x[:b]")
        == "(x[1:2:3], x[(:, 0)], x[(..., None)], x[::-1], x[a:], x[:b])")
    #expect(pyParsed("x.shape[-1]") == "x.shape[-1]")
    #expect(pyParsed("sum(x for x in y if x)") == "sum((x for x in y if x))")
  }

  @Test func literals() {
    #expect(
      pyParsed("1_000, 0xff, 0o17, 0b11, 1e-4, 1., .5, 1_0.5e1_0")
        == "(1000, 255, 15, 3, 0.0001, 1.0, 0.5, 105000000000.0)")
    #expect(pyParsed(#"'a' "b" '''c''' """d""" r'\n' 'e\tf'"#) == #""abcd\\ne\tf""#)
    #expect(
      pyParsed("(), (1,), [], {}, {1}, {1: 2, **d}, [*a, 1]")
        == "((), (1,), [], {}, {1}, {1: 2, **d}, [*a, 1])")
    #expect(pyParsed("True, False, None, ...") == "(True, False, None, ...)")
  }

  @Test func fStrings() {
    #expect(pyParsed(#"f"block{i}_conv""#) == #"f"block{i}_conv""#)
    #expect(pyParsed(#"f"{x:.2f} {i:02d} {n!r} {{}}""#) == #"f"{x:.2f} {i:02d} {n!r} {}""#)
    #expect(pyParsed(#"f"{x:{w}.{p}f}""#) == #"f"{x:{w}.{p}f}""#)
    #expect(pyParsed(#"f"{d['a']}" 'x'"#) == #"f"{d[\"a\"]}x""#)
    #expect(pyParsed(#"f"{x=}""#) == #"f"{x=x!r}""#)
    #expect(pyParsed(#"f"{a + b * 2}""#) == #"f"{(a + (b * 2))}""#)
  }

  @Test func comprehensions() {
    #expect(
      pyParsed("[x * 2 for x in range(5) if x if y for z in w]")
        == "[(x * 2) for x in range(5) if x if y for z in w]")
    #expect(pyParsed("{k: v for k, v in d.items()}") == "{k: v for (k, v) in d.items()}")
    #expect(pyParsed("{x for x in s}") == "{x for x in s}")
  }

  @Test func statements() {
    #expect(pyParsed("a = b = 1") == "a = b = 1")
    #expect(pyParsed("a, *b = c") == "(a, *b) = c")
    #expect(pyParsed("x[0], y.z = 1, 2") == "(x[0], y.z) = (1, 2)")
    #expect(pyParsed("x += residual") == "x += residual")
    #expect(pyParsed("x: int = 3") == "x: int = 3")
    #expect(pyParsed("import keras.layers as L, numpy") == "import keras.layers as L, numpy")
    #expect(
      pyParsed("from keras.layers import (Dense as D,\n  Conv2D,)")
        == "from keras.layers import Dense as D, Conv2D")
    #expect(pyParsed("a = 1; b = 2;") == "a = 1\nb = 2")
    #expect(pyParsed("global a, b") == "global a, b")
    #expect(pyParsed("del a[0], b") == "del a[0], b")
    #expect(pyParsed("assert x, 'msg'") == #"assert x, "msg""#)
    #expect(pyParsed("raise ValueError('x')") == #"raise ValueError("x")"#)
  }

  @Test func blocks() {
    let source = """
      def conv_block(x, filters, kernel_size=3, *args, name=None, **kwargs):
          for i in range(2):
              if i == 0:
                  x = Conv2D(filters, kernel_size)(x)
              elif i == 1:
                  pass
              else:
                  break
          while x:  # a comment
              continue
          return x

      y = conv_block(ip, 32)
      """
    #expect(
      pyParsed(source) == """
        def conv_block(x, filters, kernel_size=3, *args, kw:name=None, **kwargs):
            for i in range(2):
                if (i == 0):
                    x = Conv2D(filters, kernel_size)(x)
                else:
                    if (i == 1):
                        pass
                    else:
                        break
            while x:
                continue
            return x
        y = conv_block(ip, 32)
        """)
    #expect(
      pyParsed("if x: y = 1; z = 2\nelse: pass") == "if x:\n    y = 1\n    z = 2\nelse:\n    pass")
    #expect(pyParsed("def f(a, /, b, *, c): pass") == "def f(pos:a, b, kw:c):\n    pass")
  }

  @Test func tryStatements() {
    #expect(
      pyParsed(
        """
        try:
            y = Conv2D(4, 3)(x)
        except (TypeError, ValueError) as e:
            raise
        except KeyError:
            pass
        except:
            y = x
        else: y = 1
        finally:
            print(y)
        """) == """
          try:
              y = Conv2D(4, 3)(x)
          except (TypeError, ValueError) as e:
              raise
          except KeyError:
              pass
          except:
              y = x
          else:
              y = 1
          finally:
              print(y)
          """)
    #expect(pyParsed("try: pass\nfinally: pass") == "try:\n    pass\nfinally:\n    pass")
    // CPython 3.11's messages.
    assertPySyntaxError("try:\n    pass\n1️⃣x = 1", "expected 'except' or 'finally' block")
    assertPySyntaxError(
      "try:\n    pass\nexcept 1️⃣ValueError, TypeError2️⃣:\n    pass",
      "multiple exception types must be parenthesized")
    assertPySyntaxError(
      "try:\n    pass\n1️⃣except:\n    pass\nexcept ValueError:\n    pass",
      "default 'except:' must be last")
    assertPySyntaxError(
      "try:\n    pass\nexcept ValueError as e1️⃣.x:\n    pass", "invalid syntax")
  }

  @Test func withStatements() {
    #expect(
      pyParsed("with strategy.scope():\n    m = f()") == "with strategy.scope():\n    m = f()")
    #expect(
      pyParsed("with a as x, b, c as (d, e): pass")
        == "with a as x, b, c as (d, e):\n    pass")
    assertPySyntaxError("with a as 1️⃣1: pass", "cannot assign to literal")
  }

  @Test func layoutIsJoinedInsideBracketsAndAfterBackslashes() {
    #expect(
      pyParsed("x = (1 +\n     2)\ny = [\n  1,\n\n  2,  # two\n]\nz = 1 + \\\n    2")
        == "x = (1 + 2)\ny = [1, 2]\nz = (1 + 2)")
    #expect(pyParsed("\n\n# only a comment\n\n") == "")
    #expect(pyParsed("if a:\n\n    # comment\n    b\n\n\nc") == "if a:\n    b\nc")
    #expect(pyParsed("if a:\n\tb\n") == "if a:\n    b")
    #expect(pyParsed("x = 1\r\ny = 2\r\n") == "x = 1\ny = 2")
    #expect(pyParsed("s = '''a\nb'''") == #"s = "a\nb""#)
  }

  @Test func rangesCoverTheSourceTheyCameFrom() throws {
    let text = "model = keras.Model(\n    inputs, outputs)\nx = f(a, k=b)"
    let statements = try PyParser.parse(text).statements
    let chars = Array(text)
    func source(_ r: SourceRange) -> String { String(chars[r.start..<r.end]) }
    #expect(statements.count == 2)
    #expect(source(statements[0].range) == "model = keras.Model(\n    inputs, outputs)")
    guard case .assign(_, let value) = statements[1].kind, case .call(_, let args) = value.kind
    else {
      Issue.record("not a call")
      return
    }
    #expect(source(value.range) == "f(a, k=b)")
    #expect(args.map { source($0.range) } == ["a", "k=b"])
    let def = try PyParser.parse("def f():\n    x = 1\n    return x\ny = 2").statements
    #expect(
      def.map { source2("def f():\n    x = 1\n    return x\ny = 2", $0.range) } == [
        "def f():\n    x = 1\n    return x", "y = 2",
      ])
  }

  func source2(_ text: String, _ r: SourceRange) -> String {
    String(Array(text)[r.start..<r.end])
  }

  @Test func scopesAreFoundWhenParsing() throws {
    let statements = try PyParser.parse(
      "def f(a, *b, **c):\n    global g\n    x = 1\n    for i, j in y: pass\n    import k as m\n    def h(): n = 1\n    g = 2\n    a.z = 3"
    ).statements
    guard case .functionDef(let f) = statements.first?.kind else {
      Issue.record("no def")
      return
    }
    #expect(f.locals == ["a", "b", "c", "x", "i", "j", "m", "h"])
    #expect(f.globals == ["g"])
  }
}

@Suite struct PySyntaxErrorTests {
  @Test func pythonsWordingAtTheOffendingToken() {
    assertPySyntaxError("x = 1️⃣(1, 2", "'(' was never closed")
    assertPySyntaxError(
      "f(a, [1, 21️⃣)", "closing parenthesis ')' does not match opening parenthesis '['")
    assertPySyntaxError("x = 11️⃣)", "unmatched ')'")
    assertPySyntaxError("if x1️⃣\n    pass", "expected ':'")
    assertPySyntaxError(
      "if x 1️⃣= 1:\n    pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
    assertPySyntaxError("x = 1️⃣= 1", "invalid syntax")
    assertPySyntaxError("print(1️⃣1 22️⃣)", "invalid syntax. Perhaps you forgot a comma?")
    assertPySyntaxError(
      "1️⃣12️⃣ = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?")
    assertPySyntaxError(
      "1️⃣f()2️⃣ = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?")
    assertPySyntaxError(
      "1️⃣f()2️⃣ += 1", "'function call' is an illegal expression for augmented assignment")
    assertPySyntaxError("for 1️⃣1 in x: pass", "cannot assign to literal")
    assertPySyntaxError("f(a=1, 1️⃣a=2)", "keyword argument repeated: a")
    assertPySyntaxError("f(a=1, 1️⃣2)", "positional argument follows keyword argument")
    assertPySyntaxError("1️⃣return 5", "'return' outside function")
    assertPySyntaxError("1️⃣break", "'break' outside loop")
    assertPySyntaxError(
      "for x in y:\n    def f():\n        1️⃣continue", "'continue' not properly in loop")
    assertPySyntaxError("x = 1️⃣'abc", "unterminated string literal (detected at line 1)")
    assertPySyntaxError(
      "x = 1️⃣'''abc\n\n", "unterminated triple-quoted string literal (detected at line 1)")
    assertPySyntaxError(
      "1️⃣print \"hello\"2️⃣", "Missing parentheses in call to 'print'. Did you mean print(...)?")
    assertPySyntaxError("def f(a=1, 1️⃣b): pass", "non-default argument follows default argument")
    assertPySyntaxError("def f(a, 1️⃣a): pass", "duplicate argument 'a' in function definition")
    assertPySyntaxError(
      "x = 1️⃣012",
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    )
    assertPySyntaxError("x = 1️⃣1_", "invalid decimal literal")
    assertPySyntaxError("x = 1 1️⃣$", "invalid syntax")
    assertPySyntaxError("x = f'1️⃣{}'", "f-string: empty expression not allowed")
    assertPySyntaxError("x = f'1️⃣}'", "f-string: single '}' is not allowed")
    assertPySyntaxError(
      "x = 1 + 1️⃣\\ 1", "unexpected character after line continuation character")
  }

  @Test func indentation() {
    assertPySyntaxError("x = 1\n1️⃣    y = 2", "unexpected indent", kind: "IndentationError")
    assertPySyntaxError(
      "if True:\n        x = 1\n    1️⃣y = 2", "unindent does not match any outer indentation level",
      kind: "IndentationError")
    assertPySyntaxError(
      "if True:\n1️⃣x = 1", "expected an indented block after 'if' statement on line 1",
      kind: "IndentationError")
    assertPySyntaxError(
      "def f():\n1️⃣", "expected an indented block after function definition on line 1",
      kind: "IndentationError")
    assertPySyntaxError(
      "for x in y:\n  pass\nelse:\n1️⃣z",
      "expected an indented block after 'else' statement on line 3", kind: "IndentationError")
  }

  @Test func refusedConstructsAreNamed() {
    assertPySyntaxError(
      "1️⃣class A(keras.layers.Layer):\n    pass", "'class' definitions are not supported by kshape")
    assertPySyntaxError(
      "try:\n    pass\nexcept1️⃣* ValueError: pass",
      "'except*' (exception groups) is not supported by kshape")
    assertPySyntaxError("1️⃣@tf.function\ndef f(): pass", "decorators are not supported by kshape")
    assertPySyntaxError(
      "1️⃣from keras.layers import *2️⃣", "'from keras.layers import *' is not supported by kshape")
    assertPySyntaxError("def f():\n    1️⃣yield 1", "'yield' is not supported by kshape")
    assertPySyntaxError("x = 1️⃣await f()", "'async' and 'await' are not supported by kshape")
    assertPySyntaxError(
      "if (n 1️⃣:= 10) > 5: pass", "assignment expressions (:=) are not supported by kshape")
    assertPySyntaxError("x = 1️⃣3j", "complex numbers are not supported")
    assertPySyntaxError("x = 1️⃣b'abc'", "bytes literals are not supported")
  }
}

@Suite struct PyCompletenessTests {
  @Test func pythonsReplRules() {
    let cases: [(String, PyCompleteness)] = [
      ("x = 1", .complete),
      ("x = (1,", .incomplete),
      ("model = keras.Sequential([\n    layers.Dense(3),", .incomplete),
      ("model = keras.Sequential([\n    layers.Dense(3),\n])", .complete),
      ("x = 1 + \\", .incomplete),
      ("s = '''abc", .incomplete),
      ("s = '''abc\ndef'''", .complete),
      ("def f(x):", .incomplete),
      ("def f(x):\n    return x", .incomplete),
      ("def f(x):\n    return x\n", .complete),
      ("for i in range(3): print(i)", .incomplete),
      ("for i in range(3): print(i)\n", .complete),
      ("if x:\n    y = 1\nelse:", .incomplete),
      ("x = = 1", .invalid),
      ("x = )", .invalid),
      ("class A:", .invalid),
      ("", .complete),
      ("# just a comment", .complete),
      ("x = 'abc", .invalid),
      ("if x:\n    y = (1,\n", .incomplete),
      // A try's block waits for its `except` or `finally`, then for an empty line.
      ("try:", .incomplete),
      ("try:\n    x = 1", .incomplete),
      ("try:\n    x = 1\nexcept ValueError:\n    x = 2", .incomplete),
      ("try:\n    x = 1\nexcept ValueError:\n    x = 2\n", .complete),
      ("try:\n    x = 1\n", .invalid),
    ]
    for (text, expected) in cases {
      #expect(PyParser.completeness(of: text) == expected, "\(text)")
    }
  }
}
