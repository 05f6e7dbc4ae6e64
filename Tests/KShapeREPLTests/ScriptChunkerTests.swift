import Foundation
import StatementLanguage
import Testing

@testable import KShapeREPL

/// `ScriptChunker` checks a statement's completeness only where the answer can change (a line at
/// the left margin; inside brackets, the new line alone): its chunks are the ones of the rule
/// that checks the whole code at every line (`WholeCodeChunker`, kept here as the reference),
/// on every program of the repository and on broken variants of them.
@Suite struct ScriptChunkerTests {
  /// The rule as first written: the code so far checked whole at every line (O(n^2) for a
  /// statement open over n lines).
  struct WholeCodeChunker {
    var code: [String] = []
    var start = 1
    var lastCodeLine = ""

    mutating func add(_ line: String, number: Int) -> [ScriptChunk] {
      var out: [ScriptChunk] = []
      if ScriptChunker.isBlank(line) {
        if !code.isEmpty { code.append(line) }
        return out
      }
      let indented = ScriptChunker.startsIndented(line)
      var atTop = code.isEmpty
      if !atTop {
        let text = code.joined(separator: "\n")
        let starts = !indented && !ScriptChunker.continues(line) && !lastCodeLine.hasPrefix("@")
        atTop =
          PyParser.completeness(of: text) != .incomplete
          || (starts && PyParser.completeness(of: text + "\n") == .complete)
        if atTop, starts { out.append(release()) }
      }
      if atTop, !indented, REPL.isCommandLine(line) {
        if !code.isEmpty { out.append(release()) }
        out.append(ScriptChunk(text: line, line: number))
        return out
      }
      let pieces =
        atTop && !indented && line.contains(";") ? Parser.splitStatements(line).map(\.text) : []
      if pieces.count > 1, pieces.contains(where: REPL.isCommandLine) {
        if !code.isEmpty { out.append(release()) }
        for piece in pieces { out.append(ScriptChunk(text: piece, line: number)) }
        return out
      }
      if !indented, code.isEmpty {
        let (completeness, program) = PyParser.check(line)
        if completeness == .complete {
          out.append(ScriptChunk(text: line, line: number, program: program, python: true))
          return out
        }
      }
      if code.isEmpty { start = number }
      code.append(line)
      lastCodeLine = line
      if !indented, code.count > 1 {
        let (completeness, program) = PyParser.check(code.joined(separator: "\n"))
        if completeness == .complete {
          var chunk = release()
          chunk.program = program
          out.append(chunk)
        }
      }
      return out
    }

    mutating func finish() -> ScriptChunk? { code.isEmpty ? nil : release() }

    mutating func release() -> ScriptChunk {
      while code.count > 1, let last = code.last, ScriptChunker.isBlank(last) { code.removeLast() }
      defer {
        code.removeAll()
        lastCodeLine = ""
      }
      return ScriptChunk(text: code.joined(separator: "\n"), line: start)
    }
  }

  /// A chunk as compared: its text, first line, whether it is Python and whether it came parsed.
  struct Seen: Equatable, CustomStringConvertible {
    var text: String
    var line: Int
    var python: Bool
    var parsed: Bool
    init(_ chunk: ScriptChunk) {
      (text, line, python, parsed) = (chunk.text, chunk.line, chunk.python, chunk.program != nil)
    }
    var description: String { "\(line): \(text.prefix(60))" }
  }

