import Foundation
import PythonRuntime
import StatementLanguage
import Testing

/// Random programs made of Python's pieces never trap the parser or the interpreter: each ends
/// with a value or a Python error.
@Suite struct FuzzTests {
  static let pieces = [
    "x", "y", "f", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "+", "-", "*", "/",
    "//", "%", "**", "<", "==", "not", "and", "or", "in", "is", "if", "else", "for", "while",
    "def", "return", "lambda", "\n", "\n    ", "\n        ", " ", "0", "1", "-1", "2.5", "1e308",
    "9223372036854775807", "'a'", "\"b\"", "f'{x}'", "f'{", "'''", "\\", "#", "None", "True",
    "[]", "()", "{}", "range(3)", "len", "print", "x[1:2:-1]", "*", "**", "@", "~", "|", "&",
    "^", "<<", ">>", "...", "global x", "nonlocal y", "del x", "pass", "break", "continue",
    "import m", "from m import n", "assert", "raise", "x += 1", "1 if 2 else 3",
    "[i for i in range(3)]", "{1: 2}", "'%d' % 3", "'{}'.format(1)", "str", "int", "max",
    "\t", "\n\t", "\r\n", "f'{x:>{y}}'", "'%s' % (1,)", "x.y = 1", "a[1] = 2", "{**d}",
    "*a, b = c", "import math", "math.ceil(x)", "sorted", "key=len", "'{:,}'.format(x)",
  ]

  /// A small deterministic generator (no Foundation randomness, the same programs every run).
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  @Test func randomProgramsEndCleanly() {
    // FUZZ_COUNT and FUZZ_SEED run a longer search by hand.
    let environment = ProcessInfo.processInfo.environment
    var generator = Generator(state: UInt64(environment["FUZZ_SEED"] ?? "") ?? 42)
    var parsed = 0
    for _ in 0..<(Int(environment["FUZZ_COUNT"] ?? "") ?? 3000) {
      var text = ""
      for _ in 0..<(1 + generator.next(25)) {
        text += Self.pieces[generator.next(Self.pieces.count)] + " "
      }
      let source = SourceText(name: "<fuzz>", text: text)
      _ = PyParser.completeness(of: text)
      guard let program = try? Interpreter.parse(source) else { continue }
      parsed += 1
      let interpreter = Interpreter()
      interpreter.stepLimit = 10_000
      interpreter.write = { _ in }
      for statement in program.statements {
        do {
          _ = try interpreter.execute(statement, in: source)
        } catch {
          #expect(!error.kind.isEmpty)
          break
        }
      }
    }
    #expect(parsed > 100)
  }
}
