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
  static let defaultLimit = min(768 << 20, room ?? .max)

  /// The heap's room under such a limit (nil: no limit): the bound on its mapped size, which
  /// holes freed between blocks keep above the bytes in use.
  static let room: Int? = {
    let room = kshape_heap_room(96 << 20)
    return room < 0 ? nil : room
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
    let more = items.multipliedReportingOverflow(by: MemoryUse.bytesPerItem)
    try checkMemory(addingBytes: more.overflow ? .max : more.partialValue, range)
  }

  /// Refuses to go on when the heap, with `more` bytes taken, would pass `memoryLimit`, or
  /// under a limit on address space would need more than the room it leaves (`MemoryUse.room`):
  /// a MemoryError where a failed allocation would stop the process.
  func checkMemory(addingBytes more: Int, _ range: SourceRange?) throws(PyError) {
    MemoryUse.adviseHeapGrowth()
    guard let used = MemoryUse.heapBytes() else { return }
    let total = used.addingReportingOverflow(more)
    let overLimit = total.overflow || total.partialValue > memoryLimit
    let room = MemoryUse.room
    guard overLimit || room.map({ kshape_heap_mapped_after(more) > $0 }) == true else { return }
    let limit =
      overLimit
      ? "its limit of \(memoryLimit >> 20) MiB"
      : "the \((room ?? 0) >> 20) MiB a limit on memory (ulimit) leaves it"
    throw PyError(
      "MemoryError",
      "kshape's memory would pass \(limit) (it holds \(used >> 20) MiB)", at: range,
      hint: "a program that builds a model needs far less data: make lists smaller, or share "
        + "rows instead of copying them")
  }

  /// Before `n` items are appended to `array`: past its capacity the array moves to storage
  /// twice as large while it still holds the old one, and a large move needs the heap's room
  /// first (checks counted in items or steps come too late for one that doubles a 100 MiB list).
  @inline(__always)
  func checkRoom<T>(appending n: Int = 1, to array: [T]) throws(PyError) {
    if array.capacity &- array.count < n {
      try checkArrayGrowth(array.capacity, array.count, n, T.self)
    }
  }

  @inline(never)
  private func checkArrayGrowth<T>(_ capacity: Int, _ count: Int, _ n: Int, _: T.Type)
    throws(PyError)
  {
    let doubled = capacity.multipliedReportingOverflow(by: 2)
    let needed = count.addingReportingOverflow(n)
    let items =
      doubled.overflow || needed.overflow ? Int.max : max(doubled.partialValue, needed.partialValue)
    let bytes = items.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
    if bytes.overflow || bytes.partialValue >= Self.growthWorthChecking {
      try checkMemory(addingBytes: bytes.overflow ? .max : bytes.partialValue, nil)
    }
  }

  /// Before a new entry goes into `dict`: the room for its storage's growth, when that is large.
  @inline(__always)
  func checkRoom(growing dict: PyDict) throws(PyError) {
    let bytes = dict.growthBytes
    if bytes >= Self.growthWorthChecking { try checkMemory(addingBytes: bytes, nil) }
  }

  /// Growth smaller than this is left to the checks every 4,096 steps (`step`).
  static let growthWorthChecking = 1 << 20
}
