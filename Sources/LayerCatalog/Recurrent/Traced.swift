import ShapeCore

/// The shape rules of the few tensor ops an RNN cell's `call()` runs, as Keras's JAX backend
/// traces them: cells have no `compute_output_shape`, so Keras runs their `call()` on symbolic
/// shapes in which every unknown dim is one symbol D (known only to be >= 2).
///
/// Hence an unknown dim equals another unknown dim, broadcasts against 1, and mismatches any
/// known size other than 1.
struct Traced {
  var c: LayerContext

  private func shape(_ a: [Dim]) -> String { TensorType.tuple(a.map(\.kerasDescription)) }

  private func fails(_ what: String) -> LayerError {
    LayerError(
      "\(c.name) (\(c.className)): Could not infer the output shape of the cell's call(): \(what)",
      hint: "a cell is called on a step (batch, features) and its states [(batch, units), ...]")
  }

  private func incompatible(_ op: String, _ a: [Dim], _ b: [Dim]) -> LayerError {
    fails(
      "\(op) got incompatible shapes \(shape(a)) and \(shape(b)) (dims must be equal or 1; "
        + "unknown dims are one size >= 2)")
  }

  /// Elementwise ops: right-aligned broadcasting.
  func broadcast(_ a: [Dim], _ b: [Dim]) throws(LayerError) -> [Dim] {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    var out = Array(long.prefix(long.count - short.count))
    for (x, y) in zip(long.suffix(short.count), short) {
      switch (x.value, y.value) {
      case (let p?, let q?) where p == q: out.append(x)
      case (1, _): out.append(y)
      case (_, 1): out.append(x)
      case (nil, nil): out.append(x)
      default: throw incompatible("a broadcast", a, b)
      }
    }
    return out
  }

  /// `x @ W` with W of shape (rows, cols): (..., rows) -> (..., cols); a vector gives (cols,).
  /// `what` names the operand for messages ("the state h").
  func matmul(_ a: [Dim], rows: Int, cols: Int, _ what: String) throws(LayerError) -> [Dim] {
    guard let last = a.last, last.value == rows else {
      throw fails(
        "\(what) has shape \(shape(a)), but it is multiplied by a (\(rows), \(cols)) weight, so "
          + "its last dim must be \(rows)")
    }
    return a.dropLast() + [.known(cols)]
  }

  /// `x @ W` where W's rows are a dim of the input (a deferred weight): the same rule, with the
  /// rows compared as formulas.
  func matmul(_ a: [Dim], rows: Dim, cols: Int, _ what: String) throws(LayerError) -> [Dim] {
    if let n = rows.value { return try matmul(a, rows: n, cols: cols, what) }
    guard let last = a.last, last == rows else {
      throw fails(
        "\(what) has shape \(shape(a)), but it is multiplied by a (\(rows.formula), \(cols)) "
          + "weight, so its last dim must be \(rows.formula)")
    }
    return a.dropLast() + [.known(cols)]
  }

  /// `t[i]` on a tensor: drops the first axis (the batch, when a single tensor is indexed as
  /// if it were the list of states).
  func index(_ a: [Dim]) throws(LayerError) -> [Dim] {
    guard !a.isEmpty else { throw fails("a scalar cannot be indexed") }
    return Array(a.dropFirst())
  }

  /// `ops.split(t, parts, axis=1)`: the axis must be known and divide evenly.
  func split(_ a: [Dim], parts: Int, axis: Int) throws(LayerError) -> [Dim] {
    guard a.count > axis, let n = a[axis].value, n % parts == 0 else {
      throw fails("ops.split(\(shape(a)), \(parts), axis=\(axis)) does not divide evenly")
    }
    var out = a
    out[axis] = .known(n / parts)
    return out
  }

  /// `t[:, lo:hi]`: slices axis 1 (a vector cannot be).
  func sliceAxis1(_ a: [Dim], _ lo: Int, _ hi: Int?) throws(LayerError) -> [Dim] {
    guard a.count >= 2 else { throw fails("\(shape(a))[:, \(lo):] has too many indices") }
    var out = a
    if let n = a[1].value {
      let end = Swift.min(hi ?? n, n)
      out[1] = .known(Swift.max(0, end - Swift.min(lo, n)))
    } else {
      throw fails("\(shape(a))[:, \(lo):] slices an unknown axis")
    }
    return out
  }
}
