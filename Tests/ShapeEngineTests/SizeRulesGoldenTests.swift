import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// `rules`, `solve` and the two-axis scan against real Keras on random conv nets the project has
/// never seen (tools/sizerules/random_nets.py builds each at every size and records which Keras
/// accepts): a rule kshape states as checked must be Keras's truth over the whole range, and
/// where kshape says its rule is incomplete, what its scan reports must be.
@Suite struct SizeRulesGoldenTests {
  struct Net: Decodable {
    struct Axis: Decodable {
      var accepted: [Int]
      var outputs: [String: [Int]]
    }
    var name: String
    var program: String
    var range: [Int]
    var diagonal: [Int]
    var fixed: Int?
    var axisH: Axis
    var axisW: Axis
    var points: [[JSONNumberOrBool]]
    enum CodingKeys: String, CodingKey {
      case name, program, range, diagonal, fixed, points
      case axisH = "H"
      case axisW = "W"
    }
  }

  /// `[h, w, ok]`: two ints and a bool.
  enum JSONNumberOrBool: Decodable {
    case int(Int)
    case bool(Bool)
    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let b = try? c.decode(Bool.self) {
        self = .bool(b)
      } else {
        self = .int(try c.decode(Int.self))
      }
    }
    var int: Int? { if case .int(let i) = self { i } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
  }

  static let nets: [Net] = (try? Golden.lines("size_rules.jsonl", as: Net.self)) ?? []

  static func session(_ net: Net) -> Session {
    var s = Session()
    let outcome = s.submit(net.program)
    if case .failure(let e) = outcome { Issue.record("\(net.name): \(e.message)") }
    return s
  }

  @Test func everyNetIsRead() {
    #expect(Self.nets.count >= 40)
    #expect(Self.nets.filter { $0.fixed != nil }.count >= 30)
  }

  @Test func rulesAgreeWithKeras() throws {
    var verified = 0
    var axes = 0
    for net in Self.nets {
      guard let f = net.fixed else { continue }
      let s = Self.session(net)
      let top = net.range[1]
      let rules = try SizeRules.derive(s, fixed: ["H": f, "W": f], range: top)
      for axis in rules.axes {
        let keras = Set(axis.symbol == "H" ? net.axisH.accepted : net.axisW.accepted)
        axes += 1
        // kshape's own evaluation, size by size, is Keras's.
        #expect(
          Set(axis.scan.accepted) == keras,
          "\(net.name) \(axis.symbol): kshape evaluates \(axis.scan.acceptedSummary)")
        guard axis.verified else { continue }
        verified += 1
        let rule = try #require(axis.rule)
        for size in 1...top {
          #expect(
            rule.contains(size) == keras.contains(size),
            "\(net.name): rule \(rule.described(axis.symbol)) at \(axis.symbol)=\(size)")
        }
      }
      // Where both axes have checked rules, their product is Keras's answer at each point.
      let h = rules.axes.first { $0.symbol == "H" }
      let w = rules.axes.first { $0.symbol == "W" }
      if let h, let w, h.verified, w.verified, let rh = h.rule, let rw = w.rule {
        for p in net.points {
          guard let a = p[0].int, let b = p[1].int, let ok = p[2].bool else { continue }
          #expect((rh.contains(a) && rw.contains(b)) == ok, "\(net.name) at \(a)x\(b)")
        }
      }
    }
    // Most axes get a rule; the rest say so and report the scan (checked above).
    #expect(verified * 20 >= axes * 19, "\(verified) of \(axes) axes have a checked rule")
  }

  @Test func solveFindsKerasSizes() throws {
    var solved = 0
    // Half the nets: each solve evaluates every size of its range in full.
    for net in Self.nets.prefix(30) {
      guard net.fixed != nil,
        let h0 = net.axisH.accepted.dropFirst(net.axisH.accepted.count / 2).first,
        let out = net.axisH.outputs[String(h0)]
      else { continue }
      var s = Self.session(net)
      let wanted = out.map(String.init).joined(separator: "x")
      guard case .report(let r) = s.submit("solve \(wanted)") else {
        Issue.record("\(net.name): solve \(wanted) gave no report")
        continue
      }
      let top = net.range[1]
      for axis in r.json["axes"]?.arrayValue ?? [] {
        guard let symbol = axis["symbol"]?.stringValue else { continue }
        let data = symbol == "H" ? net.axisH : net.axisW
        let index = symbol == "H" ? 0 : 1
        let expected = data.accepted.filter { data.outputs[String($0)]?[index] == out[index] }
        let found = (axis["found"]?.arrayValue ?? []).compactMap(\.intValue).filter { $0 <= top }
        #expect(found == expected, "\(net.name) solve \(wanted) \(symbol): \(r.text)")
        if axis["rule"] != .null { solved += 1 }
      }
    }
    #expect(solved >= 30)
  }

  @Test func twoAxisScanAgreesWithKeras() throws {
    for net in Self.nets.prefix(12) {
      var s = Self.session(net)
      guard case .report(let r) = s.submit("scan H=1-24 W=1-24") else {
        Issue.record("\(net.name): no report")
        continue
      }
      // Rebuild the accepted pairs from the compact rows, then compare with Keras's points.
      var accepted = Set<[Int]>()
      for row in r.json["rows"]?.arrayValue ?? [] {
        let hs = (row["leading"]?.arrayValue ?? []).compactMap { $0.arrayValue?.first?.intValue }
        for run in row["evaluates"]?.arrayValue ?? [] {
          guard let a = run.arrayValue?.first?.intValue, let b = run.arrayValue?.last?.intValue
          else { continue }
          for h in hs { for w in a...b { accepted.insert([h, w]) } }
        }
      }
      #expect(r.json["evaluates"] == .int(accepted.count))
      for p in net.points {
        guard let a = p[0].int, let b = p[1].int, let ok = p[2].bool, a <= 24, b <= 24 else {
          continue
        }
        #expect(accepted.contains([a, b]) == ok, "\(net.name) at \(a)x\(b)")
      }
      // The diagonal Keras recorded.
      for d in 1...24 {
        #expect(accepted.contains([d, d]) == net.diagonal.contains(d), "\(net.name) at \(d)x\(d)")
      }
    }
  }
}

/// The rules of real models (Golden/modelfiles: Keras applications and hand-made models, each
/// evaluated by Keras at several sizes): at every size Keras tried, a model whose every axis has
/// a checked rule accepts the size exactly when Keras did.
@Suite struct SizeRulesModelFileTests {
  @Test func rulesAgreeWithKerasOnRealModels() throws {
    var checked = 0
    var sizes = 0
    for c in ModelFileCase.all() {
      let (model, expected) = try c.load()
      guard let inspection = try? Inspection.run(model, sizes: []),
        inspection.session.graph.inputs.count == 1,
        let rules = try? SizeRules.derive(inspection.session)
      else { continue }
      guard rules.axes.allSatisfy(\.verified) else { continue }
      checked += 1
      for r in expected.results {
        let numbers = r.size.split(separator: "x").compactMap { Int($0) }
        guard numbers.count == rules.axes.count else { continue }
        sizes += 1
        let accepted = zip(rules.axes, numbers).allSatisfy { axis, n in
          axis.rule?.contains(n) == true
        }
        #expect(accepted == r.ok, "\(c.name) at \(r.size): rules say \(accepted)\n\(rules.text)")
      }
    }
    #expect(checked >= 15, "\(checked) models with checked rules")
    #expect(sizes >= 40)
  }
}
