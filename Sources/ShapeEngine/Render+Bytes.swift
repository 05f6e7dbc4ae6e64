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
