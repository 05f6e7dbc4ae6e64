import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work to run on the large-stack thread.
protocol LargeStackJob: AnyObject {
  /// Runs on the new thread, told the size of its stack.
  func run(stackSize: Int)
}

/// A POSIX thread with a stack of a chosen size, joined before returning: the interpreter runs
/// on it so that Python's recursion limit, not the caller's stack, bounds recursion.
enum LargeStackThread {
  /// Runs `job` on a new thread with the first of `stackSizes` the system grants; false when no
  /// thread could be made.
  static func run(_ job: any LargeStackJob, stackSizes: [Int]) -> Bool {
    for size in stackSizes where start(job, stackSize: size) {
      return true
    }
    return false
  }

  private static func start(_ job: any LargeStackJob, stackSize: Int) -> Bool {
    var attributes = pthread_attr_t()
    guard pthread_attr_init(&attributes) == 0 else { return false }
    defer { pthread_attr_destroy(&attributes) }
    guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
    return spawn(job, stackSize: stackSize, attributes: &attributes, join: true)
  }

  /// Creates the thread running `job` (and waits for it when `join`).
  fileprivate static func spawn(
    _ job: any LargeStackJob, stackSize: Int, attributes: inout pthread_attr_t, join: Bool
  ) -> Bool {
    let context = Unmanaged.passRetained(JobBox(job, stackSize: stackSize)).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
      let status = pthread_create(
        &thread, &attributes,
        { context in
          guard let context else { return nil }
          let box = Unmanaged<JobBox>.fromOpaque(context).takeRetainedValue()
          box.job.run(stackSize: box.stackSize)
          return nil
        }, context)
      guard status == 0 else {
        Unmanaged<JobBox>.fromOpaque(context).release()
        return false
      }
      if join { pthread_join(thread, nil) }
    #else
      var thread: pthread_t?
      let status = pthread_create(
        &thread, &attributes,
        { context in
          let box = Unmanaged<JobBox>.fromOpaque(context).takeRetainedValue()
          box.job.run(stackSize: box.stackSize)
          return nil
        }, context)
      guard status == 0, let thread else {
        Unmanaged<JobBox>.fromOpaque(context).release()
        return false
      }
      if join { pthread_join(thread, nil) }
    #endif
    return true
  }

  /// A class wrapper so the job crosses the C boundary as one pointer.
  fileprivate final class JobBox {
    let job: any LargeStackJob
    let stackSize: Int
    init(_ job: any LargeStackJob, stackSize: Int) {
      self.job = job
      self.stackSize = stackSize
    }
  }
}

/// Idle large-stack threads shared by all interpreters: an interpreter takes one for a top-level
/// statement and gives it back, so statements reuse threads (making a 512 MB thread per statement
/// cost ~0.1 ms, which a replay of a long session multiplies) and idle threads stay few however
/// many interpreters exist.
enum StackWorkers {
  private static let queue = DispatchQueue(label: "kshape.python.stack-workers")
  nonisolated(unsafe) private static var idle: [StackWorker] = []
  static let maxIdle = 4

  /// An idle worker, or a new one on the first of `stackSizes` the system grants.
  static func take(stackSizes: [Int]) -> StackWorker? {
    if let worker = queue.sync(execute: { idle.popLast() }) { return worker }
    return StackWorker.make(stackSizes: stackSizes)
  }

  /// Back to the pool (or stopped when the pool is full).
  static func give(_ worker: StackWorker) {
    let kept = queue.sync { () -> Bool in
      guard idle.count < maxIdle else { return false }
      idle.append(worker)
      return true
    }
    if !kept { worker.stop() }
  }
}

/// A thread with a large stack that runs jobs one at a time until stopped.
final class StackWorker: LargeStackJob, @unchecked Sendable {
  let stackSize: Int
  private let ready = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private var job: (any LargeStackJob)?
  private var stopping = false
  private var started = false

  /// A worker on the first of `stackSizes` the system grants, or nil.
  static func make(stackSizes: [Int]) -> StackWorker? {
    for size in stackSizes {
      let worker = StackWorker(stackSize: size)
      if LargeStackThread.detach(worker, stackSize: size) {
        worker.started = true
        return worker
      }
    }
    return nil
  }

  private init(stackSize: Int) { self.stackSize = stackSize }

  /// The thread's loop: wait for a job, run it, say so; until stopped.
  func run(stackSize: Int) {
    while true {
      ready.wait()
      if stopping { return }
      job?.run(stackSize: stackSize)
      job = nil
      finished.signal()
    }
  }

  /// Runs `job` on the worker's thread and waits for it.
  func perform(_ job: any LargeStackJob) {
    self.job = job
    ready.signal()
    finished.wait()
  }

  /// Ends the thread (it holds nothing once its loop returns).
  func stop() {
    guard started else { return }
    started = false
    stopping = true
    ready.signal()
  }
}

extension LargeStackThread {
  /// Starts `job` on a detached thread with `stackSize` bytes of stack; false when refused.
  static func detach(_ job: any LargeStackJob, stackSize: Int) -> Bool {
    var attributes = pthread_attr_t()
    guard pthread_attr_init(&attributes) == 0 else { return false }
    defer { pthread_attr_destroy(&attributes) }
    guard pthread_attr_setstacksize(&attributes, stackSize) == 0,
      pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) == 0
    else { return false }
    return spawn(job, stackSize: stackSize, attributes: &attributes, join: false)
  }
}
