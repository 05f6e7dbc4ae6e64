import Foundation
import ShapeCore
import Testing

@testable import ShapeEngine

/// The solving behind `rules` and `solve`, held to brute force: a condition's set of sizes must
/// be exactly the sizes where evaluating its formula satisfies it, far past the range the
/// command itself checks; set operations must be membership by membership.
@Suite struct SizeRulesTests {
  /// Formulas as conv/pool chains make them: random floors, ceils, scalings and offsets of H.
  static func randomFormulas(count: Int, seed: UInt64) -> [Poly] {
    var state = seed
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var out: [Poly] = []
    for _ in 0..<count {
      var d = Dim.symbol("H")
      for _ in 0..<(1 + next(4)) {
        switch next(5) {
        case 0: d = (try? d.floorDiv(1 + next(4))) ?? d
        case 1: d = (try? d.ceilDiv(1 + next(4))) ?? d
        case 2: d = (try? d * (1 + next(3))) ?? d
        case 3: d = (try? d - next(6)) ?? d
        default: d = (try? (d - (1 + next(5))).floorDiv(1 + next(3)) + 1) ?? d
        }
      }
      if case .poly(let p) = d { out.append(p) }
    }
    return out
  }

  static func value(_ p: Poly, _ h: Int) -> Int? { (try? p.evaluated(["H": h])) ?? nil }

  @Test func positiveConditionsAreExact() throws {
    for f in Self.randomFormulas(count: 300, seed: 7) {
      let c = SizeCondition(layer: "l", className: "C", kind: .positive(f))
      let set = try #require(c.accepted("H"), "\(f)")
      for h in 1...600 {
        #expect(set.contains(h) == ((Self.value(f, h) ?? 0) >= 1), "\(f) >= 1 at H=\(h)")
      }
    }
  }

  @Test func equalitiesAreExact() throws {
    let fs = Self.randomFormulas(count: 120, seed: 11)
    for (a, b) in zip(fs, fs.reversed()) {
      for broadcast in [false, true] {
        let c = SizeCondition(layer: "l", className: "C", kind: .equal(a, b, broadcast: broadcast))
        let set = try #require(c.accepted("H"), "\(a) == \(b)")
        for h in 1...600 {
          let x = Self.value(a, h)
          let y = Self.value(b, h)
          let holds = x == y || (broadcast && (x == 1 || y == 1))
          #expect(set.contains(h) == holds, "\(a) == \(b) (broadcast \(broadcast)) at H=\(h)")
        }
      }
    }
  }

  @Test func setOperationsAreMembershipWise() throws {
    let fs = Self.randomFormulas(count: 40, seed: 3)
    let sets = fs.compactMap {
      SizeCondition(layer: "", className: "", kind: .positive($0)).accepted("H")
    }
    for (a, b) in zip(sets, sets.dropFirst()) {
      let i = try #require(a.intersection(b))
      let u = try #require(a.union(b))
      for h in 1...400 {
        #expect(i.contains(h) == (a.contains(h) && b.contains(h)))
        #expect(u.contains(h) == (a.contains(h) || b.contains(h)))
      }
      // Minimizing never changes membership.
      let m = i.minimized()
      for h in 1...400 { #expect(m.contains(h) == i.contains(h)) }
    }
  }

  /// The words say the set: parsed back as a predicate, they give the same members.
  @Test func describedAgreesWithMembers() throws {
    let fs = Self.randomFormulas(count: 60, seed: 5)
    for (a, b) in zip(fs, fs.dropFirst()) {
      let c = SizeCondition(layer: "", className: "", kind: .equal(a, b, broadcast: false))
      guard let eq = c.accepted("H"),
        let pos = SizeCondition(layer: "", className: "", kind: .positive(a)).accepted("H"),
        let set = eq.intersection(pos)
      else { continue }
      for s in [set, eq, pos] {
        let text = s.described("H")
        for h in 1...300 { #expect(Self.holds(text, h) == s.contains(h), "\(text) at \(h)") }
      }
    }
  }

  /// Reads `EventualSet.described` back: `H >= m`, `H % p == r`, `H % p != r`,
  /// `H % p in {..}`, `a <= H <= b`, `H = a`, `H in {..}`, joined by `and` / `or`.
  static func holds(_ text: String, _ h: Int) -> Bool {
    if text == "no size" { return false }
    if text == "every size" { return true }
    if let r = text.range(of: " or ") {
      return holds(String(text[..<r.lowerBound]), h) || holds(String(text[r.upperBound...]), h)
    }
    return text.components(separatedBy: " and ").allSatisfy { part in
      let w = part.split(separator: " ").map(String.init)
      func set(_ from: Int) -> Set<Int> {
        Set(
          w[from...].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
            .split(separator: ",").compactMap { s in
              Int(s.trimmingCharacters(in: .whitespaces))
            })
      }
      if w.count == 3, w[1] == ">=" { return h >= Int(w[2])! }
      if w.count == 3, w[1] == "=" { return h == Int(w[2])! }
      if w.count == 5, w[1] == "<=" { return Int(w[0])! <= h && h <= Int(w[4])! }
      if w[1] == "in" { return set(2).contains(h) }
      if w[1] == "%" {
        let p = Int(w[2])!
        if w[3] == "==" { return h % p == Int(w[4])! }
        if w[3] == "!=" { return h % p != Int(w[4])! }
        if w[3] == "in" { return set(4).contains(h % p) }
      }
      Issue.record("cannot read '\(part)'")
      return false
    }
  }
}
