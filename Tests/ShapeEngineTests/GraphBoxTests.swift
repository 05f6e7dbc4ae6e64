import ShapeCore
import Testing

@testable import LayerCatalog
@testable import ShapeEngine

/// The graph's shared box (`GraphBox`): a copy is a value, whatever is changed through either
/// side afterwards; and Keras's numbered names written byte by byte.
@Suite struct GraphBoxTests {
  private func input(_ g: inout Graph, _ n: Int) {
    for _ in 0..<n {
      let l = g.layers.count
      g.addLayer(
        LayerNode(
          name: g.autoName("input_layer"), className: "InputLayer", layer: nil,
          policy: .float32, weights: nil, statement: 0))
      let t = g.newTensor(TensorType(shape: [.unknown, .known(3)], dtype: .float32), layer: l)
      g.inputs.append((nil, t))
      g.current = t
    }
  }

  @Test func aCopyIsAValue() {
    var a = Graph()
    input(&a, 2)
    a.bindings["x"] = .tensor(1)
    var b = a
    // Changes through the copy: the original keeps every field.
    input(&b, 1)
    b.bindings["y"] = .tensor(2)
    b.order = [2, 1, 0]
    b.defersWeights = false
    b.layers[0].name = "renamed"
    #expect(a.layers.count == 2 && b.layers.count == 3)
    #expect(a.tensors.count == 2 && b.tensors.count == 3)
    #expect(a.layers[0].name == "input_layer" && b.layers[0].name == "renamed")
    #expect(a.bindings.count == 1 && b.bindings.count == 2)
    #expect(a.order == nil && b.order == [2, 1, 0])
    #expect(a.defersWeights && !b.defersWeights)
    #expect(a.current == 1 && b.current == 2)
    #expect(a.layerNames == ["input_layer", "input_layer_1"])
    #expect(b.layerNames == ["input_layer", "input_layer_1", "input_layer_2"])
    // And through the original: the copy keeps its own.
    var c = a
    a.inputs.removeAll()
    a.tensors[0].kerasName = "given"
    #expect(c.inputs.count == 2 && a.inputs.isEmpty)
    #expect(c.tensors[0].kerasName == "keras_tensor" && a.tensors[0].kerasName == "given")
    // A graph changed alone stays the same value (no copy is made to change it).
    c.current = nil
    #expect(c.current == nil && b.current == 2)
  }

  @Test func numberedNamesAreInterpolatedOnes() {
    for prefix in ["dense", "keras_tensor", "", "a", "conv2d_transpose_long_prefix", "é_ü", "x"] {
      for n in [0, 1, 9, 10, 11, 99, 100, 12345, Int.max] {
        let expected = n == 0 ? prefix : "\(prefix)_\(n)"
        #expect(Graph.numbered(prefix, n) == expected)
      }
    }
    // A prefix that is a slice of a longer (non-contiguous-origin) string.
    let long = "dense_layer_for_the_prefix"
    let slice = String(long.prefix(5))
    #expect(Graph.numbered(slice, 42) == "dense_42")
  }

  /// A tensor's numbered name is kept as its number: read as a string and written by `Render`,
  /// it is Keras's `keras_tensor_N`; a given name is itself.
  @Test func tensorNamesKeptAsNumbers() {
    var g = Graph()
    input(&g, 12)
    let given = g.newTensor(
      TensorType(shape: [.unknown, .known(3)], dtype: .float32), layer: 0, name: "picked")
    let after = g.newTensor(TensorType(shape: [.unknown, .known(3)], dtype: .float32), layer: 0)
    for t in 0..<12 {
      let expected = t == 0 ? "keras_tensor" : "keras_tensor_\(t)"
      #expect(g.tensors[t].kerasName == expected)
      #expect(Render.tensor(t, in: g).contains("name=\(expected)>"))
    }
    // A given name takes no number.
    #expect(g.tensors[given].kerasName == "picked")
    #expect(Render.tensor(given, in: g).contains("name=picked>"))
    #expect(g.tensors[after].kerasName == "keras_tensor_12")
    #expect(Render.tensor(after, in: g).contains("name=keras_tensor_12>"))
  }

  /// A Dense made without LoRA fits an existential's inline buffer (three words), so making one
  /// allocates no box; with `lora_rank` it keeps the rank.
  @Test func denseFitsInline() throws {
    #expect(MemoryLayout<Dense>.size <= 3 * MemoryLayout<Int>.size)
    let entry = try #require(Catalog.entry(forClass: "Dense"))
    let bound = try BoundArguments(
      layer: "Dense", signature: entry.signature,
      arguments: CallArguments(positional: [.int(4)], keywords: [("lora_rank", .int(2))]))
    let dense = try Dense(bound)
    #expect(dense.loraRank == .int(2))
    let plain = try Dense(
      BoundArguments(
        layer: "Dense", signature: entry.signature,
        arguments: CallArguments(positional: [.int(4)], keywords: [("lora_rank", .int(0))])))
    #expect(plain.loraRank == .none)
  }
}
