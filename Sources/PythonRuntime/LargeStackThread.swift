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
    guard let thread = startJoinable(job, stackSize: stackSize) else { return false }
    join(thread)
    return true
  }

  #if canImport(Glibc)
    typealias Handle = pthread_t
  #else
    typealias Handle = pthread_t?
  #endif

  /// Starts `job` on a new joinable thread with `stackSize` bytes of stack; nil when refused.
  /// Whoever starts one joins it (`join`): the thread's last release of its job is then over
  /// before the caller goes on, as a release build's reference counting without atomic
  /// instructions requires (Package.swift).
  static func startJoinable(_ job: any LargeStackJob, stackSize: Int) -> Handle? {
    var attributes = pthread_attr_t()
    guard pthread_attr_init(&attributes) == 0 else { return nil }
    defer { pthread_attr_destroy(&attributes) }
    guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return nil }
    let context = Unmanaged.passRetained(JobBox(job, stackSize: stackSize)).toOpaque()
    var thread = Handle()
    let status = pthread_create(
      &thread, &attributes,
      { context in
        #if canImport(Glibc)
          guard let context else { return nil }
        #endif
        let box = Unmanaged<JobBox>.fromOpaque(context).takeRetainedValue()
        box.job.run(stackSize: box.stackSize)
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<JobBox>.fromOpaque(context).release()
      return nil
    }
    return thread
  }

  /// Waits for a thread `startJoinable` made to end.
  static func join(_ thread: Handle) {
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      if let thread { pthread_join(thread, nil) }
    #endif
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
  private var thread: LargeStackThread.Handle?

  /// A worker on the first of `stackSizes` the system grants, or nil.
  static func make(stackSizes: [Int]) -> StackWorker? {
    for size in stackSizes {
      let worker = StackWorker(stackSize: size)
      if let thread = LargeStackThread.startJoinable(worker, stackSize: size) {
        // Once the thread says it is in its loop, its start (and what it retained there) is
        // over: from then on the two threads take turns.
        worker.finished.wait()
        worker.thread = thread
        return worker
      }
    }
    return nil
  }

  private init(stackSize: Int) { self.stackSize = stackSize }

  /// The thread's loop: wait for a job, run it, say so; until stopped.
  func run(stackSize: Int) {
    finished.signal()
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

  /// Ends the thread and waits for it (it holds nothing once its loop returns).
  func stop() {
    guard let thread else { return }
    self.thread = nil
    stopping = true
    ready.signal()
    LargeStackThread.join(thread)
  }
}
