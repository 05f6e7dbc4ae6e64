import ShapeCore

extension OperationContext {
  /// `matmul(x1, x2)`: (..., n, k) @ (..., k, m) -> (broadcast ..., n, m); a 1-D operand gains a
  /// dim that is dropped again; known inner dims must agree. int8 @ int8 is int32.
  func matmul(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    let (x1, x2) = (try tensor(operands, 0), try tensor(operands, 1))
    guard x1.rank > 0, x2.rank > 0 else {
      throw error(
        "operands must have at least one dim, got \(shape(x1.shape)) and \(shape(x2.shape))")
    }
    let s1 = x1.rank == 1 ? [.known(1)] + x1.shape : x1.shape
    let s2 = x2.rank == 1 ? x2.shape + [.known(1)] : x2.shape
    let (k1, k2) = (s1[s1.count - 1], s2[s2.count - 2])
    if let a = k1.value, let b = k2.value, a != b {
      throw error(
        "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received "
          + "`x1.shape=\(shape(s1))` and `x2.shape=\(shape(s2))`.")
    }
    var out = try TensorOperation.broadcast(
      Array(s1.dropLast(2)), Array(s2.dropLast(2)), c, op.className)
    if x1.rank > 1 { out.append(s1[s1.count - 2]) }
    if x2.rank > 1 { out.append(s2[s2.count - 1]) }
    let dtype =
      x1.dtype.name == "int8" && x2.dtype.name == "int8"
      ? DType.int32 : Promotion.result(x1.dtype, x2.dtype)
    return TensorType(shape: out, dtype: dtype)
  }

  /// `einsum(subscripts, *operands)` as Keras computes it: each operand's dims placed at the
  /// output letters (1 where it lacks one, its extra dims at `...`), then all broadcast.
  func einsum(_ operands: [TensorOperation.Operand]) throws(LayerError) -> TensorType {
    guard case .string(let subscripts) = arg("subscripts") else {
      throw error("subscripts must be a string", argument: "subscripts")
    }
    var xs: [TensorType] = []
    for o in operands {
      guard case .tensor(let t) = o else { throw error("every operand must be a tensor") }
      xs.append(t)
    }
    let sides = subscripts.split(separator: "->", omittingEmptySubsequences: false).map(String.init)
    guard sides.count <= 2 else {
      throw error(
        "At most one '->' is supported in `einsum` subscripts, but received \(subscripts).")
    }
    let specs = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard specs.count == xs.count else {
      throw error(
        "Number of operands (\(xs.count)) does not match the number of input specs "
          + "(\(specs.count)) in `einsum`, received subscripts=\(subscripts).")
    }
    var counts: [Character: Int] = [:]
    for ch in sides[0] where ch.isLetter { counts[ch, default: 0] += 1 }
    let target: String
    if sides.count == 2 {
      target = sides[1]
    } else {
      target = "..." + String(counts.filter { $0.value == 1 }.keys.sorted())
    }
    var result: [Dim]?
    for (x, spec) in zip(xs, specs) {
      let parts = spec.split(separator: "...", omittingEmptySubsequences: false).map(String.init)
      let head = Array(parts[0])
      let tail = parts.count > 1 ? Array(parts[1]) : []
      var letters: [Character: Dim] = [:]
      var wildcard: [Dim] = []
      if parts.count == 1 {
        guard head.count == x.rank else {
          throw error(
            "Number of dimensions in the subscript does not match the number of dimensions in "
              + "the operand, received subscript `\(spec)` and operand of shape \(shape(x.shape)).")
        }
      } else if head.count + tail.count > x.rank {
        throw error("subscript `\(spec)` has more letters than operand \(shape(x.shape)) has dims")
      }
      for (i, ch) in head.enumerated() where letters[ch] == nil { letters[ch] = x.shape[i] }
      for (i, ch) in tail.reversed().enumerated() where letters[ch] == nil {
        letters[ch] = x.shape[x.rank - 1 - i]
      }
      if parts.count > 1 { wildcard = Array(x.shape[head.count..<(x.rank - tail.count)]) }
      var expanded: [Dim] = []
      var rest = target[...]
      while let ch = rest.first {
        if rest.hasPrefix("...") {
          expanded += wildcard
          rest = rest.dropFirst(3)
          continue
        }
        rest = rest.dropFirst()
        if ch.isLetter { expanded.append(letters[ch] ?? .known(1)) }
      }
      result =
        try result.map { r throws(LayerError) in
          try TensorOperation.broadcast(r, expanded, c, op.className)
        } ?? expanded
    }
    let dtypes = Set(xs.map(\.dtype.name))
    let dtype =
      dtypes == ["int8"]
      ? DType.int32
      : xs.dropFirst().reduce(Promotion.canonical(xs.first?.dtype ?? .float32)) {
        Promotion.result($0, $1.dtype)
      }
    return TensorType(shape: result ?? [], dtype: dtype)
  }
}
