import StatementLanguage

/// The interpreter's limits: steps, the stack, sizes and the heap.
extension Interpreter {
  // MARK: - Limits

  /// Counts one step of work; past the limit the program is stopped.
  /// `count` > 1 charges work done in bulk (the items a builtin walks through), so that
  /// `sum(range(10**12))` is stopped like a loop.
  @inline(__always)
  func step(_ range: SourceRange?, count: Int = 1) throws(PyError) {
    steps = steps.addingReportingOverflow(count).partialValue
    // Deep nesting inside each call (an expression 200 levels deep in a function recursing 1000
    // times) could still exhaust the stack: measure it, as CPython 3.12 does for C recursion.
    var marker = 0
    let here = withUnsafePointer(to: &marker) { UInt(bitPattern: $0) }
    // Most steps pass every test below: they are asked again, in order, only when one may fail.
    if stackBase > here && Int(stackBase - here) > stackBudget || steps & 4095 < count
      || steps > stepLimit || steps < 0
    {
      try stepChecks(range, count: count, here: here)
    }
  }

  /// `step`'s tests, in order, once one of them may fail.
  @inline(never)
  private func stepChecks(_ range: SourceRange?, count: Int, here: UInt) throws(PyError) {
    if stackBase > here, Int(stackBase - here) > stackBudget {
      throw PyError("RecursionError", "maximum recursion depth exceeded", at: range)
    }
    if steps & 4095 < count, let isInterrupted, isInterrupted() {
      throw PyError("KeyboardInterrupt", "", at: range)
    }
    if steps & 4095 < count { try checkMemory(range) }
    if steps > stepLimit || steps < 0 {
      throw PyError(
        "StepLimitError",
        "the program ran more than \(stepLimit) steps: stopped (an endless loop?)", at: range,
        hint: "kshape stops runaway code; a model-building program needs far fewer steps")
    }
  }

  /// Refuses a result of `count` items past the size limit, or one the heap has no room for.
  /// `growing`: the result grows an item at a time (a comprehension, `append`), so its size is
  /// checked against the heap only every 65,536 items.
  public func checkSize(_ count: Int, growing: Bool = false) throws(PyError) {
    if count > sizeLimit {
      throw PyError(
        "MemoryError", "a result of \(count) items is more than kshape allows (\(sizeLimit))",
        at: nil)
    }
    // A large result is about to be made: the heap must have room for it (items appended one
    // by one are checked with the steps).
    itemsSinceMemoryCheck &+= growing ? 1 : count
    if itemsSinceMemoryCheck >= 1 << 20 || (!growing && count >= 1 << 16) {
      itemsSinceMemoryCheck = 0
      try checkMemory(adding: growing ? 0 : count, SourceRange?.none)
    }
  }

  /// `checkSize` for the string `a + b`, measured in UTF-8 bytes (at least its characters, and
  /// O(1) to count on a native string, where characters are O(n)); a short `b` grows `a`.
  func checkStringSize(_ a: String, _ b: String) throws(PyError) {
    let added = b.utf8.count
    try checkSize(a.utf8.count + added, growing: added < 1 << 16)
  }
}
