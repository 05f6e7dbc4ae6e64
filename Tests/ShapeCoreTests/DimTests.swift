import Testing

@testable import ShapeCore

@Suite struct DimArithmeticTests {
  let h = Dim.symbol("H")
  let w = Dim.symbol("W")

  @Test func knownArithmetic() throws {
    #expect(try (Dim.known(100) - 4).value == 96)
    #expect(try Dim.known(7).floorDiv(2).value == 3)
    #expect(try Dim.known(-7).floorDiv(2).value == -4)
    #expect(try Dim.known(7).ceilDiv(2).value == 4)
    #expect(try (Dim.known(3) * Dim.known(5)).value == 15)
  }

  @Test func affineFormulas() throws {
    #expect(try (h - 4).formula == "H-4")
    #expect(try (h * 2).formula == "2*H")
    #expect(try (h * -1 + 3).formula == "-H+3")
    #expect(try ((h - 1) * 2 + 3).formula == "2*H+1")
  }

  @Test func roundedDivisionsAreCanonical() throws {
    // Conv 'same', stride 2.
    #expect(try h.ceilDiv(2).formula == "ceil(H/2)")
    // Conv 'valid', k=3, s=2: floor((H-3)/2)+1 == ceil(H/2)-1.
    let valid = try (h - 3).floorDiv(2) + 1
    #expect(valid.formula == "ceil(H/2)-1")
    #expect(try valid == h.ceilDiv(2) - 1)
    #expect(try (h - 4).floorDiv(1) == h - 4)
    #expect(try (h * 4 + 2).floorDiv(2).formula == "2*H+1")
    #expect(try (h + 1).floorDiv(3).formula == "floor((H+1)/3)")
  }

  @Test func nestedDivisionsCollapse() throws {
    #expect(try h.ceilDiv(2).ceilDiv(2).formula == "ceil(H/4)")
    #expect(try h.floorDiv(2).floorDiv(2).formula == "floor(H/4)")
    #expect(try h.ceilDiv(2).ceilDiv(2).ceilDiv(2).ceilDiv(2).ceilDiv(2).formula == "ceil(H/32)")
  }

  @Test func formulasAgreeWithNumbersAtEverySize() throws {
    // The same rule over symbols, then substituted, equals the rule over numbers.
    for n in 1...40 {
      let numeric = try ((Dim.known(n) - 3).floorDiv(2) + 1).ceilDiv(3)
      let symbolic = try ((h - 3).floorDiv(2) + 1).ceilDiv(3)
      #expect(numeric.value == evaluate(symbolic, ["H": n]), "at H=\(n): \(symbolic.formula)")
    }
  }

  @Test func products() throws {
    let flat = try Dim.product([h.ceilDiv(2), w.ceilDiv(2), Dim.known(32)])
    #expect(flat.formula == "32*ceil(H/2)*ceil(W/2)")
    #expect(try (h * w).formula == "H*W")
    let valid = try Dim.product([h - 4, w - 4, Dim.known(3)])
    #expect(valid.formula == "3*(H-4)*(W-4)")
    #expect(try valid == (w - 4) * ((h * 2 - 8) * 3).exactDiv(2)!)
    #expect(evaluate(valid, ["H": 10, "W": 7]) == 54)
    #expect(try Dim.product([Dim.unknown, Dim.known(3)]) == .unknown)
    #expect(try Dim.product([Dim.unknown, Dim.known(0)]).value == 0)
  }

  @Test func exactDivision() throws {
    #expect(try (h * w * 6).exactDiv(3)?.formula == "2*H*W")
    #expect(try (h * w * 3).exactDiv(2) == nil)
    #expect(Dim.known(12).exactDiv(5) == nil)
  }

  @Test func overflowIsAnErrorNotATrap() {
    #expect(throws: ArithmeticOverflow.self) { try Dim.known(Int.max) + 1 }
    #expect(throws: ArithmeticOverflow.self) {
      try Dim.product([Dim.known(1 << 31), Dim.known(1 << 31), Dim.known(1 << 31)])
    }
    #expect(throws: ArithmeticOverflow.self) { try Dim.known(5).floorDiv(0) }
    #expect(throws: ArithmeticOverflow.self) { try Dim.known(5) - Int.min }
  }

  @Test func kerasDisplay() {
    let t = TensorType(shape: [.unknown, .known(96), .symbol("W"), .known(3)], dtype: .float32)
    #expect(t.kerasShape == "(None, 96, None, 3)")
    #expect(t.formulaShape == "(None, 96, W, 3)")
    #expect(TensorType(shape: [.known(3)], dtype: .int32).kerasShape == "(3,)")
    #expect(
      t.kerasRepr(name: "keras_tensor")
        == "<KerasTensor shape=(None, 96, None, 3), dtype=float32, sparse=False, ragged=False, name=keras_tensor>"
    )
  }
}

/// Substitutes symbol values into a dimension, by the definitions of floor and ceil.
func evaluate(_ d: Dim, _ env: [String: Int]) -> Int? {
  guard case .poly(let p) = d else { return nil }
  return evaluate(p, env)
}

func evaluate(_ p: Poly, _ env: [String: Int]) -> Int? {
  var total = p.constant
  for (m, c) in p.terms {
    var term = c
    for atom in m {
      switch atom {
      case .symbol(let s):
        guard let v = env[s] else { return nil }
        term *= v
      case .floorDiv(let q, let offset, let divisor):
        guard let v = evaluate(q, env) else { return nil }
        term *= Checked.floorDiv(v + offset, divisor)
      case .product(let factors):
        for f in factors {
          guard let v = evaluate(f, env) else { return nil }
          term *= v
        }
      }
    }
    total += term
  }
  return total
}

/// `Dim.product` must give what multiplying one dim at a time gives (overflow included), only
/// faster.
@Suite struct DimProductTests {
  static func sequential(_ dims: [Dim]) throws(ArithmeticOverflow) -> Dim {
    var r = Dim.known(1)
    for d in dims { r = try r * d }
    return r
  }

  @Test func agreesWithMultiplyingOneAtATime() throws {
    let h = Dim.symbol("H")
    let w = Dim.symbol("W")
    let pool: [Dim] = [
      .known(1), .known(3), .known(-2), .known(0), .unknown, h, w, .symbol("S12"), .symbol("S3"),
      try h - 4, try w * 2, try h.floorDiv(2), try h.ceilDiv(3), try (h - 1) * (w - 1),
      .known(Int.max / 3), .known(1 << 40), try h * w, try h * 3,
    ]
    var rng = SplitMix64(seed: 12)
    for _ in 0..<3000 {
      let dims = (0..<Int.random(in: 0...7, using: &rng)).map { _ in
        pool.randomElement(using: &rng)!
      }
      let fast = Result { () throws(ArithmeticOverflow) in try Dim.product(dims) }
      let slow = Result { () throws(ArithmeticOverflow) in try Self.sequential(dims) }
      switch (fast, slow) {
      case (.success(let a), .success(let b)): #expect(a == b && a.formula == b.formula, "\(dims)")
      case (.failure, .failure): break
      default: Issue.record("\(dims): \(fast) vs \(slow)")
      }
    }
  }

  @Test func highRankIsLinear() throws {
    let dims = (1...8000).map { Dim.symbol("S\($0)") }
    let p = try Dim.product(dims)
    #expect(p.formula.split(separator: "*").count == 8000)
  }
}

/// A seeded generator, so that a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
