import ShapeCore
import Testing

@testable import ShapeEngine

/// A session's compiled calls (`SessionPlan`) must give exactly what replaying its program gives,
/// at sizes that evaluate and at sizes that fail; a program that reads the size keeps the replay.
@Suite struct SessionPlanTests {
  struct Program: CustomStringConvertible, Sendable {
    var name: String
    var statements: [String]
    /// `apply` arguments: sizes, perhaps after a model's name.
    var applies: [String]
    /// Whether the program's graph-building cannot depend on the size.
    var planned: Bool
    var description: String { name }
  }

  static let programs: [Program] = [
    Program(
      name: "typed chain",
      statements: [
        "x = Input((None, None, 3))", "Conv2D(8, 3)", "BatchNormalization()", "ReLU()",
        "MaxPooling2D()", "Conv2D(16, 3, strides=2)", "Flatten()", "Dense(10)",
      ], applies: ["64x64", "32x32", "7x7", "5x5", "1x1", "64x64 batch=7", "40x50"],
      planned: true),
    // Twins: layers made from the same construction, called on the same types (`TwinCalls`),
    // then on shrinking ones, up to a size where one of them fails.
    Program(
      name: "typed chain of repeated blocks",
      statements: ["x = Input((None, None, 3))"]
        + Array(
          repeating: [
            "Conv2D(8, 3, padding='same')", "BatchNormalization()", "ReLU()",
            "Conv2D(8, 3, padding='same')", "BatchNormalization()", "ReLU()",
            "Conv2D(8, 3, strides=2)",
          ], count: 4
        ).flatMap { $0 } + ["GlobalAveragePooling2D()", "Dense(10)"],
      applies: ["64x64", "31x31", "16x16", "15x15", "5x5", "64x64 batch=3", "40x50"],
      planned: true),
    Program(
      name: "loop and helper function",
      statements: [
        "import keras", "from keras import layers",
        """
        def block(x, f):
            x = layers.Conv2D(f, 3, padding="same")(x)
            x = layers.BatchNormalization()(x)
            return layers.Activation("relu")(x)
        """,
        "inputs = keras.Input((None, None, 3))", "x = inputs",
        "for f in [16, 32, 64]:\n    x = block(x, f)\n    x = layers.MaxPooling2D()(x)",
        "outputs = layers.GlobalAveragePooling2D()(x)",
        "model = keras.Model(inputs, outputs)",
      ], applies: ["64x64", "8x8", "4x4", "2x2", "1x1", "model 96x96"], planned: true),
    Program(
      name: "shared layer and two inputs",
      statements: [
        "import keras", "from keras import layers", "shared = layers.Dense(8)",
        "a = keras.Input((None, 4))", "b = keras.Input((None, 4))", "y1 = shared(a)",
        "y2 = shared(b)", "z = layers.Concatenate(axis=1)([y1, y2])",
        "m = keras.Model([a, b], z)",
      ], applies: ["a=10 b=12", "a=3 b=3", "m a=5 b=6"], planned: true),
    Program(
      name: "shared layer whose weights do not fit",
      statements: [
        "import keras", "from keras import layers", "d = layers.Dense(8)",
        "a = keras.Input((None, None))", "y = d(a)", "b = keras.Input((None, 4))", "z = d(b)",
      ], applies: ["a=(3, 4) b=5", "a=(3, 5) b=5", "a=(2, 4) b=(7)"], planned: true),
    Program(
      name: "two models applied by name",
      statements: [
        "import keras", "from keras import layers", "inp = keras.Input((None, None, 3))",
        "h = layers.Conv2D(8, 3, strides=2)(inp)",
        "encoder = keras.Model(inp, h, name='encoder')", "lat = keras.Input((None, None, 8))",
        "out = layers.Conv2DTranspose(3, 3, strides=2)(lat)",
        "decoder = keras.Model(lat, out, name='decoder')",
      ], applies: ["encoder 64x64", "decoder 16x16", "encoder 2x2", "decoder 1x1"],
      planned: true),
    Program(
      name: "sequential rebuilt by add",
      statements: [
        "import keras", "from keras import layers",
        "model = keras.Sequential([keras.Input((None, 8)), layers.Dense(4)])",
        "model.add(layers.Conv1D(2, 3))", "model.add(layers.GlobalMaxPooling1D())",
      ], applies: ["10", "3", "2", "model 1"], planned: true),
    Program(
      name: "operations and slicing",
      statements: [
        "import keras", "x = keras.Input((None, 6))", "y = x * 2.0 + 1.0",
        "z = keras.ops.mean(y, axis=1)", "w = y[:, 0]", "v = keras.layers.Add()([z, w])",
      ], applies: ["5", "1", "0"], planned: true),
    Program(
      name: "a failed statement in between",
      statements: [
        "x = Input((None, None, 3))", "Conv2D(8, 3)", "Dense(4, activation='nope')",
        "Conv2D(4, 3, strides=2)",
      ], applies: ["9x9", "4x4", "3x3"], planned: true),
    Program(
      name: "reads the shape",
      statements: [
        "import keras", "from keras import layers", "x = keras.Input((None, None, 3))",
        "for i in range(x.shape[1] // 16 if x.shape[1] else 2):\n    x = layers.Conv2D(4, 3)(x)",
      ], applies: ["64x64", "32x32", "5x5"], planned: false),
    Program(
      name: "reads a parameter count",
      statements: [
        "import keras", "from keras import layers", "x = keras.Input((None, 3))",
        "d = layers.Dense(4)", "y = d(x)",
        "for i in range(d.count_params() // 8):\n    y = layers.Dense(2)(y)",
      ], applies: ["5", "1"], planned: false),
    Program(
      name: "nested model",
      statements: [
        "import keras", "from keras import layers", "i = keras.Input((None, 4))",
        "encoder = keras.Model(i, layers.Dense(2)(i))", "j = keras.Input((None, 4))",
        "y = encoder(j)",
      ], applies: ["j=5", "input_layer_1=(5, 4)"], planned: false),
  ]

