import LayerCatalog
import ShapeCore

/// The last few layers constructed from written arguments, kept so that the same class called
/// with the same arguments again (a script's hundredth `Dense(8)`, a loop's `ReLU()`, each block's
/// `Conv2D(64, 3, padding="same")`) is not bound, checked and made again: a construction is a
/// pure function of the class (as written and as found in the catalog) and the arguments
/// (`Evaluator.make`), and the layer's auto-name is not part of it (`Evaluator.add` names it).
///
/// Only plain arguments are kept (numbers, strings, booleans, None, and tuples and lists of
/// them): a layer or dict argument is made anew. Arguments match when they are the same values
/// written the same way (`identical`: not `==`, which equates 0.0 and -0.0, 1 and True, and
/// canonically equivalent strings, which a layer's config or an error message would show apart).
/// A failed construction is not kept (its error is made again, with what it names).
///
/// A class: the evaluator is a value copied to try a statement, and every copy may share what
/// any of them made (a kept construction stays true whatever the graph becomes).
final class ConstructionMemo {
  /// A construction and what it was made from. (A class: a lookup reads its fields in place;
  /// immutable, so a graph's node may hold it.)
  final class Kept: Sendable {
    let cls: String
    let entryClass: String
    let arguments: CallArguments
    let made: Evaluator.Construction

    init(
      _ cls: String, _ entryClass: String, _ arguments: CallArguments,
      _ made: Evaluator.Construction
    ) {
      self.cls = cls
      self.entryClass = entryClass
      self.arguments = arguments
      self.made = made
    }
  }

  /// How many constructions are kept (a script's layers come in short repeating groups).
  static let capacity = 8
  private(set) var kept = RecentRing<Kept>(capacity: capacity)
  /// How many constructions were taken from the memo (for tests).
  private(set) var hits = 0

  /// The construction kept for class `cls` (`entry`) and `arguments`, the most recent first.
  func find(_ cls: String, entry: LayerEntry, _ arguments: CallArguments) -> Kept? {
    // Class names are identifiers (Python reads them normalized: equal names are the same
    // name), compared as strings; only values are compared by their bytes.
    for i in kept.recentFirst {
      let c = kept.elements[i]
      if c.cls == cls, c.entryClass == entry.className, Self.identical(c.arguments, arguments) {
        hits += 1
        return c
      }
    }
    return nil
  }

  /// Keeps `made`, when its arguments are plain: what is kept, for the layer's node.
  @discardableResult
  func remember(
    _ cls: String, entry: LayerEntry, _ arguments: CallArguments, _ made: Evaluator.Construction
  ) -> Kept? {
    guard Self.isPlain(arguments) else { return nil }
    let c = Kept(cls, entry.className, arguments, made)
    kept.add(c)
    return c
  }

  static func isPlain(_ a: CallArguments) -> Bool {
    a.positional.allSatisfy(isPlain) && a.keywords.allSatisfy { isPlain($0.1) }
  }

  static func isPlain(_ v: Value) -> Bool {
    switch v {
    case .int, .float, .string, .bool, .none: return true
    case .tuple(let items), .list(let items): return items.allSatisfy(isPlain)
    case .layer, .dict: return false
    }
  }

  /// The same arguments, written the same way: positionals and keywords in the same order.
  static func identical(_ a: CallArguments, _ b: CallArguments) -> Bool {
    guard a.positional.count == b.positional.count, a.keywords.count == b.keywords.count else {
      return false
    }
    guard identical(a.positional, b.positional) else { return false }
    for i in a.keywords.indices {
      guard sameText(a.keywords[i].0, b.keywords[i].0),
        identical(a.keywords[i].1, b.keywords[i].1)
      else { return false }
    }
    return true
  }

  /// The same plain value: same case, same bits of a float, same bytes of a string. (Each case
  /// matched alone: a switch over the pair would copy both values.)
  static func identical(_ a: Value, _ b: Value) -> Bool {
    switch a {
    case .int(let x):
      guard case .int(let y) = b else { return false }
      return x == y
    case .float(let x):
      guard case .float(let y) = b else { return false }
      return x.bitPattern == y.bitPattern
    case .string(let x):
      guard case .string(let y) = b else { return false }
      return sameText(x, y)
    case .bool(let x):
      guard case .bool(let y) = b else { return false }
      return x == y
    case .none:
      guard case .none = b else { return false }
      return true
    case .tuple(let x):
      guard case .tuple(let y) = b else { return false }
      return identical(x, y)
    case .list(let x):
      guard case .list(let y) = b else { return false }
      return identical(x, y)
    case .layer, .dict: return false
    }
  }

