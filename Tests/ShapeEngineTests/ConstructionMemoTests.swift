import LayerCatalog
import ShapeCore
import Testing

@testable import ShapeEngine

/// `ConstructionMemo`: a layer made again from the same class and arguments, and its first call
/// on the same tensor type, taken from the memo, are the layer and the call a fresh construction
/// gives: for every golden layer case (each answered by Keras, `GoldenLayerTests`), the case's
/// layer made and called twice in one session gives twins. And arguments that Python tells apart
/// are not confused.
@Suite struct ConstructionMemoTests {
  /// The memo of a session's Python host.
  static func memo(_ session: Session) throws -> ConstructionMemo {
    try #require(session.runtime.host.evaluator.memo)
  }

  /// How many first calls a session's Python host took from its twins.
  static func callHits(_ session: Session) -> Int {
    session.runtime.host.evaluator.twinCalls?.hits ?? -1
  }

  /// The parts of a layer node a construction and its first call set, and the call's outputs.
  static func twin(_ graph: Graph, _ a: Int, _ b: Int, _ outsA: [Int], _ outsB: [Int]) -> Bool {
    let x = graph.layers[a]
    let y = graph.layers[b]
    return x.className == y.className && x.policy == y.policy && x.trainable == y.trainable
      && x.autocastsInputs == y.autocastsInputs && x.arguments == y.arguments
      && x.weights == y.weights && x.params == y.params
      && String(describing: x.layer) == String(describing: y.layer)
      && outsA.map { graph.tensors[$0].type } == outsB.map { graph.tensors[$0].type }
  }

  @Test(arguments: [true, false])
  func goldenLayerCasesMadeTwiceAreTwins(kerasStrict: Bool) throws {
    let cases = try Golden.layerCases()
    var compared = 0
    var constructionHits = 0
    var callHits = 0
    for c in cases {
      var session = Session(kerasStrict: kerasStrict)
      guard
        c.statements.dropLast().allSatisfy({
          if case .failure = session.submit($0) { return false }
          return true
        })
      else { continue }
      let line = c.statements[c.statements.count - 1]
      let first = session.submit(line)
      let before = try Self.memo(session)
      let (hits, calls) = (before.hits, Self.callHits(session))
      let second = session.submit(line)
      switch (first, second) {
      case (.effect(.called(let a, let outsA), _), .effect(.called(let b, let outsB), let graph)):
        // A layer argument is not kept: its twin is a layer made anew, around a sublayer of
        // another name.
        guard graph.layers[b].construction != nil else { break }
        #expect(a != b)
        #expect(Self.twin(graph, a, b, outsA, outsB), Comment(rawValue: c.id))
        compared += 1
      case (.failure, .failure): break
      default: Issue.record("\(c.id): made twice, one failed: \(first) / \(second)")
      }
      constructionHits += try Self.memo(session).hits - hits
      callHits += Self.callHits(session) - calls
    }
    #expect(compared > 100)
    // Most cases' arguments are plain: their second layer is the memo's.
    #expect(constructionHits > compared / 2)
    #expect(callHits > compared / 2)
  }

  /// Runs `lines` in one session; the memo's construction hits.
  static func hits(_ lines: [String]) throws -> Int {
    var session = Session()
    for line in lines {
      if case .failure(let e) = session.submit(line) {
        Issue.record("\(line): \(e.message)")
      }
    }
    return try memo(session).hits
  }

  @Test func sameArgumentsWrittenTheSameWayMatch() throws {
    #expect(try Self.hits(["x = Input((16,))", "Dense(8)", "Dense(8)", "Dense(8)"]) == 2)
    #expect(
      try Self.hits([
        "x = Input((8, 8, 3))", "Conv2D(4, 3, padding='same')", "ReLU()",
        "Conv2D(4, 3, padding='same')", "ReLU()",
      ]) == 2)
  }

  @Test func argumentsPythonTellsApartDoNotMatch() throws {
    // 0.0 and -0.0, 1 and True, a tuple and a list, canonically equivalent strings (a name in
    // NFC and in NFD), another keyword, a keyword for a positional.
    let pairs: [(String, String)] = [
      ("Dropout(0.0)", "Dropout(-0.0)"),
      ("Dense(8, use_bias=1)", "Dense(8, use_bias=True)"),
      ("Reshape((4, 4))", "Reshape([4, 4])"),
      ("Dense(8, name='caf\u{E9}')", "Dense(8, name='cafe\u{301}')"),
      ("Dense(8, activation='relu')", "Dense(8, activation='tanh')"),
      ("Dense(8)", "Dense(units=8)"),
    ]
    for (a, b) in pairs {
      #expect(try Self.hits(["x = Input((16,))", a, b]) == 0, "\(a) / \(b)")
      #expect(try Self.hits(["x = Input((16,))", a, a]) == 1, "\(a) twice")
    }
  }

  @Test func aLayerOrDictArgumentIsNotKept() throws {
    #expect(
      try Self.hits([
        "x = Input((4, 16))", "Bidirectional(LSTM(8, return_sequences=True))",
        "Bidirectional(LSTM(8, return_sequences=True))",
      ]) == 1)  // the second LSTM (plain arguments), not the Bidirectional around it
    let memo = ConstructionMemo()
    #expect(!ConstructionMemo.isPlain(.dict([DictEntry("a", .int(1))])))
    #expect(ConstructionMemo.isPlain(.tuple([.int(1), .list([.none, .string("a")])])))
    #expect(memo.kept.isEmpty)
  }

  @Test func aFailedConstructionIsNotKept() throws {
    var session = Session()
    _ = session.submit("x = Input((16,))")
    for _ in 0..<2 {
      guard case .failure(let e) = session.submit("Dense(-1)") else {
        Issue.record("Dense(-1) was accepted")
        return
      }
      #expect(e.message.contains("units"))
    }
    #expect(try Self.memo(session).kept.isEmpty)
  }

  @Test func aFirstCallOnAnotherTypeIsMadeAgain() throws {
    var session = Session()
    _ = session.submit("a = Input((16,))")
    _ = session.submit("b = Input((32,))")
    _ = session.submit("y = Dense(8)(a)")
    guard case .effect(.called(let l, let outs), let graph) = session.submit("z = Dense(8)(b)")
    else {
      Issue.record("the second Dense failed")
      return
    }
    #expect(try Self.memo(session).hits == 1)
    #expect(Self.callHits(session) == 0)
    #expect(graph.layers[l].params.total == 32 * 8 + 8)
    #expect(graph.tensors[outs[0]].type.shape.map(\.value) == [nil, 8])
  }
}

