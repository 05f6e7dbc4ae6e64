import Foundation
import KShapeREPL
import LineEditor
import Testing

/// A script read from a pipe as it arrives: answers before waiting, a reader's failure last.
@Suite struct ScriptReaderTests {
  /// A pipe's reader: output is flushed before kshape waits for more input, so a program that
  /// writes a statement and waits for its answer gets it (`willRead`).
  @Test func answersBeforeWaitingForMoreInput() throws {
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
  @Test func aPipesInputFailureComesLast() throws {
    let pipe = Pipe()
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
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
}
