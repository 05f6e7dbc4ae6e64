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
