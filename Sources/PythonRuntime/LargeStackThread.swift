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
      pthread_join(thread, nil)
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
      pthread_join(thread, nil)
    #endif
    return true
  }

  /// A class wrapper so the job crosses the C boundary as one pointer.
  private final class JobBox {
    let job: any LargeStackJob
    let stackSize: Int
    init(_ job: any LargeStackJob, stackSize: Int) {
      self.job = job
      self.stackSize = stackSize
    }
  }
}
