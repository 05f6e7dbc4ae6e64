import KShapeREPL
import Testing

/// Tab completion by context, through the REPL as the line editor calls it.
@Suite struct CompletionTests {
  static func repl(_ lines: [String] = []) -> REPL {
    let repl = REPL(output: Output(out: { _ in }, err: { _ in }))
    for line in lines { _ = repl.submit(line) }
    return repl
  }

  @Test func argumentNamesInsideACall() {
    let r = Self.repl()
    #expect(r.completions("Conv2D(32, 3, pad") == ["padding="])
    #expect(r.completions("x = Dense(10, act").contains("activation="))
    #expect(r.completions("Conv2D(32, 3, kernel_").contains("kernel_initializer="))
  }

  @Test func givenArgumentsAreNotOfferedAgain() {
    let r = Self.repl()
    #expect(!r.completions("Conv2D(32, 3, padding='same', pad").contains("padding="))
  }

  @Test func valuesInsideAString() {
    let r = Self.repl()
    #expect(r.completions("Conv2D(32, 3, padding='") == ["'valid'", "'same'"])
    #expect(r.completions("Conv1D(8, 3, padding=\"c") == ["\"causal\""])
    #expect(r.completions("Dense(4, activation=\"re") == ["\"relu\"", "\"relu6\""])
    // A positional string argument: Dense's second parameter is activation.
    #expect(r.completions("Dense(4, 'sig").contains("'sigmoid'"))
    #expect(r.completions("Conv2D(8, 3, data_format='channels_f") == ["'channels_first'"])
  }

  @Test func noLayerClassesInsideAString() {
    let r = Self.repl()
    #expect(r.completions("x = Input((None, 3), name='Con").isEmpty)
    #expect(r.completions("'Con").isEmpty)
  }

  @Test func namesCommandsAndLayersAtTheStart() {
    let r = Self.repl(["image = Input((None, None, 3))"])
    #expect(r.completions("ima") == ["image"])
    #expect(r.completions("app") == ["apply"])
    #expect(r.completions("Conv2DT") == ["Conv2DTranspose"])
    #expect(r.completions("y = Conv2D(8, 3)(im") == ["image"])
  }

  @Test func insideATupleNoArgumentNames() {
    let r = Self.repl()
    #expect(!r.completions("Conv2D(3, (5, ").contains("padding="))
  }

  @Test func commandOptionsAndHelpTopics() {
    let r = Self.repl(["img = Input((None, None, 3))"])
    #expect(r.completions("summary --k") == ["--keras"])
    #expect(r.completions("apply im") == ["img="])
    #expect(r.completions("help MaxPooling2") == ["MaxPooling2D"])
    #expect(r.completions("help sum") == ["summary"])
    #expect(r.completions("apply 64x64 --rec") == ["--receptive-field"])
    #expect(r.completions("diagram --a") == ["--ascii"])
    #expect(r.completions("diag") == ["diagram"])
  }
}
