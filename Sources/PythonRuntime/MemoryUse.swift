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

  /// The heap's room under such a limit (nil: no limit).
  static let room: Int? = {
    let room = kshape_heap_room(96 << 20)
    return room < 0 ? nil : room
  }()

  /// Without such a limit, the bound on what kshape holds resident: freed holes keep the heap's
  /// mapped size, and what is resident, above the bytes in use (lists freed and larger ones made
  /// held 1,034 MiB resident with 768 MiB in use). Asked of the system (/proc/self/statm) only
  /// once the heap maps more than `memoryLimit`.
  static let residentLimit = 960 << 20

  /// The stack sizes worth asking for under such a limit: at most a quarter of the room it
  /// leaves (under 1 GiB, 64 MiB: a 512 MiB stack left the heap less than its own limit).
  static func stackSizes(_ sizes: [Int]) -> [Int] {
    let room = kshape_heap_room(0)
    guard room >= 0 else { return sizes }
    let fitting = sizes.filter { $0 <= room / 4 }
    return fitting.isEmpty ? [sizes.min() ?? 16 << 20] : fitting
  }

  /// The bound that taking `more` bytes passes, as a MemoryError names it; nil when none is.
  /// The heap has `used` bytes in use and maps `mapped`, and would map `grown` more for them.
  /// Bytes in use are bounded by `memoryLimit`; under a limit on address space (`room`) what
  /// the heap maps is bounded by the room; else, once the heap maps more than `memoryLimit`,
  /// what the process holds resident (`resident`, asked only then: a read of /proc) by
  /// `residentLimit`.
  static func boundPassed(
    used: Int, more: Int, mapped: Int, grown: Int, memoryLimit: Int, room: Int?,
    residentLimit: Int, resident: () -> Int
  ) -> String? {
    let total = used.addingReportingOverflow(more)
    if total.overflow || total.partialValue > memoryLimit {
      return "its limit of \(memoryLimit >> 20) MiB"
    }
    let after = mapped.addingReportingOverflow(grown)
    if let room {
      guard after.overflow || after.partialValue > room else { return nil }
      return "the \(room >> 20) MiB a limit on memory (ulimit) leaves it"
    }
    guard after.overflow || after.partialValue > memoryLimit else { return nil }
    let held = resident().addingReportingOverflow(grown)
    guard held.overflow || held.partialValue > residentLimit else { return nil }
    return "\(residentLimit >> 20) MiB resident (holes between freed blocks count)"
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

  /// Refuses to go on when the heap, with `more` bytes taken, would pass `memoryLimit`; under a
  /// limit on address space, when it would map more than the room the limit leaves (a
  /// MemoryError where a failed allocation would stop the process); else when kshape would hold
  /// more than `MemoryUse.residentLimit` resident.
  func checkMemory(addingBytes more: Int, _ range: SourceRange?) throws(PyError) {
    MemoryUse.adviseHeapGrowth()
    var mapped = 0
    var grown = 0
    let used = kshape_heap_usage(more, &mapped, &grown)
    guard used >= 0,
      let limit = MemoryUse.boundPassed(
        used: used, more: more, mapped: mapped, grown: grown, memoryLimit: memoryLimit,
        room: MemoryUse.room, residentLimit: MemoryUse.residentLimit,
        resident: { kshape_statm_bytes(1) })
    else { return }
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

  /// Appends one item to a list being built (a comprehension, `append`): its size against the
  /// limit and room for the array's growth first.
  @inline(__always)
  func append(_ item: PyValue, to items: inout [PyValue]) throws(PyError) {
    try checkSize(items.count + 1, growing: true)
    try checkRoom(to: items)
    items.append(item)
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
