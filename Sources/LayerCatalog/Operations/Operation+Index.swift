import ShapeCore

/// One item of a `GetItem` key as a saved node holds it: an int, `None` (newaxis),
/// `{"class_name": "__slice__", ...}` or `{"class_name": "__ellipsis__"}`.
enum IndexItem {
  case index(Int)
  case newAxis
  case ellipsis
  case slice(start: Int?, stop: Int?, step: Int?)

  init?(_ v: Value) {
    switch v {
    case .none: self = .newAxis
    case .int(let i): self = .index(i)
    case .dict:
      guard case .string(let cls)? = v["class_name"] else { return nil }
      if cls == "__ellipsis__" {
        self = .ellipsis
        return
      }
      guard cls == "__slice__", let c = v["config"] else { return nil }
      func part(_ k: String) -> Int?? {
        switch c[k] ?? .none {
        case .none: return .some(nil)
        case .int(let i): return .some(i)
        default: return nil
        }
      }
      guard let start = part("start"), let stop = part("stop"), let step = part("step") else {
        return nil
      }
      self = .slice(start: start, stop: stop, step: step)
    default: return nil
    }
  }

  /// As Python prints it: `3`, `None`, `Ellipsis`, `slice(None, 3, None)`.
  var pythonRepr: String {
    func opt(_ v: Int?) -> String { v.map(String.init) ?? "None" }
    switch self {
    case .index(let i): return String(i)
    case .newAxis: return "None"
    case .ellipsis: return "Ellipsis"
    case .slice(let a, let b, let c): return "slice(\(opt(a)), \(opt(b)), \(opt(c)))"
    }
  }

  /// `len(range(*slice(start, stop, step).indices(n)))`; nil for step 0.
  static func sliceLength(_ n: Int, start: Int?, stop: Int?, step: Int?) -> Int? {
    let step = step ?? 1
    guard step != 0 else { return nil }
    func clamp(_ v: Int?, _ d: Int, lo: Int, hi: Int) -> Int {
      guard var v else { return d }
      if v < 0 { v += n }
      return min(max(v, lo), hi)
    }
    let (lo, hi) = step > 0 ? (0, n) : (-1, n - 1)
    let a = clamp(start, step > 0 ? 0 : n - 1, lo: lo, hi: hi)
    let b = clamp(stop, step > 0 ? n : -1, lo: lo, hi: hi)
    let span = step > 0 ? b - a : a - b
    // ceil(span / |step|) without `abs(Int.min)` or `span + |step| - 1` overflowing (a saved
    // model's slice can hold any Int: fuzz seed 20261404).
    guard span > 0 else { return 0 }
    return Int((UInt(span) - 1) / step.magnitude) + 1
  }
}

extension OperationContext {
  /// `x[key]` (`GetItem`): ints drop a dim (checked against known sizes), slices keep it
  /// (sized as Python's `range`), None inserts a 1, one Ellipsis stands for the dims not named.
  func getItem(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    guard operands.count == 2, case .scalar(let key) = operands[1] else {
      throw error("takes a tensor and a key of ints, slices, None and Ellipsis")
    }
    let raw: [Value] = key.items ?? [key]
    var items: [IndexItem] = []
    for v in raw {
      guard let item = IndexItem(v) else {
        throw error("Unsupported key type for array slice. Received: `\(key.pythonRepr)`")
      }
      items.append(item)
    }
    let ellipses = items.filter { if case .ellipsis = $0 { true } else { false } }.count
    if ellipses > 1 {
      throw error("Slice should only have one ellipsis. Received: `\(key.pythonRepr)`")
    }
    let keyText =
      key.items == nil
      ? items.first?.pythonRepr ?? "" : TensorType.tuple(items.map(\.pythonRepr))
    if ellipses == 0 { items.append(.ellipsis) }
    var rest = x.shape[...]
    var out: [Dim] = []
    for (i, item) in items.enumerated() {
      if case .ellipsis = item {
        let later = items[(i + 1)...]
        let needed = later.filter { if case .newAxis = $0 { false } else { true } }.count
        let consumed = max(0, rest.count - needed)
        out += rest.prefix(consumed)
        rest = rest.dropFirst(consumed)
        continue
      }
      if case .newAxis = item {
        out.append(.known(1))
        continue
      }
      guard let d = rest.popFirst() else {
        throw error(
          "Array has shape \(shape(x.shape)) but slice has too many indices. Received: "
            + "`\(keyText)`")
      }
      switch item {
      case .index(let k):
        if let n = d.value, pythonIndex(k, count: n) == nil {
          throw error(
            "Array has shape \(shape(x.shape)) but out-of-bounds index \(keyText) was "
              + "requested.")
        }
      case .slice(let start, let stop, let step):
        guard let n = d.value else {
          out.append(start == nil && stop == nil && (step ?? 1) == 1 ? d : .unknown)
          continue
        }
        guard let len = IndexItem.sliceLength(n, start: start, stop: stop, step: step) else {
          throw error("slice step cannot be zero. Received: `\(keyText)`")
        }
        out.append(.known(len))
      default: break
      }
    }
    return TensorType(shape: out, dtype: x.dtype)
  }
}
