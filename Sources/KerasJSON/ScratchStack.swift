/// A stack for the parser's pending elements: its top elements are moved (never copied and
/// released) into an array of their exact count when their container closes, and its storage is
/// grown once for a whole document.
struct ScratchStack<Element>: ~Copyable {
  private var base: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 32) {
    self.capacity = max(1, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  mutating func push(_ element: consuming Element) {
    if count == capacity { grow() }
    (base + count).initialize(to: element)
    count += 1
  }

  private mutating func grow() {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity *= 2
  }

  /// The element at `i` (below `count`), read or changed in place.
  subscript(i: Int) -> Element {
    get {
      precondition(i >= 0 && i < count)
      return base[i]
    }
    _modify {
      precondition(i >= 0 && i < count)
      yield &base[i]
    }
  }

  /// Puts `element` in the place of the one at `i` (below `count`).
  mutating func replace(_ i: Int, with element: consuming Element) {
    precondition(i >= 0 && i < count)
    (base + i).pointee = element
  }

  /// Removes the top element (the stack is not empty).
  @discardableResult
  mutating func pop() -> Element {
    precondition(count > 0)
    count -= 1
    return (base + count).move()
  }

  /// Removes the elements from `start` up.
  mutating func remove(from start: Int) {
    precondition(start >= 0 && start <= count)
    (base + start).deinitialize(count: count - start)
    count = start
  }

  /// Removes the elements from `start` up and returns them in order.
  mutating func popArray(from start: Int) -> [Element] {
    precondition(start >= 0 && start <= count)
    let n = count - start
    let source = base + start
    count = start
    // Appending moved elements to a reserved array: the stdlib's uninitialized-capacity
    // initializer looks up the array's type metadata at every call.
    var array: [Element] = []
    array.reserveCapacity(n)
    for k in 0..<n { array.append((source + k).move()) }
    return array
  }

  /// Removes the elements from `start` up, and as many from `otherStart` up on `other` (all of
  /// its top), and returns them in order, each pair made into one by `pair`.
  mutating func popArray<Other, Pair>(
    from start: Int, pairedWith other: inout ScratchStack<Other>, from otherStart: Int,
    _ pair: (consuming Element, consuming Other) -> Pair
  ) -> [Pair] {
    var array: [Pair] = []
    array.reserveCapacity(count - start)
    pop(from: start, pairedWith: &other, from: otherStart, into: &array, pair)
    return array
  }

  /// `popArray(from:pairedWith:from:_:)`, appending the pairs to `array` (with room for them).
  mutating func pop<Other, Pair>(
    from start: Int, pairedWith other: inout ScratchStack<Other>, from otherStart: Int,
    into array: inout [Pair], _ pair: (consuming Element, consuming Other) -> Pair
  ) {
    let n = count - start
    precondition(start >= 0 && n >= 0 && otherStart >= 0 && otherStart + n == other.count)
    count = start
    other.count = otherStart
    for k in 0..<n {
      array.append(pair((base + start + k).move(), (other.base + otherStart + k).move()))
    }
  }
}

extension ScratchStack where Element == UInt64 {
  /// One bit per hash from `start` to the top (its top seven bits choose the word and the
  /// bit: `OpenContainers.Frame.seen`).
  func mask(from start: Int) -> (UInt64, UInt64) {
    precondition(start >= 0 && start <= count)
    var low: UInt64 = 0
    var high: UInt64 = 0
    for i in start..<count {
      let bit = base[i] >> 57
      let one: UInt64 = 1 << (bit & 63)
      if bit < 64 { low |= one } else { high |= one }
    }
    return (low, high)
  }
}