/// Twins among imported layers (a config repeated but for its name, `LayerTemplates`): the import
/// with first calls shared gives the graph the import without them gives, and a plan's run with
/// twins (`Plan.twins`) gives what the same plan without them gives, at sizes that evaluate and
/// that fail.
@Suite struct ImportedTwinsTests {
  @Test(arguments: ModelFileCase.all())
  func importWithSharedFirstCallsIsTheSame(_ c: ModelFileCase) throws {
    let (model, _) = try c.load()
    for strict in [false, true] {
      var shared = Session(kerasStrict: strict)
      var alone = Session(kerasStrict: strict)
      alone.runtime.host.evaluator.twinCalls = nil
      switch (
        shared.importModel(model, source: "load"), alone.importModel(model, source: "load")
      ) {
      case (.imported(_, _, let a), .imported(_, _, let b)):
        #expect(PlanTests.fingerprint(a) == PlanTests.fingerprint(b), "\(c.name)")
      case (.failure(let a), .failure(let b)):
        #expect(PlanTests.fingerprint(a) == PlanTests.fingerprint(b), "\(c.name)")
      case (let a, let b):
        Issue.record("\(c.name): \(a) against \(b)")
      }
    }
  }

  @Test func largeGoldenModelsShareFirstCalls() throws {
    let cases = ModelFileCase.all().filter { ["densenet121", "resnet101v2"].contains($0.name) }
    #expect(cases.count == 2)
    for c in cases {
      let (model, _) = try c.load()
      var session = Session()
      _ = session.importModel(model, source: "load")
      #expect((session.runtime.host.evaluator.twinCalls?.hits ?? 0) > 10, "\(c.name)")
    }
  }

  /// A chain of repeated blocks as a plan, with its twins and without.
  static func plans() throws -> (twins: Plan, alone: Plan) {
    var evaluator = Evaluator()
    func layer(_ cls: String, _ arguments: CallArguments) throws -> PlanLayer {
      let l = try evaluator.construct(
        cls, entry: try #require(Catalog.entry(cls)), arguments, at: nil)
      let node = evaluator.graph.layers[l]
      return PlanLayer(
        try #require(node.layer),
        context: LayerContext(className: node.className, name: node.name, policy: node.policy))
    }
    let block = [
      try layer(
        "Conv2D",
        CallArguments(positional: [.int(4), .int(3)], keywords: [("padding", .string("same"))])),
      try layer("BatchNormalization", CallArguments()), try layer("ReLU", CallArguments()),
      try layer("Conv2D", CallArguments(positional: [.int(4), .int(3)])),
    ]
    var twins = Plan(inputs: 1)
    var alone = Plan(inputs: 1)
    var slot = 0
    // Two blocks of conv (same), BN, ReLU, then a valid conv, four times: the second block's BN
    // and ReLU meet the first's types (their twins' first calls are given), later groups
    // smaller ones.
    let pattern = Array(repeating: [0, 1, 2, 0, 1, 2, 3], count: 4).flatMap { $0 }
    var first: [Int: Int] = [:]
    for (i, b) in pattern.enumerated() {
      let t = twins.addLayer(block[b], twin: first[b])
      if first[b] == nil { first[b] = i }
      let a = alone.addLayer(block[b])
      #expect(t == a)
      _ = twins.addStep(layer: t, call: .single(slot), outputs: 1)
      slot = alone.addStep(layer: a, call: .single(slot), outputs: 1)?.lowerBound ?? -1
    }
    #expect(twins.twins.count == pattern.count && alone.twins.isEmpty)
    return (twins, alone)
  }

  @Test func planRunWithTwinsIsTheRunWithout() throws {
    let (twins, alone) = try Self.plans()
    for size in [40, 13, 12, 9, 8, 7, 3, 1] {
      for defers: Bool? in [nil, false] {
        let input = [
          TensorType(shape: [.unknown, .known(size), .known(size), .known(3)], dtype: .float32)
        ]
        let a = twins.run(inputs: input, defersWeights: defers)
        let b = alone.run(inputs: input, defersWeights: defers)
        #expect(a.tensors == b.tensors && a.completed == b.completed, "at \(size)")
        #expect(a.weights.map { $0 ?? [] } == b.weights.map { $0 ?? [] }, "at \(size)")
        #expect(a.failure?.step == b.failure?.step, "at \(size)")
      }
    }
    // 40 evaluates every step; 7 fails at the last group's valid conv.
    let input = [TensorType(shape: [.unknown, .known(40), .known(40), .known(3)], dtype: .float32)]
    #expect(twins.run(inputs: input).completed == 28)
    let small = [TensorType(shape: [.unknown, .known(7), .known(7), .known(3)], dtype: .float32)]
    #expect(twins.run(inputs: small).failure?.step == 27)
  }
}
