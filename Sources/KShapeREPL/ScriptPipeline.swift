import Foundation
import LineEditor
import PythonRuntime

/// A script read and parsed on a thread of its own, ahead of its running.
///
/// The reader's thread reads lines and makes them the units that run (`ScriptChunker`, which
/// parses each statement), and hands them over in batches; the script's thread takes the
/// batches and runs their chunks in order. Reading and parsing are a sixth of a typed
/// statement's cost: on two cores a long script ends that much sooner. What runs, and in what
/// order, is unchanged: a chunk is made from the text alone (`REPL.isCommandLine` asks no
/// session), and a script that stops (a failure, `quit`, a closed stdout) stops the reader.
///
/// Bounded: the reader waits while `maxBatches` batches wait to run, so `yes x | kshape` parses
/// at most that many lines ahead of its first failure. Interactive pipes are answered as before:
/// the reader hands over what it has before any read that may block (`PlainReader.willRead`),
/// and the script's thread flushes its output before it waits for more.
final class ScriptPipeline: @unchecked Sendable {
  /// Chunks in a batch, at most (a batch is handed over sooner when the reader may block).
  static let batchSize = 64
  /// Batches waiting to run, at most, before the reader waits.
  static let maxBatches = 16
  /// The reader's stack: the parser's nesting is capped (`Interpreter.parse` runs it on 16 MB).
  static let stackSize = 16 << 20

  private let condition = NSCondition()
  private var ready: [[ScriptChunk]] = []
  private var head = 0
  private var ended = false
  private var cancelled = false
  private var takerWaits = false
  private var giverWaits = false
  /// The reader thread's batch being filled (touched by that thread only).
  private var batch: [ScriptChunk] = []
  /// The size at which the reader hands its batch over: 1 at first, doubled at each hand-over
  /// up to `batchSize`, so the script's first statement starts as soon as it is parsed.
  private var handOverAt = 1
  private let reader: any LineReader
  /// A `PlainReader`'s own `willRead` (the output's flush), run by the script's thread before it
  /// waits, and given back when the reader's thread is done.
  private var flush: (() -> Void)?

  private init(reader: any LineReader) {
    self.reader = reader
  }

  /// Starts reading `reader` on a thread of its own; nil when no thread could be made (the
  /// caller then reads and runs on its own thread). While it reads, a `PlainReader`'s
  /// `willRead` hands the batch over.
  static func start(_ reader: any LineReader) -> ScriptPipeline? {
    let pipeline = ScriptPipeline(reader: reader)
    let plain = reader as? PlainReader
    pipeline.flush = plain?.willRead
    plain?.willRead = { pipeline.handOver() }
    guard BackgroundThread.start(stackSize: stackSize, { pipeline.produce() }) else {
      pipeline.restoreWillRead()
      return nil
    }
    return pipeline
  }

  /// The reader's thread: every line, chunked, handed over in batches; then the end.
  private func produce() {
    var chunker = ScriptChunker()
    var number = 0
    while !isCancelled, case .line(let line) = reader.readLine(prompt: "") {
      number += 1
      chunker.add(line, number: number) { batch.append($0) }
      if batch.count >= handOverAt {
        handOver()
        handOverAt = min(handOverAt * 2, Self.batchSize)
      }
    }
    if let last = chunker.finish() { batch.append(last) }
    handOver()
    // Done with the reader (whether the script ran to its end or stopped): its own `willRead`
    // back, which also lets the reader and this pipeline go.
    restoreWillRead()
    condition.lock()
    ended = true
    if takerWaits { condition.signal() }
    condition.unlock()
  }

  private var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }

  /// The reader's thread: the batch so far to the queue (waiting while the queue is full).
  func handOver() {
    guard !batch.isEmpty else { return }
    condition.lock()
    defer { condition.unlock() }
    while ready.count - head >= Self.maxBatches, !cancelled {
      giverWaits = true
      condition.wait()
      giverWaits = false
    }
    if cancelled {
      batch = []
      return
    }
    ready.append(batch)
    batch = []
    batch.reserveCapacity(Self.batchSize)
    if takerWaits { condition.signal() }
  }

  /// The script's thread: the next batch, in order; nil at the end of the input. The output is
  /// flushed (outside the lock) before it waits, so it reaches whoever drives kshape first.
  func take() -> [ScriptChunk]? {
    condition.lock()
    if head == ready.count, !ended, let flush {
      condition.unlock()
      flush()
      condition.lock()
    }
    while head == ready.count, !ended {
      takerWaits = true
      condition.wait()
      takerWaits = false
    }
    defer { condition.unlock() }
    guard head < ready.count else { return nil }
    let next = ready[head]
    ready[head] = []
    head += 1
    if head == ready.count {
      ready.removeAll(keepingCapacity: true)
      head = 0
    }
    if giverWaits { condition.signal() }
    return next
  }

  /// The script's thread, when the script stops before its input ends: the reader stops at its
  /// next line (a read that blocks ends with the process).
  func cancel() {
    condition.lock()
    cancelled = true
    ready.removeAll()
    head = 0
    if giverWaits { condition.signal() }
    condition.unlock()
  }

  /// A `PlainReader`'s own `willRead` back (by the reader's thread once it is done, or by
  /// `start` when no thread could be made).
  private func restoreWillRead() {
    if let flush, let plain = reader as? PlainReader { plain.willRead = flush }
  }
}
