import KShapeREPL
import ShapeEngine
import Testing

/// A script's tensors written as bytes (`Render.appendOutcome`, `Output.outBytes`) are the text
/// `Render.outcome` makes, and a script's output is the same with and without the byte path.
@Suite struct ScriptOutputBytesTests {
  /// Each line's outcome in one session.
  func outcomes(_ lines: [String]) -> [Outcome] {
    let repl = REPL(output: Output(out: { _ in }, err: { _ in }))
    return lines.map { repl.submit($0) }
  }

  @Test func bytesAreTheRenderedText() {
    let lines = [
      "x = Input((None, None, 3))", "Conv2D(8, 3)", "y = Input((None, None, None))",
      "Conv2D(4, 3)(y)", "d = Dense(3)", "s = Input((5, 4))",
      "LSTM(6, return_state=True)(s)", "Dense(2)(x)", "r = LSTM(6, return_state=True)(s)",
      "x", "r", "d", "x.shape",
    ]
    var effects = 0
    for outcome in outcomes(lines) {
      var bytes: [UInt8] = [1, 2]
      let written = Render.appendOutcome(outcome, style: .plain, to: &bytes)
      // What a statement made, or a tensor (or a tuple of them) it showed.
      switch outcome {
      case .effect, .shown(.tensor, _, _), .shown(.tuple, _, _): break
      default:
        #expect(!written)
        continue
      }
      effects += 1
      #expect(written)
      let text = Render.outcome(outcome, source: "", style: .plain)
      #expect(Array(bytes.dropFirst(2)) == Array((text ?? "").utf8))
      // Handed over from the stack: the same bytes.
      var handed: [UInt8] = []
      #expect(Render.withOutcomeBytes(outcome, style: .plain) { handed += $0 })
      #expect(handed == Array((text ?? "").utf8))
    }
    #expect(effects >= 8)
  }

  /// A tensor too long for the stack (a layer's long name) is handed over all the same.
  @Test func aLongTensorLineIsHandedOverWhole() {
    let name = String(repeating: "n", count: 600)
    for outcome in outcomes(["x = Input((16,))", "Dense(3, name='\(name)')"]) {
      let text = Render.outcome(outcome, source: "", style: .plain) ?? ""
      var handed: [UInt8] = []
      #expect(Render.withOutcomeBytes(outcome, style: .plain) { handed += $0 })
      #expect(handed == Array(text.utf8))
    }
  }

  @Test func aWidthOrAnotherOutcomeTakesTheStringPath() {
    var style = RenderStyle.plain
    style.width = 60
    for outcome in outcomes(["x = Input((16,))", "summary", "y = nope"]) {
      var bytes: [UInt8] = []
      #expect(!Render.appendOutcome(outcome, style: style, to: &bytes))
      #expect(bytes.isEmpty)
      #expect(!Render.withOutcomeBytes(outcome, style: style) { _ in Issue.record("called") })
    }
  }

  /// A script's stdout lines and stderr, through `out` only or with `outBytes` too.
  func run(_ lines: [String], bytes: Bool, buffer: Bool = false) -> (Int32, [String], [String]) {
    var out: [String] = []
    var err: [String] = []
    var output = Output(out: { out.append($0) }, err: { err.append($0) })
    if bytes { output.outBytes = { out.append(String(decoding: $0, as: UTF8.self)) } }
    if buffer { output.outBuffer = { out.append(String(decoding: $0, as: UTF8.self)) } }
    let status = REPL(output: output).runScript(lines, json: false)
    return (status, out, err)
  }

  @Test func aScriptShowsTheSameThroughEitherPath() {
    let scripts = [
      ["x = Input((None, None, 3))", "Conv2D(8, 3)", "ReLU()", "apply 32x32", "summary"],
      ["x = Input((None, None, None))", "Conv2D(4, 3)", "Flatten()", "Dense(3)"],
      ["x = Input((16,))", "d = Dense(3)", "d(x)", "y = nope", "Dense(2)"],
      ["s = Input((5, 4))", "LSTM(6, return_state=True)(s)", "print('x')"],
    ]
    for lines in scripts {
      let (status, out, err) = run(lines, bytes: false)
      let (statusB, outB, errB) = run(lines, bytes: true)
      #expect(status == statusB)
      #expect(out == outB)
      #expect(err == errB)
      let (statusC, outC, errC) = run(lines, bytes: true, buffer: true)
      #expect(status == statusC)
      #expect(out == outC)
      #expect(err == errC)
    }
  }

  /// `print()` prints an empty line, as Python does (an empty text was taken for nothing
  /// printed, and the line was lost); `print("", end="")` prints nothing.
  @Test func anEmptyPrintIsAnEmptyLine() {
    let lines = ["print()", "print('')", "print('', end='')", "print('x')", "print('a\\n')"]
    for bytes in [false, true] {
      let (status, out, _) = run(lines, bytes: bytes)
      #expect(status == 0)
      #expect(out == ["", "", "x", "a\n"])
    }
    var typed: [String] = []
    let repl = REPL(output: Output(out: { typed.append($0) }, err: { _ in }))
    for line in ["print()", "print('y')"] {
      if let shown = Render.outcome(repl.submit(line), source: line) { typed.append(shown) }
    }
    #expect(typed == ["", "y"])
  }

  @Test func aOneStatementFailureAsksTheNamesOfTheSessionBeforeIt() {
    // `aply` is a name of the session: no typo hint (the failing line is a text of its own).
    let bound = run(["x = Input((16,))", "aply = 1", "aply 3"], bytes: true)
    #expect(bound.0 == 1)
    #expect(!bound.2.joined().contains("did you mean 'apply'"))
    let unbound = run(["x = Input((16,))", "aply 3"], bytes: true)
    #expect(unbound.0 == 1)
    #expect(unbound.2.joined().contains("did you mean 'apply'"))
    // Bound and used on one line: the names before the line do not have it.
    let same = run(["x = Input((16,))", "aply = 1; aply 3"], bytes: true)
    #expect(same.0 == 1)
  }
}