  static func session(_ p: Program) -> Session {
    var session = Session()
    for s in p.statements { _ = session.submit(s) }
    return session
  }

  @Test(arguments: programs)
  func plannedApplyMatchesTheReplay(_ p: Program) throws {
    let session = Self.session(p)
    #expect(
      (session.unplannedReason == nil) == p.planned,
      "\(p.name): \(session.unplannedReason ?? "planned")")
    var plannedCount = 0
    for apply in p.applies {
      let (model, sizes) = try session.target(apply)
      let binding = try session.binding(sizes, model: model)
      let slow = session.replayed(binding, model: model?.index)
      let fast = session.evaluate(binding, model: model?.index)
      if session.planned(binding, model: model?.index) != nil { plannedCount += 1 }
      #expect(slow.model == fast.model, "\(p.name) at \(apply)")
      #expect(slow.failure?.statement == fast.failure?.statement, "\(p.name) at \(apply)")
      #expect(
        PlanTests.fingerprint(slow.failure?.error) == PlanTests.fingerprint(fast.failure?.error),
        "\(p.name) at \(apply)")
      let a = PlanTests.fingerprint(fast.graph)
      let b = PlanTests.fingerprint(slow.graph)
      let difference = zip(a, b).first { $0 != $1 }.map { "\($0)\n vs \($1)" }
      #expect(
        a.count == b.count && difference == nil,
        "\(p.name) at \(apply): \(difference ?? "\(a.count) vs \(b.count) lines")")
      // The plan is used exactly when the program has one and the size evaluates.
      #expect(
        (session.planned(binding, model: model?.index) != nil)
          == (p.planned && slow.failure == nil), "\(p.name) at \(apply)")
    }
    if p.planned { #expect(plannedCount > 0, "\(p.name): no size evaluated") }
  }

  /// A scan from the plan names the layers the replay names, size by size.
  @Test(
    arguments: programs.filter {
      $0.planned && $0.name.contains("chain") || $0.name == "loop and helper function"
    })
  func plannedScanMatchesTheReplay(_ p: Program) throws {
    let session = Self.session(p)
    for s in 1...40 {
      let binding = try SizeSpec.parse("\(s)x\(s)", graph: session.graph)
      let slow: SizeScan.Outcome =
        session.replayed(binding).failure.map {
          .fails(layer: $0.error.layer ?? "?", className: $0.error.className ?? "?")
        } ?? .evaluates
      #expect(session.plannedOutcome(binding) == slow, "\(p.name) at \(s)")
    }
  }

  /// Appending a statement extends the plan by its own calls: the plan of a long chain typed
  /// line by line is the plan of the whole chain.
  @Test func aLongChainKeepsItsPlan() throws {
    var session = Session()
    _ = session.submit("x = Input((None, 16))")
    for i in 0..<300 { _ = session.submit(i % 2 == 0 ? "Dense(16)" : "LayerNormalization()") }
    #expect(session.plan?.tensorCount == session.graph.tensors.count)
    let binding = try SizeSpec.parse("12", graph: session.graph)
    let fast = try #require(session.planned(binding))
    #expect(
      PlanTests.fingerprint(fast.graph) == PlanTests.fingerprint(session.replayed(binding).graph))
  }
}

/// The golden Keras programs (tutorial code run verbatim by Keras) through `apply`: planned or
/// replayed, the evaluation is the replay's, at the batch, at sizes that evaluate and at 1s.
@Suite struct SessionPlanGoldenProgramTests {
  static func bindings(_ g: Graph) -> [InputBinding] {
    var out = [InputBinding(batch: 5)]
    for fill in [7, 32, 1] {
      var b = InputBinding()
      for (i, declared) in g.declaredInputs.enumerated() {
        b.shapes[i] = declared.map { d -> Dim in
          if case .known(let n) = d { return .known(n) }
          return .known(fill)
        }
      }
      out.append(b)
    }
    return out
  }

  @Test func everyGoldenProgramAppliesAsItsReplay() {
    var planned = 0
    var evaluated = 0
    var reasons: [String: Int] = [:]
    for c in GoldenProgramTests.cases where c.ok {
      var session = Session()
      session.submitProgram(c.source, name: "\(c.name).py") { _, _ in true }
      if session.unplannedReason == nil { planned += 1 }
      reasons[session.unplannedReason ?? "planned", default: 0] += 1
      for binding in Self.bindings(session.graph) {
        let fast = session.evaluate(binding)
        let slow = session.replayed(binding)
        if session.planned(binding) != nil { evaluated += 1 }
        #expect(
          PlanTests.fingerprint(fast.failure?.error) == PlanTests.fingerprint(slow.failure?.error),
          "\(c.name)")
        #expect(fast.failure?.statement == slow.failure?.statement, "\(c.name)")
        #expect(
          PlanTests.fingerprint(fast.graph) == PlanTests.fingerprint(slow.graph), "\(c.name)")
      }
    }
    // Most tutorial programs never read a shape: the plan must be what serves them.
    #expect(planned > 10 && evaluated > 10, "planned \(planned), evaluated \(evaluated)")
    print(
      "golden programs: \(reasons.sorted { $0.key < $1.key }); planned evaluations: \(evaluated)")
  }
}
