import ShapeCore

/// A statement's outcome written as UTF-8 bytes into a buffer the caller keeps, for a script's
/// output: the text `Render.outcome` makes, without a `String` made of it per statement.
extension Render {
  /// Appends to `bytes` the text `outcome(o, source:, style:)` gives when it is a tensor a
  /// statement made (an `.effect`) and needs no wrapping (`style.fitWidth` is nil); false, with
  /// `bytes` unchanged, for every other outcome (the caller renders it as a `String`).
  public static func appendOutcome(_ o: Outcome, style: RenderStyle, to bytes: inout [UInt8])
    -> Bool
  {
    guard style.fitWidth == nil, case .effect(let e, let graph) = o else { return false }
    var out = TextBytes()
    swap(&out.bytes, &bytes)
    defer { swap(&out.bytes, &bytes) }
    switch e {
    case .input(let t):
      appendTensor(t, in: graph, to: &out)
    case .called(let l, let outs):
      for (i, t) in outs.enumerated() {
        if i > 0 { out.append(UInt8(ascii: "\n")) }
        appendTensor(t, in: graph, to: &out)
      }
      // Read in place: most layers have no deferred weights.
      if graph.layers[l].params.isDeferred, let note = deferredNote(graph.layers[l]) {
        out.append(UInt8(ascii: "\n"))
        out.append(note)
      }
    case .layerBound:
      out.append(effect(e, graph))
    }
    return true
  }
}

extension Render {
  /// `appendOutcome`, with the bytes handed to `body` from where they were written: a tensor a
  /// statement made is written on the stack (where it fits) and given from there, no array made;
  /// false, `body` not called, for the outcomes `appendOutcome` leaves to the caller.
  public static func withOutcomeBytes(
    _ o: Outcome, style: RenderStyle, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) -> Bool {
    guard style.fitWidth == nil, case .effect(let e, let graph) = o else { return false }
    let t: Int
    switch e {
    case .input(let x): t = x
    case .called(let l, let outs) where outs.count == 1 && !graph.layers[l].params.isDeferred:
      t = outs[0]
    default:
      // Several tensors, a note, a bound layer: written to an array as `appendOutcome` does.
      var bytes: [UInt8] = []
      guard appendOutcome(o, style: style, to: &bytes) else { return false }
      bytes.withUnsafeBufferPointer(body)
      return true
    }
    let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
      guard var fixed = FixedBytes(buffer) else { return false }
      writeTensor(t, in: graph, to: &fixed)
      guard !fixed.overflowed else { return false }
      body(fixed.written)
      return true
    }
    if !written {
      var out = TextBytes()
      writeTensor(t, in: graph, to: &out)
      out.bytes.withUnsafeBufferPointer(body)
    }
    return true
  }
}

/// Bytes written through a pointer into a buffer of fixed size, each write checked against its
/// room: a statement's tensor lines are short, and are written this way without the checks and
/// calls of an array append per piece. `overflowed` says a write did not fit (the caller then
/// writes the text the ordinary way).
struct FixedBytes: TextSink {
  let base: UnsafeMutablePointer<UInt8>
  let capacity: Int
  private(set) var count = 0
  private(set) var overflowed = false

  init?(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress else { return nil }
    self.base = base
    capacity = buffer.count
  }

  var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, count + bytes.count <= capacity else {
      overflowed = overflowed || !bytes.isEmpty
      return
    }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ s: StaticString) { s.withUTF8Buffer { append($0) } }

  mutating func append(_ s: String) {
    // Read in place where the bytes are contiguous (nearly always): `withUTF8` needs a mutable
    // copy of the string, a retain and a release.
    if s.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
    var s = s
    s.withUTF8 { append($0) }
  }

  mutating func append(_ b: UInt8) {
    guard count < capacity else {
      overflowed = true
      return
    }
    base[count] = b
    count += 1
  }

  mutating func appendGrouped(_ n: Int) { append(n, grouped: true) }

  mutating func append(_ n: Int) { append(n, grouped: false) }

  /// `TextBytes.appendDigits`.
  mutating func append(_ n: Int, grouped: Bool) {
    TextBytes.withDigits(n, grouped: grouped) { append($0) }
  }

  /// `TextBytes.appendShape`.
  mutating func appendShape(_ t: TensorType, kerasShapes: Bool) {
    append(UInt8(ascii: "("))
    for (i, d) in t.shape.enumerated() {
      if i > 0 { append(", " as StaticString) }
      if let v = d.value {
        append(v, grouped: false)
      } else if kerasShapes {
        append("None" as StaticString)
      } else {
        append(d.formula)
      }
    }
    if t.shape.count == 1 { append(UInt8(ascii: ",")) }
    append(UInt8(ascii: ")"))
  }
}

/// Where a tensor's lines are written: a growing `TextBytes`, or `FixedBytes` on the stack.
protocol TextSink {
  mutating func append(_ s: StaticString)
  mutating func append(_ s: String)
  mutating func append(_ b: UInt8)
  /// Python's `f"{n:,}"`.
  mutating func appendGrouped(_ n: Int)
  /// `String(n)`.
  mutating func append(_ n: Int)
  mutating func appendShape(_ t: TensorType, kerasShapes: Bool)
}

extension TextBytes: TextSink {}