  static func chunks(_ lines: [String]) -> (fast: [Seen], whole: [Seen]) {
    var fast = ScriptChunker()
    var whole = WholeCodeChunker()
    var a: [Seen] = []
    var b: [Seen] = []
    for (i, line) in lines.enumerated() {
      a += fast.add(line, number: i + 1).map(Seen.init)
      b += whole.add(line, number: i + 1).map(Seen.init)
    }
    if let last = fast.finish() { a.append(Seen(last)) }
    if let last = whole.finish() { b.append(Seen(last)) }
    return (a, b)
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Every Python program and kshape script of the repository's tests and golden generators.
  static func corpus() throws -> [(name: String, lines: [String])] {
    var out: [(String, [String])] = []
    let folders = ["tools/pygolden/programs", "Tests/PythonRuntimeTests/Semantics"]
    for folder in folders {
      let url = root.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
      where name.hasSuffix(".py") {
        let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
        out.append((name, text.components(separatedBy: "\n")))
      }
    }
    return out
  }

  @Test func theRepositorysProgramsChunkAsTheWholeCodeRule() throws {
    let corpus = try Self.corpus()
    #expect(corpus.count >= 60)
    for (name, lines) in corpus {
      let (fast, whole) = Self.chunks(lines)
      #expect(fast == whole, "\(name)")
    }
  }

  /// Broken programs: a bracket taken out or put in, a line's indentation changed, a line
  /// doubled or removed, a blank line or a command inserted (a fixed seed: the same cases
  /// every run).
  @Test func brokenProgramsChunkAsTheWholeCodeRule() throws {
    var random = Congruence(state: 12)
    var cases = 0
    for (name, lines) in try Self.corpus() where lines.count > 2 {
      for _ in 0..<12 {
        var broken = lines
        let i = Int(random.next() % UInt64(broken.count))
        var line = Array(broken[i])
        switch random.next() % 7 {
        case 0:
          if let j = line.indices.filter({ "()[]{}".contains(line[$0]) }).randomElement(
            using: &random)
          {
            line.remove(at: j)
          }
        case 1:
          let piece: [Character] = [
            ["("], ["["], ["{"], [")"], ["\"", "\"", "\""], ["'", "'", "'"],
          ][
            Int(random.next() % 6)]
          line.insert(contentsOf: piece, at: line.count / 2)
          // A backslash at the end of this line and of some after it.
          if random.next() % 3 == 0 {
            line += [" ", "\\"]
            for j in (i + 1)..<max(i + 1, min(i + 4, broken.count)) where random.next() % 2 == 0 {
              broken[j] += " \\"
            }
          }
        case 2:
          line = line.first == " " ? Array(line.drop(while: { $0 == " " })) : [" ", " "] + line
        case 3: broken.insert(broken[i], at: i)
        case 4: broken.remove(at: i)
        case 5: broken.insert("", at: i)
        default: broken.insert("apply 8", at: i)
        }
        if broken.indices.contains(i), [0, 1, 2].contains(random.next() % 7) {
          broken[i] = String(line)
        }
        let (fast, whole) = Self.chunks(broken)
        #expect(fast == whole, "\(name), line \(i + 1)")
        cases += 1
      }
    }
    #expect(cases > 500)
  }

  /// A statement open over many lines is chunked in time linear in its lines: 20,000 lines
  /// after a parenthesis never closed, a list of layers 20,000 lines long, a block of 20,000
  /// lines, a triple-quoted string or a chain of backslashes of 20,000 lines (each took minutes when the whole code was
  /// checked at every line).
  @Test func aStatementOpenOverManyLinesIsOneChunk() {
    let n = 20_000
    let unclosed = ["x = Input((16,))", "Dense(8"] + Array(repeating: "Dense(8)", count: n)
    let list =
      ["m = keras.Sequential(["] + Array(repeating: "    layers.Dense(8),", count: n) + ["])"]
    let block = ["def f(x):"] + Array(repeating: "    x = Dense(8)(x)", count: n) + ["y = f(x)"]
    let text = ["s = \"\"\"a long text"] + Array(repeating: "Dense(8) ''", count: n) + ["\"\"\""]
    let sum = ["t = 0 + \\"] + Array(repeating: "  1 + \\", count: n) + ["  0", "Dense(8)"]
    for (lines, starts) in [
      (unclosed, [1, 2]), (list, [1]), (block, [1, n + 2]), (text, [1]), (sum, [1, n + 3]),
    ] {
      var chunker = ScriptChunker()
      var chunks: [ScriptChunk] = []
      for (i, line) in lines.enumerated() { chunks += chunker.add(line, number: i + 1) }
      if let last = chunker.finish() { chunks.append(last) }
      #expect(chunks.map(\.line) == starts)
    }
  }
}

/// A small deterministic generator (Knuth's MMIX linear congruence, high bits), for repeatable
/// random cases.
struct Congruence: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 17 | state << 47
  }
}
