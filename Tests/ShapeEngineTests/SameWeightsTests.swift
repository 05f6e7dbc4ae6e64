import LayerCatalog
import ShapeCore
import Testing

@testable import ShapeEngine

/// `Evaluator.sameWeights` (an import's weights at a size against its declared ones) says what
/// `==` says.
@Suite struct SameWeightsTests {
  @Test func agreesWithEquality() {
    let h = Dim.symbol("H")
    let weights: [[Weight]?] = [
      nil, [], [Weight("kernel", [3, 3, 3, 8])], [Weight("kernel", [3, 3, 3, 9])],
      [Weight("bias", [3, 3, 3, 8])], [Weight("kernel", [3, 3, 3, 8], trainable: false)],
      [Weight("kernel", [3, 3, 8])], [Weight("kernel", dims: [h, .known(8)])],
      [Weight("kernel", dims: [.unknown, .known(8)])],
      [Weight("kernel", dims: [.known(2), .known(8)])],
      [Weight("kernel", [3, 3, 3, 8]), Weight("bias", [8])],
      [Weight("kernel", [3, 3, 3, 8]), Weight("bias", [9])],
    ]
    for a in weights {
      for b in weights {
        #expect(
          Evaluator.sameWeights(a, b) == (a == b),
          "\(String(describing: a)) \(String(describing: b))")
      }
    }
  }
}
