import CMalloc
import StatementLanguage

/// The process's heap: what bounds the memory a program's data takes when each result is
/// within the size limit but many are kept (`[x * 1 for x in rows]` with rows of ten million
/// items each). Thread stacks (deep recursion) are not heap: their limit is the recursion's.
enum MemoryUse {
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
