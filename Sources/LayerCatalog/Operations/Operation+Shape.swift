import ShapeCore

extension OperationContext {
  /// `reshape(x, newshape)`: one -1 takes what is left; with an unknown dim anywhere, -1 is
  /// None; a full newshape must keep the size.
  func reshape(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    // A None in newshape (from `ops.shape(x)[0]` at build time) stays unknown, as in Keras.
    let dynamic = arg("newshape").items?.contains { if case .none = $0 { true } else { false } }
    if dynamic ?? false, let items = arg("newshape").items {
      let dims = items.map { v -> Dim in
        v.pythonInt.map { $0 == -1 ? .unknown : .known($0) } ?? .unknown
      }
      return TensorType(shape: dims, dtype: x.dtype)
    }
    guard let newshape = try ints("newshape") else {
      throw error("newshape must be a tuple of ints", argument: "newshape")
    }
    let given =
      "input_shape=\(shape(x.shape)), newshape=\(TensorType.tuple(newshape.map(String.init)))"
    if newshape.filter({ $0 == -1 }).count > 1 || newshape.contains(where: { $0 < -1 }) {
      throw error(
        "There must be at most one -1 dimension, and no other negative one. Received: \(given)")
    }
    let known = try checked(label) { () throws(ArithmeticOverflow) in
      try Dim.product(newshape.filter { $0 != -1 }.map(Dim.known))
    }
    let size = try checked(label) { () throws(ArithmeticOverflow) in try Dim.product(x.shape) }
    var out = newshape.map { Dim.known($0) }
    if x.shape.contains(where: { !$0.isKnown }) {
      // Keras has None here; a formula is kept when the size divides.
      guard let i = newshape.firstIndex(of: -1) else {
        return TensorType(shape: out, dtype: x.dtype)
      }
      let k = known.value ?? 0
      out[i] =
        k > 0 && x.shape.allSatisfy({ $0 != .unknown }) ? (size.exactDiv(k) ?? .unknown) : .unknown
      return TensorType(shape: out, dtype: x.dtype)
    }
    guard let total = size.value, let k = known.value else {
      return TensorType(shape: out, dtype: x.dtype)
    }
    if let i = newshape.firstIndex(of: -1) {
      guard k != 0, total % k == 0 else {
        throw error(
          "The total size of the tensor must be unchanged, however, the input size cannot by "
            + "divided by the specified dimensions in newshape. Received: \(given)")
      }
      out[i] = .known(total / k)
    } else if total != k {
      throw error("The total size of the tensor must be unchanged. Received: \(given)")
    }
    return TensorType(shape: out, dtype: x.dtype)
  }

  /// `transpose(x, axes)`: axes a permutation (None: reversed).
  func transpose(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    guard let axes = try ints("axes") else {
      return TensorType(shape: x.shape.reversed(), dtype: x.dtype)
    }
    guard axes.count == x.rank else {
      throw error(
        "axis must be a list of the same length as the input shape, expected \(x.rank), but "
          + "received \(axes.count).")
    }
    var seen = Set<Int>()
    for a in axes {
      guard a >= -x.rank, a < x.rank, seen.insert((a + x.rank) % x.rank).inserted else {
        throw error(
          "axes must be a valid permutation of the input dimensions. Received: axes=\(axes) for "
            + "input of rank \(x.rank).")
      }
    }
    return TensorType(shape: axes.map { x.shape[($0 + x.rank) % x.rank] }, dtype: x.dtype)
  }

  /// `expand_dims(x, axis)`: a 1 at each axis of the result.
  func expandDims(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    let given = try ints("axis") ?? [x.rank]
    let n = x.rank + given.count
    var axes = Set<Int>()
    for a in given { axes.insert(try axis(a, rank: n)) }
    var rest = x.shape[...]
    var out: [Dim] = []
    for i in 0..<n {
      if axes.contains(i) {
        out.append(.known(1))
      } else if let d = rest.popFirst() {
        out.append(d)
      }
    }
    return TensorType(shape: out, dtype: x.dtype)
  }

