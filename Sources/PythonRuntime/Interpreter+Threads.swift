import CMalloc
import Foundation

/// The threads the interpreter runs on: the mark of a thread with a large stack (and its size),
/// the sizes asked for, and the executable's own thread.
extension Interpreter {
  /// Marks the calling thread as one with `stackSize` bytes of stack, so the interpreter runs on
  /// it directly (the executable does its work on such a thread: no thread per statement) and
  /// measures its recursion against that size.
  public static func markCurrentThreadLarge(stackSize: Int = Interpreter.stackSize) {
    pthread_setspecific(largeStackKey, UnsafeRawPointer(bitPattern: stackSize))
  }

  /// Runs `body` on a thread of its own, detached, with the first of `stackSizes` the system
  /// grants, marked large with that size, and parks the calling thread for good
  /// (`kshape_start_and_park`: it runs no Swift code beside the new thread, as a release build's
  /// reference counting without atomics requires). A limit on virtual memory (`ulimit -v`) can
  /// refuse the larger stacks: the smaller keep kshape working, with a lower bound on recursion.
  /// Returns only when it could not start, with why: a limit that leaves less than the smallest
  /// stack and `startingHeap` (where the first allocation on the new thread would stop the
  /// process), or no thread made.
  public static func runOnOwnThread(_ body: @convention(c) () -> Void) -> String {
    let room = kshape_heap_room(0)
    let needed = (stackSizes.min() ?? 0) + startingHeap
    if room >= 0, room < needed {
      return "a limit on virtual memory (ulimit -v) leaves it \(room >> 20) MiB beside its code,"
        + " and it needs \(needed >> 20) MiB"
    }
    ownThreadBody = body
    let sizes = grantedStackSizes.map { size_t($0) }
    sizes.withUnsafeBufferPointer { sizes in
      kshape_start_and_park(sizes.baseAddress, sizes.count) { stackSize in
        Interpreter.markCurrentThreadLarge(stackSize: Int(stackSize))
        Interpreter.ownThreadBody?()
      }
    }
    return "no memory for its thread's stack (\((stackSizes.min() ?? 0) >> 20) MiB at least; is"
      + " virtual memory limited, ulimit -v?)"
  }

  /// The heap the executable needs beside its thread's stack to start at all (its output
  /// buffers, the layer catalog, a small session).
  static let startingHeap = 8 << 20

  /// What `runOnOwnThread` runs: written before its thread starts, read by that thread only.
  nonisolated(unsafe) private static var ownThreadBody: (@convention(c) () -> Void)?

  /// The stack size the calling thread was marked with; nil on an unmarked thread.
  static var currentThreadStackSize: Int? {
    pthread_getspecific(largeStackKey).map { Int(bitPattern: $0) }
  }

  /// A thread-specific mark (Foundation's `threadDictionary` would bridge the value to an
  /// object: a search of the runtime's conformance tables at every start of the executable).
  static let largeStackKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  static var currentThreadIsLarge: Bool { currentThreadStackSize != nil }

  /// The stack of the interpreter's thread. Measured in a debug build: 1000 nested Python calls
  /// take under 32 MB; an expression nested 200 deep inside each call takes more, so 512 MB of
  /// address space is reserved (pages are only touched when used).
  public static let stackSize = 512 << 20
  /// The stack sizes tried for the interpreter's own thread, largest first.
  static let stackSizes = [stackSize, 64 << 20, 16 << 20]
  /// Those worth asking for under a limit on address space (`MemoryUse.stackSizes`), measured
  /// once.
  static let grantedStackSizes = MemoryUse.stackSizes(stackSizes)
  /// The parser's nesting is capped at 200 levels: a few MB in a debug build (and sizes this
  /// small are reused by the C library, so a parse per statement stays cheap).
  static let parserStackSizes = [16 << 20]
}
