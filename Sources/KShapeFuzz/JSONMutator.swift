import KerasJSON
import LayerCatalog

/// Model configs damaged the ways a file can be: one value in the tree replaced, removed,
/// duplicated or renamed (structure-aware), then sometimes the text itself cut or flipped.
struct JSONMutator {
  var rng: Random
  /// Strings worth putting anywhere: class names, layer names of the seed, formats, junk.
  var strings: [String] = []

  static let classNames =
    Catalog.allNames + [
      "Functional", "Sequential", "Model", "InputLayer", "__keras_tensor__", "FooLayer", "",
    ]

  /// The seed with 1-4 structural mutations, as text; sometimes with bytes damaged too.
  mutating func mutate(_ seed: JSONValue) -> [UInt8] {
    var value = seed
    strings = Self.names(in: seed, limit: 200) + Self.classNames
    let count = Self.count(value)
    for _ in 0..<(1 + rng.below(4)) {
      if rng.chance(0.4) {
        // Numbers are where shapes come from: most mutations of a big model would miss them.
        var target = rng.below(max(1, Self.countInts(value)))
        changeInt(&value, target: &target)
      } else {
        var target = rng.below(count)
        change(&value, target: &target, depth: 0)
      }
    }
    var bytes = Array(value.compactText.utf8)
    if rng.chance(0.15) { bytes = damage(bytes) }
    return bytes
  }

  /// Byte-level damage: truncation, flipped bytes, an inserted run.
  mutating func damage(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    guard !bytes.isEmpty else { return bytes }
    switch rng.below(4) {
    case 0: bytes.removeLast(rng.below(bytes.count))
    case 1:
      for _ in 0..<(1 + rng.below(8)) { bytes[rng.below(bytes.count)] ^= UInt8(1 << rng.below(8)) }
    case 2:
      let junk = rng.pick(["{", "[", "\"", "\\u", "NaN", "-", "1e99999", "\u{0}", ",", "}"])
      bytes.insert(contentsOf: Array(junk.utf8), at: rng.below(bytes.count))
    default:
      let at = rng.below(bytes.count)
      let end = min(bytes.count, at + rng.below(64))
      bytes.insert(contentsOf: bytes[at..<end], at: at)
    }
    return bytes
  }

  static func count(_ v: JSONValue) -> Int {
    switch v {
    case .array(let items): return 1 + items.reduce(0) { $0 + count($1) }
    case .object(let members): return 1 + members.reduce(0) { $0 + count($1.value) }
    default: return 1
    }
  }

  static func countInts(_ v: JSONValue) -> Int {
    switch v {
    case .int: return 1
    case .array(let items): return items.reduce(0) { $0 + countInts($1) }
    case .object(let members): return members.reduce(0) { $0 + countInts($1.value) }
    default: return 0
    }
  }

  /// Replaces the `target`-th int (or null, where a dim may be unknown) with an edge value.
  mutating func changeInt(_ v: inout JSONValue, target: inout Int) {
    switch v {
    case .int(let n):
      if target == 0 {
        v = rng.chance(0.2) ? .null : .int(rng.pick([0, -1, n &* 2, n &+ 1, rng.interestingInt()]))
      }
      target -= 1
    case .array(var items):
      for i in items.indices where target >= 0 { changeInt(&items[i], target: &target) }
      v = .array(items)
    case .object(var members):
      for i in members.indices where target >= 0 { changeInt(&members[i].value, target: &target) }
      v = .object(members)
    default: break
    }
  }

  static func names(in v: JSONValue, limit: Int) -> [String] {
    var out: [String] = []
    var pending = [v]
    while let next = pending.popLast(), out.count < limit {
      switch next {
      case .string(let s): out.append(s)
      case .array(let items): pending += items
      case .object(let members): pending += members.map(\.value)
      default: break
      }
    }
    return out
  }

  /// Changes the `target`-th value in preorder (counting down as it walks).
  mutating func change(_ v: inout JSONValue, target: inout Int, depth: Int) {
    if target == 0 {
      v = replacement(for: v, depth: depth)
      target = -1
      return
    }
    target -= 1
    switch v {
    case .array(var items):
      for i in items.indices where target >= 0 {
        change(&items[i], target: &target, depth: depth + 1)
      }
      v = .array(items)
    case .object(var members):
      for i in members.indices where target >= 0 {
        change(&members[i].value, target: &target, depth: depth + 1)
      }
      v = .object(members)
    default: break
    }
  }

  mutating func replacement(for v: JSONValue, depth: Int) -> JSONValue {
    switch v {
    case .array(var items) where !items.isEmpty && rng.chance(0.6):
      switch rng.below(4) {
      case 0: items.remove(at: rng.below(items.count))
      case 1: items.insert(rng.pick(items), at: rng.below(items.count + 1))
      case 2: items.swapAt(rng.below(items.count), rng.below(items.count))
      default: items = Array(items.prefix(rng.below(items.count)))
      }
      return .array(items)
    case .object(var members) where !members.isEmpty && rng.chance(0.6):
      let i = rng.below(members.count)
      switch rng.below(3) {
      case 0: members.remove(at: i)
      case 1: members[i].key = rng.pick(["name", "config", "class_name", "layers", "", "x"])
      default: members.append(members[i])
      }
      return .object(members)
    case .int(let n) where rng.chance(0.5):
      return .int(rng.pick([n &+ 1, n &- 1, 0 &- n, n &* 1000, 0, rng.interestingInt()]))
    case .string where rng.chance(0.6):
      return .string(rng.pick(strings))
    default:
      return scalar(depth: depth)
    }
  }

  mutating func scalar(depth: Int) -> JSONValue {
    switch rng.below(8) {
    case 0: return .int(rng.interestingInt())
    case 1: return .double(rng.pick([0.5, -1, 1e300, .nan, .infinity, -0.0, 1e-310]))
    case 2: return .string(rng.pick(strings))
    case 3: return .null
    case 4: return .bool(rng.chance(0.5))
    case 5: return .array((0..<rng.below(4)).map { _ in .int(rng.below(8) - 1) })
    case 6: return .object([])
    default: return .array([.null, .int(rng.below(300)), .int(rng.below(4))])
    }
  }
}
