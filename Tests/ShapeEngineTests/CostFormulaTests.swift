import LayerCatalog
import ShapeCore
import ShapeEngine
import Testing

/// A formula evaluated at a size equals the count kshape makes at that size: the symbolic
/// count (declared shapes) with the input's symbols substituted, against `apply SIZE`.
@Suite struct CostFormulaTests {
  /// A program with unknown input dims, and sizes to apply (in the symbols' order).
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var lines: [String]
    var sizes: [[Int]]
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "convolutions",
      lines: [
        "x = Input((None, None, 6))", "Conv2D(8, 3, activation='relu')",
        "Conv2D(8, 3, strides=2, padding='same', groups=2)",
        "DepthwiseConv2D(3, depth_multiplier=2)",
        "SeparableConv2D(12, 3, dilation_rate=2)", "Conv2DTranspose(4, 3, strides=2)",
        "MaxPooling2D()", "BatchNormalization()", "GlobalAveragePooling2D()", "Dense(10)",
      ], sizes: [[37, 53], [64, 64], [29, 41]]),
    Case(
      name: "classifier with deferred weights",
      lines: [
        "x = Input((None, None, 3))", "Conv2D(8, 3)", "MaxPooling2D()", "Flatten()", "Dense(10)",
      ], sizes: [[32, 32], [57, 41]]),
    Case(
      name: "conv1d and conv3d",
      lines: [
        "x = Input((None, 4))", "Conv1D(8, 5, padding='causal', dilation_rate=2)",
        "Conv1D(6, 3, strides=3)", "UpSampling1D()", "Dense(3, activation='softmax')",
      ], sizes: [[100], [17], [64]]),
    Case(
      name: "volumes",
      lines: [
        "x = Input((None, None, None, 2))", "Conv3D(4, 3)", "Conv3DTranspose(2, 2, strides=2)",
        "AveragePooling3D(2)",
      ], sizes: [[8, 9, 10], [5, 5, 5]]),
    Case(
      name: "sequences",
      lines: [
        "x = Input((None, 16))", "a = MultiHeadAttention(4, 8)(x, x)",
        "b = LayerNormalization()(a)",
        "c = Add()([x, b])", "d = LSTM(12, return_sequences=True)(c)",
        "e = Bidirectional(GRU(6, return_sequences=True))(d)", "f = SimpleRNN(5)(e)",
        "g = EinsumDense('ab,bc->ac', output_shape=7, bias_axes='c')(f)",
      ], sizes: [[10], [33], [1]]),
    Case(
      name: "dense on every rank and merges",
      lines: [
        "x = Input((None, None, 5))", "a = Dense(7)(x)", "b = Dense(7, use_bias=False)(x)",
        "c = Multiply()([a, b])", "d = Average()([a, b, c])", "e = Concatenate()([c, d])",
        "f = TimeDistributed(Dense(3))(e)",
      ], sizes: [[4, 6], [9, 2]]),
  ]

  /// The value of a formula with the symbols given.
  static func evaluate(_ d: Dim, _ symbols: [String: Int]) -> Int? {
    guard case .poly(let p) = d else { return nil }
    return evaluate(p, symbols)
  }

  static func evaluate(_ p: Poly, _ symbols: [String: Int]) -> Int? {
    var total = p.constant
    for (monomial, coefficient) in p.terms {
      var term = coefficient
      for atom in monomial {
        guard let v = evaluate(atom, symbols) else { return nil }
        term *= v
      }
      total += term
    }
    return total
  }

  static func evaluate(_ a: Atom, _ symbols: [String: Int]) -> Int? {
    switch a {
    case .symbol(let s): return symbols[s]
    case .floorDiv(let p, let offset, let divisor):
      guard let v = evaluate(p, symbols) else { return nil }
      return Checked.floorDiv(v + offset, divisor)
    case .product(let ps):
      var r = 1
      for p in ps {
        guard let v = evaluate(p, symbols) else { return nil }
        r *= v
      }
      return r
    }
  }

  @Test(arguments: cases)
  func formulaAtASizeEqualsTheCountAtThatSize(_ c: Case) throws {
    var session = Session()
    for line in c.lines {
      if case .failure(let e) = session.submit(line) { Issue.record("\(line): \(e.message)") }
    }
    guard case .summary(let declared, _) = session.submit("summary") else {
      Issue.record("no summary")
      return
    }
    let symbolic = CostAnalysis.run(declared)
    #expect(symbolic.uncounted.isEmpty, "\(symbolic.uncounted)")
    let input = declared.tensors[try #require(declared.inputs.first).tensor].type
    let names = input.shape.dropFirst().compactMap { d -> String? in
      guard case .poly(let p) = d, p.constantValue == nil else { return nil }
      return p.symbols.first
    }
    #expect(symbolic.total.macs.value == nil, "the declared count is a formula")
    for size in c.sizes {
      let symbols = Dictionary(uniqueKeysWithValues: zip(names, size))
      let text = size.map(String.init).joined(separator: "x")
      guard case .applied(let ev, _) = session.submit("apply \(text)"), ev.failure == nil else {
        Issue.record("\(c) does not evaluate at \(text)")
        continue
      }
      let exact = CostAnalysis.run(ev.graph)
      for (l, cost) in symbolic.layers {
        let name = declared.layers[l].name
        let at = try #require(ev.graph.layers.firstIndex { $0.name == name })
        let want = try #require(exact.layers[at]?.count)
        let got = try #require(cost.count)
        #expect(want.macs.value != nil, "\(name) at \(text): the count is a number")
        #expect(Self.evaluate(got.macs, symbols) == want.macs.value, "\(name) MACs at \(text)")
        #expect(
          Self.evaluate(try got.flops(), symbols) == (try want.flops()).value,
          "\(name) FLOPs at \(text)")
        #expect(
          Self.evaluate(cost.activationBytes, symbols) == exact.layers[at]?.activationBytes.value,
          "\(name) activation bytes at \(text)")
      }
      #expect(Self.evaluate(symbolic.total.macs, symbols) == exact.total.macs.value)
      #expect(exact.peakBytes != nil)
    }
  }

  /// A plain `None` (not a formula: Reshape((-1, 4)) of a length-L sequence of 6) makes the
  /// count unknown, and the totals say why.
  @Test func plainUnknownDimMakesTheCountUnknown() throws {
    var session = Session()
    for line in ["x = Input((None, 6))", "Reshape((-1, 4))", "Dense(3)"] {
      _ = session.submit(line)
    }
    guard case .summary(let g, _) = session.submit("summary") else {
      Issue.record("no summary")
      return
    }
    let report = CostAnalysis.run(g)
    let dense = try #require(g.layers.firstIndex { $0.className == "Dense" })
    #expect(report.layers[dense]?.count?.macs == .unknown)
    #expect(report.total.macs == .unknown)
    #expect(report.peakBytes == nil)
    #expect(report.text.contains("a dim is None"))
  }
}

