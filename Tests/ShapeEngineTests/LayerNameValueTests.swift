import ShapeEngine
import Testing

/// A name the program did not define, read as kshape's handle on the session: a layer's Keras
/// name is its latest call's output (the layer when never called), and a name no layer has, or
/// had only in a line that failed, is Python's NameError.
@Suite struct LayerNameValueTests {
  /// The input tensors of the last layer's latest call, and the output tensors of the layer
  /// named `name`'s latest call.
  func lastInputs(_ s: Session) -> [Int]? { s.graph.layers.last?.calls.last?.inputs }
  func outputs(of name: String, _ s: Session) -> [Int]? {
    s.graph.layers.last { $0.name == name }?.calls.last?.outputs
  }

  @Test func aLayerNameIsItsLatestOutput() {
    var s = Session()
    for line in ["x = Input((4,))", "Dense(3)", "Dense(5)", "Dense(2)(dense)"] {
      if case .failure(let e) = s.submit(line) { Issue.record("\(line): \(e.message)") }
    }
    #expect(lastInputs(s) != nil && lastInputs(s) == outputs(of: "dense", s))
    _ = s.submit("Dense(7)(dense_1)")
    #expect(lastInputs(s) != nil && lastInputs(s) == outputs(of: "dense_1", s))
  }

  @Test func aNameNoLayerHasIsANameError() {
    var s = Session()
    _ = s.submit("x = Input((4,))")
    _ = s.submit("Dense(3)")
    guard case .failure(let e) = s.submit("Dense(2)(dense_7)") else {
      Issue.record("dense_7 was found")
      return
    }
    #expect(e.message == "NameError: name 'dense_7' is not defined")
  }

  @Test func aLayerOfAFailedLineIsNotFound() {
    var s = Session()
    _ = s.submit("x = Input((4,))")
    guard case .failure = s.submit("Dense(3, name='late')(not_defined)") else {
      Issue.record("the line was accepted")
      return
    }
    guard case .failure(let e) = s.submit("Dense(2)(late)") else {
      Issue.record("late was found")
      return
    }
    #expect(e.message == "NameError: name 'late' is not defined")
  }
}