  /// `squeeze(x, axis)`: the axes must be 1 (None: every known 1 goes).
  func squeeze(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    guard let given = try ints("axis") else {
      return TensorType(shape: x.shape.filter { $0.value != 1 }, dtype: x.dtype)
    }
    var drop = Set<Int>()
    for a in given {
      let i = try axis(a, rank: x.rank)
      guard x.shape[i].value == 1 else {
        throw error(
          "Cannot squeeze axis \(a), because the dimension is not 1. Received: input shape "
            + shape(x.shape))
      }
      drop.insert(i)
    }
    return TensorType(
      shape: x.shape.enumerated().filter { !drop.contains($0.offset) }.map(\.element),
      dtype: x.dtype)
  }

  /// `concatenate(xs, axis)` and `stack(xs, axis)`: same shapes (but on the concatenation axis),
  /// unknown dims matching anything; `result_type` of all.
  func join(_ operands: [TensorOperation.Operand], stack: Bool) throws(LayerError) -> TensorType {
    guard case .tensors(let xs)? = operands.first, let first = xs.first else {
      throw error("takes a list of tensors")
    }
    let rank = first.rank
    let a = try axis(try int("axis", default: 0), rank: stack ? rank + 1 : rank)
    var total = Dim.known(0)
    var dtype = first.dtype
    for x in xs {
      let same =
        x.rank == rank
        && zip(x.shape, first.shape).enumerated().allSatisfy { i, p in
          (!stack && i == a) || p.0.value == nil || p.1.value == nil || p.0.value == p.1.value
        }
      guard same else {
        throw error(
          stack
            ? "Every value in `x` must have the same shape. But found element of shape "
              + "\(shape(x.shape)), which is different from the first element's shape "
              + "\(shape(first.shape))."
            : "Every value in `xs` must have the same shape except on the `axis` dim. But found "
              + "element of shape \(shape(x.shape)), which is different from the first "
              + "element's shape \(shape(first.shape)).")
      }
      if !stack {
        total = try checked(label) { () throws(ArithmeticOverflow) in try total + x.shape[a] }
      }
      dtype = Promotion.result(dtype, x.dtype)
    }
    var out = first.shape
    if stack { out.insert(.known(xs.count), at: a) } else { out[a] = total }
    return TensorType(shape: out, dtype: xs.count == 1 ? Promotion.canonical(dtype) : dtype)
  }

  /// `tile(x, repeats)`: right-aligned, each dim times its repeat.
  func tile(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    var reps = try ints("repeats") ?? []
    var dims = x.shape
    if dims.count > reps.count {
      reps = Array(repeating: 1, count: dims.count - reps.count) + reps
    } else {
      dims = Array(repeating: .known(1), count: reps.count - dims.count) + dims
    }
    var out: [Dim] = []
    for (d, r) in zip(dims, reps) {
      out.append(try checked(label) { () throws(ArithmeticOverflow) in try d * r })
    }
    return TensorType(shape: out, dtype: x.dtype)
  }

  /// `repeat(x, repeats, axis)`: the axis times the repeat (None: flattened first).
  func repeatOp(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    let reps = try ints("repeats") ?? []
    let size = try checked(label) { () throws(ArithmeticOverflow) in try Dim.product(x.shape) }
    guard let a = try ints("axis")?.first else {
      guard let n = size.value else { return TensorType(shape: [.unknown], dtype: x.dtype) }
      if reps.count == 1 {
        return TensorType(shape: [.known(try checkedMul(n, reps[0]))], dtype: x.dtype)
      }
      guard reps.count == n else {
        throw error(
          "Size of `repeats` and dimensions of `x` after flattening should be compatible. "
            + "Received: \(reps.count) and \(n)")
      }
      return TensorType(shape: [.known(reps.reduce(0, +))], dtype: x.dtype)
    }
    guard let i = pythonIndex(a, count: x.rank) else {
      throw error("axis \(a) is out of range for input shape \(shape(x.shape))")
    }
    var out = x.shape
    guard let n = out[i].value else { return TensorType(shape: out, dtype: x.dtype) }
    if reps.count == 1 {
      out[i] = .known(try checkedMul(n, reps[0]))
    } else if reps.count != n {
      throw error(
        "Size of `repeats` and dimensions of `axis \(a) of x` should be compatible. Received: "
          + "\(reps.count) and \(shape(x.shape))")
    } else {
      out[i] = .known(reps.reduce(0, +))
    }
    return TensorType(shape: out, dtype: x.dtype)
  }