  static func identical(_ x: [Value], _ y: [Value]) -> Bool {
    guard x.count == y.count else { return false }
    for i in x.indices where !identical(x[i], y[i]) { return false }
    return true
  }

  /// The same UTF-8 bytes (not `==`: canonically equivalent strings are told apart).
  static func sameText(_ a: String, _ b: String) -> Bool { LayerTemplates.sameText(a, b) }
}

/// The last first calls of layers made from kept constructions (`ConstructionMemo.Kept`): what a
/// twin (another layer made from the same construction) gives when first called on the same
/// tensor type. A call is a function of the layer's value, its input, its dtype policy and the
/// weight rule (deferred or strict): the layer's name appears only in its errors, and errors are
/// not kept (`ConstructionMemoTests`). Kept by the Python host for the statements it runs, and by
/// a session plan's run at a size (`SessionPlan.run`): a chain of the same blocks calls each
/// block's layers once.
struct TwinCalls {
  private struct Call {
    let kept: ConstructionMemo.Kept
    var input: TensorType
    let defersWeights: Bool
    let output: LayerOutput
    /// The counts of its weights (each twin's node holds them).
    let params: ParamCount
  }
  private var calls = RecentRing<Call>(capacity: ConstructionMemo.capacity)
  /// How many first calls were taken from here (for tests).
  private(set) var hits = 0

  /// What a first call of a layer made from `kept` on `input` gave, when one of the last few was.
  mutating func output(_ kept: ConstructionMemo.Kept, on input: TensorType, defersWeights: Bool)
    -> (output: LayerOutput, params: ParamCount)?
  {
    for i in calls.recentFirst
    where calls.elements[i].kept === kept && calls.elements[i].defersWeights == defersWeights
      && calls.elements[i].input == input
    {
      hits += 1
      // The input kept is the one given last: a chain's next layer is given the output its twin
      // gave (the same shape array), compared by identity rather than dim by dim.
      calls.elements[i].input = input
      return (calls.elements[i].output, calls.elements[i].params)
    }
    return nil
  }

  /// Keeps a first call's result.
  mutating func remember(
    _ output: LayerOutput, of kept: ConstructionMemo.Kept, on input: TensorType,
    defersWeights: Bool
  ) {
    calls.add(
      Call(
        kept: kept, input: input, defersWeights: defersWeights, output: output,
        params: ParamCount(output.weights)))
  }
}

/// The last `capacity` elements added, the oldest replaced once it is full, read most recent
/// first: what the memos keep (a model's layers come in short repeating groups).
struct RecentRing<Element> {
  let capacity: Int
  /// The elements; one may be changed in place (`add` alone adds or replaces).
  var elements: [Element] = []
  /// Where the next element goes once the ring is full (the oldest).
  private var next = 0

  init(capacity: Int) { self.capacity = max(1, capacity) }

  var isEmpty: Bool { elements.isEmpty }

  mutating func add(_ element: Element) {
    if elements.count < capacity {
      elements.append(element)
      next = elements.count % capacity
    } else {
      elements[next] = element
      next = (next + 1) % capacity
    }
  }

  /// The positions in `elements`, the most recent first (a caller reads `elements[i]` in place:
  /// a closure given each element made a copy of it, retaining each of its fields).
  var recentFirst: RecentFirst { RecentFirst(count: elements.count, next: next) }

  struct RecentFirst: Sequence, IteratorProtocol {
    let count: Int
    /// The position given last (the ring's next slot at first).
    var position: Int
    var taken = 0

    init(count: Int, next: Int) {
      self.count = count
      position = next
    }

    mutating func next() -> Int? {
      guard taken < count else { return nil }
      taken += 1
      position = position == 0 ? count - 1 : position - 1
      return position
    }
  }
}