/// A model used as a layer counts its own layers, evaluated again at the call's shapes: the
/// same MACs and FLOPs as the layers written inline.
@Suite struct CostNestedModelTests {
  static func applied(_ lines: [String], _ command: String) throws -> CostReport {
    var session = Session()
    for line in lines {
      if case .failure(let e) = session.submit(line) { Issue.record("\(line): \(e.message)") }
    }
    guard case .applied(let ev, _) = session.submit(command), ev.failure == nil else {
      throw CostJSONTests.CostJSONError.notATable
    }
    return CostAnalysis.run(ev.graph)
  }

  @Test func modelAsLayerCountsItsLayers() throws {
    let nested = try Self.applied(
      [
        "import keras", "i = keras.Input((None, 6))",
        "h = keras.layers.Dense(5, activation='relu')(i)", "inner = keras.Model(i, h)",
        "x = keras.Input((None, 6))", "y = inner(x)", "z = keras.layers.Dense(3)(y)",
        "outer = keras.Model(x, z)",
      ], "apply outer 7")
    let inline = try Self.applied(
      ["x = Input((None, 6))", "Dense(5, activation='relu')", "Dense(3)"], "apply 7")
    #expect(nested.uncounted.isEmpty)
    #expect(nested.total.macs.value != nil)
    #expect(nested.total == inline.total)
    #expect(nested.peakBytes == inline.peakBytes)
  }

  @Test func savedNestedModelCountsItsLayers() throws {
    let (saved, _) = try ModelFileCase(name: "nested_sequential_unbuilt").load()
    let ev = try #require(try Inspection.run(saved, sizes: ["64x64"]).results.first?.evaluation)
    let report = CostAnalysis.run(ev.graph)
    #expect(report.uncounted.isEmpty)
    let nested = try #require(ev.graph.layers.firstIndex { $0.className == "Sequential" })
    #expect((report.layers[nested]?.count?.macs.value ?? 0) > 0)
  }
}

/// Counts past 64 bits are unknown and said so, never a trap.
@Suite struct CostOverflowTests {
  @Test func hugeSizesDoNotTrap() throws {
    var session = Session()
    for line in ["x = Input((None, None, 3))", "Conv2D(512, 3)", "Conv2D(512, 3)"] {
      _ = session.submit(line)
    }
    guard case .applied(let ev, _) = session.submit("apply 3000000000x3000000000") else {
      Issue.record("apply did not evaluate")
      return
    }
    let report = CostAnalysis.run(ev.graph)
    #expect(report.overflowed)
    #expect(report.total.macs == .unknown)
    #expect(report.peakBytes == nil)
    #expect(report.text.contains("does not fit in 64 bits"))
  }
}
