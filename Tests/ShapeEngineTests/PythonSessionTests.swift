import ShapeEngine
import Testing

/// A Python session replayed by `apply`: every statement that can change state joins it.
@Suite struct PythonSessionTests {
  /// `sizes.append(16)` is an expression statement that changes a list the loop reads later:
  /// `apply` must replay it, or the model at the size has one layer fewer.
  @Test func anExpressionThatMutatesStateIsReplayed() {
    var session = Session()
    for line in [
      "import keras", "sizes = [8]", "sizes.append(16)", "x = keras.Input((None, 4))",
      "for s in sizes:\n    x = keras.layers.Dense(s)(x)",
    ] {
      if case .failure(let e) = session.submit(line) { Issue.record("\(line): \(e.message)") }
    }
    guard case .applied(let ev, _) = session.submit("apply 10") else {
      Issue.record("apply did not evaluate")
      return
    }
    let dense = ev.graph.layers.filter { $0.className == "Dense" && !$0.calls.isEmpty }
    #expect(dense.map(\.name) == ["dense", "dense_1"])
  }

  /// A bare name or attribute shows something and changes nothing: it is not a statement of
  /// the session.
  @Test func aBareNameDoesNotJoinTheSession() {
    var session = Session()
    _ = session.submit("x = Input((None, 4))")
    _ = session.submit("x.shape")
    #expect(session.statements == ["x = Input((None, 4))"])
  }
}
