import ShapeEngine
import Testing

/// `layer.trainable = ...` and `model.trainable = ...` after the layers were called: the flags
/// and params Keras gives are checked by the golden program transfer_learning_freeze_and_fine_tune
/// (tools/pygolden); these check what only kshape does with them, against kshape itself.
@Suite struct TrainableTests {
  static let program = [
    "import keras", "from keras import layers",
    "base = keras.Sequential([keras.Input((None, None, 3)), layers.Conv2D(8, 3), "
      + "layers.BatchNormalization(), layers.Conv2D(4, 3)], name='base')",
    "inputs = keras.Input((None, None, 3))",
    "model = keras.Model(inputs, layers.Dense(2)(base(inputs)))",
    "base.trainable = False",
    "base.layers[-1].trainable = True",
  ]

  func session(_ lines: [String]) -> Session {
    var s = Session()
    for line in lines {
      if case .failure(let e) = s.submit(line) { Issue.record("\(line): \(e.message)") }
    }
    return s
  }

  /// Each layer's weights' flags, by layer name (called layers only).
  static func flags(_ g: Graph) -> [String: [Bool]] {
    var out: [String: [Bool]] = [:]
    for node in g.layers where !node.calls.isEmpty {
      out[node.name] = (node.weights ?? []).map(\.trainable)
    }
    return out
  }

  /// `apply` at a size gives the flags of the same program declared at that size: the flags
  /// set after the calls hold at every size (the compiled calls, made before, are not used).
  /// A flat model, whose calls are compiled for `apply` until a flag changes.
  static let flat = [
    "import keras", "from keras import layers", "inputs = keras.Input((None, None, 3))",
    "conv = layers.Conv2D(8, 3)", "norm = layers.BatchNormalization()",
    "model = keras.Model(inputs, layers.Dense(2)(norm(conv(inputs))))", "conv.trainable = False",
    "norm.trainable = False", "norm.trainable = True",
  ]

  @Test(arguments: [program, flat])
  func applyAtASizeKeepsTheFlags(_ program: [String]) throws {
    var s = session(program)
    guard case .applied(let ev, _) = s.submit("apply 16x16") else {
      Issue.record("apply did not evaluate")
      return
    }
    let declared = session(
      program.map { $0.replacingOccurrences(of: "(None, None, 3)", with: "(16, 16, 3)") })
    let atSize = Self.flags(ev.graph)
    let expected = Self.flags(declared.graph).filter { atSize[$0.key] != nil }
    #expect(atSize == expected)
    let all = atSize.values.flatMap { $0 }
    #expect(all.contains(true) && all.contains(false))
  }

  /// A line that sets a flag and then fails leaves every flag and weight as it was.
  @Test func aFailedLineLeavesTheFlags() {
    var s = session(Self.program)
    let before = s.graph.layers.map { ($0.trainable, $0.weights?.map(\.trainable)) }
    let line = "if True:\n    base.trainable = True\n    model.trainable = False\n    not_defined"
    guard case .failure = s.submit(line) else {
      Issue.record("the line was accepted")
      return
    }
    let after = s.graph.layers.map { ($0.trainable, $0.weights?.map(\.trainable)) }
    #expect(before.map(\.0) == after.map(\.0))
    #expect(before.map { $0.1 ?? [] } == after.map { $0.1 ?? [] })
  }

  /// Keras's setter takes any value by its truth; other attributes stay refused.
  @Test func theFlagIsTheValuesTruth() {
    var s = session(Self.program)
    _ = s.submit("model.trainable = 0")
    _ = s.submit("print(model.trainable, model.layers[1].trainable)")
    guard case .failure(let e) = s.submit("model.foo = 1") else {
      Issue.record("model.foo was set")
      return
    }
    #expect(e.message.contains("'foo' is read-only"))
    #expect(s.graph.layers.allSatisfy { !$0.trainable })
  }
}
