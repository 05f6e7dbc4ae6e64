import ShapeCore

/// A statement's outcome written as UTF-8 bytes into a buffer the caller keeps, for a script's
/// output: the text `Render.outcome` makes, without a `String` made of it per statement.
extension Render {
  /// Appends to `bytes` the text `outcome(o, source:, style:)` gives when it is what a statement
  /// made or showed (`writeOutcome`); false, with `bytes` unchanged, for every other outcome (the
  /// caller renders it as a `String`).
  public static func appendOutcome(_ o: Outcome, style: RenderStyle, to bytes: inout [UInt8])
    -> Bool
  {
    var out = TextBytes()
    swap(&out.bytes, &bytes)
    defer { swap(&out.bytes, &bytes) }
    return writeOutcome(o, style: style, to: &out)
  }

  /// `appendOutcome`, with the bytes handed to `body` from where they were written: on the stack
  /// where they fit (nearly always: two lines of a tensor), no array made; false, `body` not
  /// called, for the outcomes `appendOutcome` leaves to the caller.
  public static func withOutcomeBytes(
    _ o: Outcome, style: RenderStyle, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) -> Bool {
    let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
      guard var fixed = FixedBytes(buffer), writeOutcome(o, style: style, to: &fixed),
        !fixed.overflowed
      else { return false }
      body(fixed.written)
      return true
    }
    if !written {
      // Too long for the stack, or not an outcome written here (then nothing was written).
      var out = TextBytes()
      guard writeOutcome(o, style: style, to: &out) else { return false }
      out.bytes.withUnsafeBufferPointer(body)
    }
    return true
  }

  /// Writes the text `outcome(o, source:, style:)` gives for what a statement made (an
  /// `.effect`: an input's tensor, a call's tensors and the note of its deferred weights, a layer
  /// bound to a name) or showed (a tensor, a tuple of them), when it needs no wrapping
  /// (`style.fitWidth` is nil); false, nothing written, for every other outcome.
  static func writeOutcome(_ o: Outcome, style: RenderStyle, to out: inout some TextSink) -> Bool {
    guard style.fitWidth == nil else { return false }
    switch o {
    case .effect(let e, let graph):
      switch e {
      case .input(let t):
        writeTensor(t, in: graph, to: &out)
      case .called(let l, let outs):
        for i in outs.indices {
          if i > 0 { out.append(UInt8(ascii: "\n")) }
          writeTensor(outs[i], in: graph, to: &out, calledLayer: l)
        }
        // Read in place: most layers have no deferred weights.
        if graph.layers[l].params.isDeferred, let note = deferredNote(graph.layers[l]) {
          out.append(UInt8(ascii: "\n"))
          out.append(note)
        }
      case .layerBound(let l, let v):
        // `effect`'s text of a bound layer.
        guard graph.layers.indices.contains(l) else { return false }
        out.append(v)
        out.append(" = <" as StaticString)
        out.append(graph.layers[l].className)
        out.append(" name=" as StaticString)
        out.append(graph.layers[l].name)
        out.append(", built=False>  (a layer: call it on a tensor, " as StaticString)
        out.append(v)
        out.append("(x))" as StaticString)
      }
    case .shown(.tensor(let t), _, let graph):
      writeTensor(t, in: graph, to: &out)
    case .shown(.tuple(let outs), _, let graph):
      for i in outs.indices {
        if i > 0 { out.append(UInt8(ascii: "\n")) }
        writeTensor(outs[i], in: graph, to: &out)
      }
    default:
      return false
    }
    return true
  }
}
