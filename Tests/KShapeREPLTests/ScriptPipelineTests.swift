import Foundation
import LineEditor
import Testing

@testable import KShapeREPL

/// Scripts read and parsed on a thread of their own (`ScriptPipeline`) answer exactly as when
/// each line is read, chunked and run in turn: same output, errors, status and session.
@Suite struct ScriptPipelineTests {
  struct Answer: Equatable {
    var status: Int32
    var out: [String]
    var err: [String]
    var layers: Int
  }

  func run(_ lines: [String], json: Bool = false, piped: Bool, limit: Int? = nil) -> Answer {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    repl.pipelinesScripts = piped
    if let limit { repl.scriptStatementLimit = limit }
    let status = repl.runScript(lines, json: json)
    return Answer(status: status, out: out, err: err, layers: repl.session.graph.layers.count)
  }

  func expectSame(_ lines: [String], json: Bool = false, limit: Int? = nil) {
    let one = run(lines, json: json, piped: false, limit: limit)
    let two = run(lines, json: json, piped: true, limit: limit)
    #expect(one == two, "\(lines.prefix(3))...")
  }

  static let long = ["x = Input((16,))"] + Array(repeating: "Dense(8)", count: 3000)

  @Test func longScriptsMoreThanTheQueueHolds() {
    // 3,000 chunks: more than `maxBatches` batches, so the reader waits for the runner.
    #expect(3000 > ScriptPipeline.batchSize * ScriptPipeline.maxBatches)
    expectSame(Self.long)
    expectSame(Self.long, json: true)
    let answer = run(Self.long, piped: true)
    #expect(answer.status == 0)
    #expect(answer.layers == 3001)
    #expect(answer.out.count == 3001)
  }

  @Test func aFailureEarlyInALongScriptStopsTheReader() {
    var lines = Self.long
    lines[2] = "Dense(8)(not_defined)"
    expectSame(lines)
    let answer = run(lines, piped: true)
    #expect(answer.status == 1)
    #expect(answer.err.count == 1 && answer.err[0].hasPrefix("line 3: "))
    lines[2] = "Dense(8"
    expectSame(lines)
    #expect(run(lines, piped: true).status == 1)
  }

  @Test func blocksCommandsAndSeparators() {
    let lines = [
      "import keras", "from keras import layers", "", "def block(x, n):",
      "    for i in range(n):", "        x = layers.Dense(8)(x)", "", "    return x",
      "x = Input((None, 16)); Conv1D(4, 3, padding='causal'); apply 100",
      "# a comment", "y = block(x, 3)", "summary", "if True:", "    z = Dense(2)(y)",
      "else:", "    z = Dense(3)(y)", "apply 10", "quit", "Dense(4)",
    ]
    expectSame(lines)
    expectSame(lines, json: true)
    expectSame(lines + Array(repeating: "Dense(1)", count: 2000))
    let answer = run(lines, piped: true)
    #expect(answer.status == 0)
    // `quit` ends the script: its last line never runs.
    #expect(!answer.out.joined().contains("dense_5"))
  }

  @Test func theStatementLimitStopsBothWays() {
    expectSame(Self.long, limit: 100)
    #expect(run(Self.long, piped: true, limit: 100).status == 2)
  }

  @Test func aScriptsOwnSyntaxErrorAndUnfinishedBlock() {
    expectSame(Self.long + ["def f(:", "  pass"])
    expectSame(Self.long + ["for i in range(3):"])
    expectSame(["for i in range(3):", "    Dense(2)"])
  }

  /// A pipe's reader: output is flushed before kshape waits for more input, so a program that
  /// writes a statement and waits for its answer gets it (as `willRead` does without a pipeline).
  @Test(arguments: [false, true]) func answersBeforeWaitingForMoreInput(piped: Bool) throws {
    /// What the script wrote: buffered until a flush, as stdout is.
    final class Lines: @unchecked Sendable {
      let lock = NSLock()
      var pending: [String] = []
      var flushed: [String] = []
      func add(_ line: String) { lock.withLock { pending.append(line) } }
      func flush() {
        lock.withLock {
          flushed += pending
          pending = []
        }
      }
      var seenFirstAnswer: Bool {
        lock.withLock { flushed.contains { $0.contains("shape=(None, 4)") } }
      }
      var all: [String] { lock.withLock { flushed + pending } }
    }
    let lines = Lines()
    let pipe = Pipe()
    let repl = REPL(output: Output(out: { lines.add($0) }, err: { lines.add($0) }))
    repl.pipelinesScripts = piped
    let reader = PlainReader(descriptor: pipe.fileHandleForReading.fileDescriptor, name: "test")
    reader.willRead = { lines.flush() }
    let writer = pipe.fileHandleForWriting
    let answered = DispatchSemaphore(value: 0)
    let feeder = Thread {
      writer.write(Data("x = Input((4,))\n".utf8))
      // The answer to the first line must be flushed while this side waits.
      let deadline = Date().addingTimeInterval(10)
      while Date() < deadline {
        if lines.seenFirstAnswer {
          answered.signal()
          break
        }
        usleep(2000)
      }
      writer.write(Data("Dense(2)\n".utf8))
      try? writer.close()
    }
    feeder.start()
    let status = repl.runScript(reader, json: false)
    #expect(status == 0)
    #expect(answered.wait(timeout: .now() + 15) == .success)
    let all = lines.all
    #expect(all.count == 2)
    #expect(all.last?.contains("shape=(None, 2)") == true)
  }

  /// A reader's failure (bytes that are not UTF-8) is told after what came before it ran.
  @Test(arguments: [false, true]) func aPipesInputFailureComesLast(piped: Bool) throws {
    let pipe = Pipe()
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    repl.pipelinesScripts = piped
    let reader = PlainReader(descriptor: pipe.fileHandleForReading.fileDescriptor, name: "test")
    let text = "x = Input((4,))\n" + String(repeating: "Dense(3)\n", count: 2000)
    pipe.fileHandleForWriting.write(Data(text.utf8) + Data([0xFF, 0x0A]))
    let writer = pipe.fileHandleForWriting
    try writer.close()
    let status = repl.runScript(reader, json: false)
    #expect(status == 2)
    #expect(out.count == 2001)
    #expect(err == ["kshape: test: line 2002 is not UTF-8 text (byte FF at column 1)"])
  }

  /// A script that stops early lets its reader go once the reader's thread is done (the reader
  /// closes its file then: a failed `run FILE` in the REPL keeps no descriptor open).
  @Test func aStoppedScriptLetsItsReaderGo() throws {
    let pipe = Pipe()
    let text = "Dense(2)(not_defined)\n" + String(repeating: "Dense(3)\n", count: 5000)
    let writer = pipe.fileHandleForWriting
    let feeder = Thread {
      writer.write(Data(text.utf8))
      try? writer.close()
    }
    feeder.start()
    weak var weakReader: PlainReader?
    var status: Int32 = 0
    do {
      let repl = REPL(output: Output(out: { _ in }, err: { _ in }))
      let reader = PlainReader(descriptor: pipe.fileHandleForReading.fileDescriptor, name: "test")
      weakReader = reader
      status = repl.runScript(reader, json: false)
    }
    #expect(status == 1)
    let deadline = Date().addingTimeInterval(10)
    while weakReader != nil, Date() < deadline { usleep(2000) }
    #expect(weakReader == nil)
  }
}
