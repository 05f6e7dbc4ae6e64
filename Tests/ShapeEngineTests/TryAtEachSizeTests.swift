import ShapeEngine
import Testing

/// A `try` whose `except` catches a Keras error at some sizes only: `apply` runs the program
/// again at each size, and it goes the way Keras goes at that size.
@Suite struct TryAtEachSizeTests {
  /// The golden programs try_except_size_fallback_10 and _64 are one text with the input's
  /// size fixed, run by Keras; here the same text with `Input((None, None, 3))` is applied at
  /// each size, and every called layer's output shape must be the one Keras gave there.
  @Test func aCaughtKerasErrorGoesItsWayAtEachSize() throws {
    let goldens = GoldenProgramTests.cases.filter {
      $0.name.hasPrefix("try_except_size_fallback_")
    }
    try #require(goldens.count == 2)
    for golden in goldens {
      let n = try #require(golden.name.split(separator: "_").last.map(String.init))
      let fixed = "keras.Input((\(n), \(n), 3))"
      try #require(golden.source.contains(fixed))
      var dynamic = golden
      dynamic.source = golden.source.replacingOccurrences(
        of: fixed, with: "keras.Input((None, None, 3))")
      var (session, _, failure) = GoldenProgramTests.run(dynamic)
      #expect(failure == nil, "\(golden.name): \(failure?.1.message ?? "")")
      guard case .applied(let ev, _) = session.submit("apply \(n)x\(n)") else {
        Issue.record("\(golden.name): apply did not evaluate")
        continue
      }
      let called = ev.graph.layers.filter { !$0.calls.isEmpty }
      let expected = try #require(golden.models.first).layers
      #expect(called.map(\.name) == expected.map(\.name), "\(golden.name): layers")
      for (layer, keras) in zip(called, expected) {
        let shapes = layer.calls.map { call in
          call.outputs.map { ev.graph.tensors[$0].type.shape.map(\.value) }
        }
        #expect(shapes == keras.nodes.map(\.outputShapes), "\(golden.name) \(layer.name)")
      }
    }
  }

  /// kshape defers a layer's weights that wait for an unknown dim (until a size is applied)
  /// where Keras raises; in a `try` that may catch the error it raises as Keras does, and the
  /// program takes its `except` (golden program try_except_unknown_last_dim), in a session that
  /// defers elsewhere (not `strict on`, which the golden test runs).
  @Test func aCatchingTryGetsTheErrorKerasRaises() throws {
    let golden = try #require(
      GoldenProgramTests.cases.first { $0.name == "try_except_unknown_last_dim" })
    var session = Session()
    var printed = ""
    session.submitProgram(golden.source, name: golden.name + ".py") { _, outcome in
      switch outcome {
      case .executed(let x) where !x.text.isEmpty: printed += x.text + "\n"
      case .failure(let e): printed += "failed: \(e.message)\n"
      default: break
      }
      return true
    }
    #expect(printed == golden.stdout)
    // Outside the `try`, the weights are deferred again: the same call is accepted.
    if case .failure(let e) = session.submit("z = keras.layers.Dense(3)(x)") {
      Issue.record("deferred outside the try: \(e.message)")
    }
  }
}