  func checkedMul(_ a: Int, _ b: Int) throws(LayerError) -> Int {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    if o { throw LayerError.overflow(label) }
    return r
  }

  /// `ravel(x)`: one dim, the size (None when any dim is unknown).
  func ravel(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    let size = try checked(label) { () throws(ArithmeticOverflow) in try Dim.product(x.shape) }
    return TensorType(shape: [size], dtype: x.dtype)
  }

  /// `swapaxes(x, axis1, axis2)`.
  func swapaxes(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    let a = try axis(try int("axis1"), rank: x.rank)
    let b = try axis(try int("axis2"), rank: x.rank)
    var out = x.shape
    out.swapAt(a, b)
    return TensorType(shape: out, dtype: x.dtype)
  }

  /// `moveaxis(x, source, destination)`: the moved axes at their places, the others in order.
  func moveaxis(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let x = try tensor(operands)
    let src = try ints("source") ?? []
    let dst = try ints("destination") ?? []
    guard src.count == dst.count else {
      throw error("`source` and `destination` arguments must have the same number of elements")
    }
    var out = [Dim?](repeating: nil, count: x.rank)
    var rest = x.shape.map { Optional($0) }
    for (s, d) in zip(src, dst) {
      let (si, di) = (try axis(s, rank: x.rank), try axis(d, rank: x.rank))
      out[di] = x.shape[si]
      rest[si] = nil
    }
    var others = rest.compactMap { $0 }[...]
    for i in out.indices where out[i] == nil { out[i] = others.popFirst() }
    return TensorType(shape: out.map { $0 ?? .unknown }, dtype: x.dtype)
  }

  /// `split(x, indices_or_sections, axis)`: equal sections (which must divide), or cut at
  /// indices; one output each.
  func split(_ operands: [TensorOperation.Operand]) throws(LayerError) -> [TensorType] {
    let x = try tensor(operands)
    let a = try axis(try int("axis", default: 0), rank: x.rank)
    let d = x.shape[a]
    func with(_ dim: Dim) -> TensorType {
      var s = x.shape
      s[a] = dim
      return TensorType(shape: s, dtype: x.dtype)
    }
    if let sections = arg("indices_or_sections").pythonInt {
      guard sections > 0 else { throw error("indices_or_sections must be positive") }
      guard let n = d.value else {
        return Array(repeating: with(d.exactDiv(sections) ?? .unknown), count: sections)
      }
      guard n % sections == 0 else {
        throw error(
          "`x` size on given `axis` must be divisible by `indices_or_sections` when "
            + "`indices_or_sections` is an int. But received \(n) and \(sections).")
      }
      return Array(repeating: with(.known(n / sections)), count: sections)
    }
    let cuts = try ints(arg("indices_or_sections"), "indices_or_sections") ?? []
    var bounds: [Dim] = [.known(0)] + cuts.map { .known($0) } + [d]
    bounds = bounds.map { $0 }
    var out: [TensorType] = []
    for i in 0..<(bounds.count - 1) {
      let size = try checked(label) { () throws(ArithmeticOverflow) in try bounds[i + 1] - bounds[i]
      }
      out.append(with(size))
    }
    return out
  }
}
