import CMalloc
import StatementLanguage

/// The process's heap: what bounds the memory a program's data takes when each result is
/// within the size limit but many are kept (`[x * 1 for x in rows]` with rows of ten million
/// items each). Thread stacks (deep recursion) are not heap: their limit is the recursion's.
public enum MemoryUse {
  /// The end of the heap's space advised for huge pages; 0 where the executable did not tune
  /// the heap (a library's user, the tests): then nothing is advised.
  nonisolated(unsafe) private static var advisedEnd: UInt = 0

  /// Tunes the heap at start-up (`kshape_tune_heap`, before any other thread exists) and advises
  /// its growth from then on (`adviseHeapGrowth`).
  public static func tuneHeap() {
    advisedEnd = UInt(kshape_tune_heap())
  }

  /// Gives the heap's growth since the last call the advice its first 128 MiB have, so that a
  /// long script or a large model keeps faulting 2 MiB pages past them
  /// (`kshape_advise_heap_growth`): at each top-level statement, every 4,096 steps, and as an
  /// import goes. A comparison while the heap has not grown past the advised space.
  @inline(__always)
  public static func adviseHeapGrowth() {
    if advisedEnd != 0 { advisedEnd = UInt(kshape_advise_heap_growth(UInt(advisedEnd))) }
  }

  /// The heap an interpreter may hold by default: 768 MiB, or less when a limit on address space
  /// or data (`ulimit -v`, `ulimit -d`) leaves less beside what is mapped already (with 96 MiB,
  /// or a quarter of what is left, to spare for the work between two measures): a MemoryError,
  /// where a failed allocation would stop the process. Measured once, at the first interpreter
  /// (in the executable, after its thread's stack is mapped).
  static let defaultLimit: Int = {
    let room = kshape_heap_room(96 << 20)
    return room < 0 ? 768 << 20 : min(768 << 20, room)
  }()

  /// The stack sizes worth asking for under such a limit: at most a quarter of the room it
  /// leaves (under 1 GiB, 64 MiB: a 512 MiB stack left the heap less than its own limit).
  static func stackSizes(_ sizes: [Int]) -> [Int] {
    let room = kshape_heap_room(0)
    guard room >= 0 else { return sizes }
    let fitting = sizes.filter { $0 <= room / 4 }
    return fitting.isEmpty ? [sizes.min() ?? 16 << 20] : fitting
  }

  /// Bytes malloc has handed out and not taken back; nil where the C library does not say.
  static func heapBytes() -> Int? {
    let bytes = kshape_heap_bytes()
    return bytes < 0 ? nil : bytes
  }

  /// A PyValue's size in a list or tuple (an enum of a 16-byte payload and a tag).
  static let bytesPerItem = MemoryLayout<PyValue>.stride
}

extension Interpreter {
  /// Refuses to go on when the heap, with `adding` more items, would pass `memoryLimit`.
  func checkMemory(adding items: Int = 0, _ range: SourceRange?) throws(PyError) {
    MemoryUse.adviseHeapGrowth()
    guard let used = MemoryUse.heapBytes() else { return }
    let more = items.multipliedReportingOverflow(by: MemoryUse.bytesPerItem)
    let total = used.addingReportingOverflow(more.partialValue)
    guard more.overflow || total.overflow || total.partialValue > memoryLimit else { return }
    throw PyError(
      "MemoryError",
      "kshape's memory would pass its limit of \(memoryLimit >> 20) MiB (it holds "
        + "\(used >> 20) MiB)", at: range,
      hint: "a program that builds a model needs far less data: make lists smaller, or share "
        + "rows instead of copying them")
  }
}
