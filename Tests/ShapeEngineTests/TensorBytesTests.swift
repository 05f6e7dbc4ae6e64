import Testing

@testable import ShapeEngine

/// A tensor's lines written on the stack (`FixedBytes`) are the ones the growing buffer
/// (`TextBytes`) gets, for every tensor of a session; a name too long for the stack falls back.
@Suite struct TensorBytesTests {
  @Test func theStackAndTheBufferWriteTheSameLines() {
    var session = Session()
    let long = String(repeating: "n", count: 600)
    let lines = [
      "x = Input((None, None, 3))", "Conv2D(8, 3)", "MaxPooling2D()",
      "y = Input((None, None, None))",
      "Conv2D(4, 3)(y)", "s = Input((5, 4))", "LSTM(6, return_state=True)(s)", "v = Input((7,))",
      "Dense(1234567, name='\(long)')(v)", "Flatten()(x)", "Dense(10)(_)",
    ]
    for line in lines { _ = session.submit(line) }
    let graph = session.graph
    #expect(graph.tensors.count >= 10)
    var fellBack = 0
    for t in graph.tensors.indices {
      var plain = TextBytes()
      Render.writeTensor(t, in: graph, to: &plain)
      var fast = TextBytes()
      Render.appendTensor(t, in: graph, to: &fast)
      #expect(fast.bytes == plain.bytes, "tensor \(t)")
      #expect(Render.tensor(t, in: graph) == plain.string)
      if plain.bytes.count > 512 { fellBack += 1 }
    }
    // The long name's tensor is longer than the stack buffer: written the ordinary way.
    #expect(fellBack == 1)
  }

  @Test func aFullBufferRefusesWhatDoesNotFit() {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { buffer in
      guard var fixed = FixedBytes(buffer) else {
        Issue.record("no buffer")
        return
      }
      fixed.append("12345" as StaticString)
      fixed.appendGrouped(1234)
      #expect(fixed.overflowed)
      #expect(fixed.count == 5)
      #expect(Array(fixed.written) == Array("12345".utf8))
    }
  }

  /// Digits written in place are `TextBytes`'s, grouped or not, at every length and both ends.
  @Test func digitsInPlaceAreTheBuffersDigits() {
    var values = [
      0, 7, -7, 9, 10, -10, 999, 1000, -1000, 123_456_789, Int.max, Int.min, Int.min + 1,
    ]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power]
    }
    for n in values {
      for grouped in [false, true] {
        var plain: [UInt8] = []
        TextBytes.appendDigits(n, grouped: grouped, to: &plain)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
          guard var fixed = FixedBytes(buffer) else { return }
          fixed.append(n, grouped: grouped)
          #expect(!fixed.overflowed)
          #expect(Array(fixed.written) == plain, "\(n) grouped: \(grouped)")
        }
      }
    }
  }
}
