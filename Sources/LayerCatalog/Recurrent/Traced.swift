import ShapeCore

/// The shape rules of the few tensor ops an RNN cell's `call()` runs, as Keras's JAX backend
/// traces them: cells have no `compute_output_shape`, so Keras runs their `call()` on symbolic
/// shapes in which every unknown dim is one symbol D (known only to be >= 2).
///
/// Hence an unknown dim equals another unknown dim, broadcasts against 1, and mismatches any
/// known size other than 1.
struct Traced {
  var c: LayerContext

  private func incompatible(_ op: String, _ a: [Dim], _ b: [Dim]) -> LayerError {
    LayerError(
      "\(c.name) (\(c.className)): Could not infer the output shape of the cell's call(): "
        + "\(op) got incompatible shapes \(TensorType.tuple(a.map(\.kerasDescription))) and "
        + "\(TensorType.tuple(b.map(\.kerasDescription)))",
      hint: "a cell is called on a step (batch, features) and its states [(batch, units), ...]")
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
  func matmul(_ a: [Dim], rows: Int, cols: Int) throws(LayerError) -> [Dim] {
    guard let last = a.last, last.value == rows else {
      throw incompatible("a matmul", a, [.known(rows), .known(cols)])
    }
    return a.dropLast() + [.known(cols)]
  }

  /// `t[i]` on a tensor: drops the first axis (the batch, when a single tensor is indexed as
  /// if it were the list of states).
  func index(_ a: [Dim]) throws(LayerError) -> [Dim] {
    guard !a.isEmpty else { throw incompatible("indexing", a, []) }
    return Array(a.dropFirst())
  }

  /// `ops.split(t, parts, axis=1)`: the axis must be known and divide evenly.
  func split(_ a: [Dim], parts: Int, axis: Int) throws(LayerError) -> [Dim] {
    guard a.count > axis, let n = a[axis].value, n % parts == 0 else {
      throw incompatible("a split in \(parts) along axis \(axis)", a, [])
    }
    var out = a
    out[axis] = .known(n / parts)
    return out
  }

  /// `t[:, lo:hi]`: slices axis 1 (a vector cannot be).
  func sliceAxis1(_ a: [Dim], _ lo: Int, _ hi: Int?) throws(LayerError) -> [Dim] {
    guard a.count >= 2 else { throw incompatible("a slice [:, \(lo):]", a, []) }
    var out = a
    if let n = a[1].value {
      let end = Swift.min(hi ?? n, n)
      out[1] = .known(Swift.max(0, end - Swift.min(lo, n)))
    } else {
      throw incompatible("a slice [:, \(lo):] of an unknown axis", a, [])
    }
    return out
  }
}
