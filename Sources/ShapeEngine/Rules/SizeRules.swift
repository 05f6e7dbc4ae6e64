import KerasJSON
import ShapeCore

/// Which sizes work, as rules: for each input symbol (H, W, L...), the sizes that evaluate, as
/// the conditions the layers put on them (`H >= 5`, `H % 8 == 0`), each with the layer that
/// imposes it, and checked against evaluating every size of a range. Where the check disagrees,
/// the rule is not given: what evaluation found is, and the rule is said to be incomplete.
public struct SizeRules: Sendable {
  /// One input symbol's rule.
  public struct Axis: Sendable {
    public var symbol: String
    /// The sizes the conditions accept (nil when a condition could not be solved).
    public var rule: EventualSet?
    /// The conditions that shape the rule: each one that removing would change it.
    public var binding: [SizeCondition]
    /// Conditions that mention this symbol with another (not solved per axis).
    public var joint: [SizeCondition]
    /// What evaluating every size of `checked` found (the other symbols at `fixed`).
    public var scan: SizeScan
    public var fixed: [String: Int]
    /// The rule agrees with the scan over the whole range, and nothing was left unsolved.
    public var verified: Bool
    /// Broadcasting merges of this symbol's sizes (a size-1 input takes the other's size, which
    /// the formula at the declared shapes does not say).
    public var broadcasts: [String] = []
    /// Sizes where a broadcasting merge's size-1 input takes the other's size: the rule takes
    /// them from evaluation (the formulas after the merge do not hold there).
    public var fromEvaluation: [Int] = []
  }
  public var axes: [Axis]
  /// Merges whose inputs had no formula to compare (their condition is left to the scan).
  public var unknownMerges: [String]
  /// The inputs, as `input_layer (None, H, W, 3)`.
  public var inputs: [String]

  /// The smallest range checked; the check covers two periods past the threshold beyond it.
  public static let minimumCheck = 64

  /// Derives the rules of the session's graph, and checks each axis by evaluating sizes
  /// 1...R (R from the rule, or `range`), the other symbols at `fixed` (else the smallest size
  /// evaluating on the diagonal, found the same way).
  public static func derive(
    _ session: Session, fixed given: [String: Int]? = nil, range: Int? = nil
  ) throws(EngineError) -> SizeRules {
    let g = session.graph
    let symbols = SizeProbe.symbols(g)
    guard !symbols.isEmpty else {
      throw EngineError(
        "the inputs have no unknown dims, so there are no size rules",
        hint: "declare unknown sizes: x = Input((None, None, 3))")
    }
    let (conditions, unknownMerges) = SizeCondition.all(in: g)
    var probe = SizeProbe(session)
    // Per axis: its own conditions, solved and intersected.
    var rules: [String: (EventualSet?, [SizeCondition], [SizeCondition])] = [:]
    for x in symbols {
      let own = conditions.filter { $0.symbols == [x] }
      let joint = conditions.filter { $0.symbols.contains(x) && $0.symbols.count > 1 }
      let sets = own.map { $0.accepted(x) }
      var rule: EventualSet? = .all
      for s in sets { rule = rule.flatMap { r in s.flatMap { r.intersection($0) } } }
      var binding: [SizeCondition] = []
      if let rule, sets.allSatisfy({ $0 != nil }) {
        binding = Self.shaping(own, sets.compactMap { $0 }, rule)
      }
      rules[x] = (rule, binding, joint)
    }
    var fixed: [String: Int]
    if let given {
      fixed = given
    } else {
      fixed = try basePoint(symbols, rules.mapValues(\.0), &probe)
    }
    var axes: [Axis] = []
    for x in symbols {
      var (rule, binding, joint) = rules[x] ?? (nil, [], [])
      var end = range ?? minimumCheck
      if range == nil, let rule {
        end = max(end, rule.threshold + 2 * rule.period, (rule.first ?? 0) + 2 * rule.period)
      }
      end = min(end, SizeScan.maxCount)
      var outcomes: [SizeScan.Outcome] = []
      var values = fixed
      for s in 1...end {
        try Interrupt.check("checking \(x) = \(s)")
        values[x] = s
        outcomes.append(try probe.outcome(values))
      }
      let scan = SizeScan(range: 1...end, unknownDims: 1, outcomes: outcomes)
      func agrees(_ r: EventualSet?) -> Bool {
        r.map { r in (1...end).allSatisfy { r.contains($0) == (outcomes[$0 - 1] == .evaluates) } }
          ?? false
      }
      // A broadcasting merge's exceptional sizes, finitely many and all evaluated: taken from
      // the evaluation, the derived rule kept for every other size.
      var fromEvaluation: [Int] = []
      if !agrees(rule), let r = rule,
        let exceptions = Self.broadcastExceptions(conditions, x), let last = exceptions.last,
        last <= end
      {
        let patched = EventualSet(threshold: max(r.threshold, last + 1), period: r.period) { s in
          exceptions.contains(s) ? outcomes[s - 1] == .evaluates : r.contains(s)
        }.minimized()
        if agrees(patched) {
          rule = patched
          fromEvaluation = (1...last).filter(exceptions.contains)
        }
      }
      axes.append(
        Axis(
          symbol: x, rule: rule, binding: binding, joint: joint, scan: scan,
          fixed: fixed.filter { $0.key != x },
          verified: agrees(rule) && joint.isEmpty && unknownMerges.isEmpty,
          broadcasts: conditions.compactMap { c in
            guard c.symbols.contains(x), case .equal(_, _, true) = c.kind else { return nil }
            return c.layer
          }, fromEvaluation: fromEvaluation))
    }
    let inputs = g.inputs.map {
      "\(g.layerName(of: $0.tensor)) \(g.tensors[$0.tensor].type.formulaShape)"
    }
    return SizeRules(axes: axes, unknownMerges: unknownMerges, inputs: inputs)
  }

  /// The sizes of `x` where some broadcasting merge has one input of size 1 and the other not;
  /// nil when there are none or they are not finitely many.
  static func broadcastExceptions(_ conditions: [SizeCondition], _ x: String) -> EventualSet? {
    var all: EventualSet?
    for c in conditions where c.symbols == [x] {
      guard case .equal(_, _, true) = c.kind else { continue }
      guard let e = c.broadcastExceptions(x) else { return nil }
      all = all.map { $0.union(e) } ?? e
      if all == nil { return nil }
    }
    guard let all, all.isFinite, !all.isEmpty else { return nil }
    return all
  }

  /// The conditions that shape `rule`: in layer order, each that narrows what the earlier ones
  /// allow (so the first layer to impose a limit is named), then without those a later one
  /// made redundant.
  static func shaping(_ conditions: [SizeCondition], _ sets: [EventualSet], _ rule: EventualSet)
    -> [SizeCondition]
  {
    var kept: [Int] = []
    var running = EventualSet.all
    for (i, s) in sets.enumerated() {
      guard let next = running.intersection(s), next != running else { continue }
      kept.append(i)
      running = next
    }
    for i in kept {
      var without: EventualSet? = .all
      for j in kept where j != i { without = without.flatMap { $0.intersection(sets[j]) } }
      if without == rule { kept.removeAll { $0 == i } }
    }
    return kept.map { conditions[$0] }
  }

  /// Sizes for the symbols not being checked: each rule's smallest member when the session
  /// evaluates there, else the smallest s evaluating with every symbol at s (up to 256).
  static func basePoint(
    _ symbols: [String], _ rules: [String: EventualSet?], _ probe: inout SizeProbe
  ) throws(EngineError) -> [String: Int] {
    var point: [String: Int] = [:]
    for x in symbols { point[x] = (rules[x] ?? nil)?.first ?? 1 }
    if try probe.outcome(point) == .evaluates { return point }
    for s in 1...256 {
      try Interrupt.check("looking for a size that evaluates")
      let diagonal = Dictionary(uniqueKeysWithValues: symbols.map { ($0, s) })
      if try probe.outcome(diagonal) == .evaluates { return diagonal }
    }
    return point
  }

  func fixedText(_ a: Axis) -> String {
    a.fixed.isEmpty
      ? ""
      : " with "
        + a.fixed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: ", ")
  }

  /// The report in words.
  public var text: String {
    var lines = ["Size rules for " + inputs.joined(separator: ", ") + ":"]
    for a in axes {
      let range = "\(a.symbol) = \(a.scan.range.lowerBound)-\(a.scan.range.upperBound)"
      if a.verified, let rule = a.rule {
        let first = rule.period > 1 || rule.isFinite ? rule.members(4) : []
        let smallest =
          first.isEmpty
          ? ""
          : "  (smallest: " + first.map(String.init).joined(separator: ", ")
            + (rule.isFinite && first.count < 4 ? ")" : ", ...)")
        lines.append("  \(a.symbol): \(rule.described(a.symbol))\(smallest)")
        for c in a.binding {
          let set = c.accepted(a.symbol).map { $0.described(a.symbol) } ?? "?"
          let merge = c.operands.isEmpty ? "" : " (\(c.operands.joined(separator: " and ")))"
          lines.append("    \(c.layer) (\(c.className))\(merge): \(c.formula), so \(set)")
        }
        if !a.fromEvaluation.isEmpty {
          lines.append(
            "    but at \(a.symbol) in {\(a.fromEvaluation.map(String.init).joined(separator: ", "))} "
              + "an input of \(a.broadcasts.joined(separator: ", ")) has size 1 and takes the "
              + "other's size, which the formulas after it do not follow: there the rule is what "
              + "evaluation found")
        }
        lines.append("    checked: agrees with evaluating every \(range)\(fixedText(a))")
      } else {
        lines.append(
          "  \(a.symbol): the derived rule is incomplete; evaluating every \(range)"
            + "\(fixedText(a)) gives:")
        let scanned = a.scan.text.split(separator: "\n").dropFirst()
        lines.append("    evaluates at \(a.scan.acceptedSummary)")
        lines += scanned.map { "  " + $0 }
        if !a.broadcasts.isEmpty {
          lines.append(
            "    (where an input of \(a.broadcasts.joined(separator: ", ")) has size 1 it takes "
              + "the other's size, which the formulas after it do not follow)")
        } else if a.joint.isEmpty, unknownMerges.isEmpty {
          lines.append(
            "    (a layer rejects sizes for a reason the rules do not read; the scan is exact "
              + "within its range)")
        }
        if !a.joint.isEmpty {
          lines.append(
            "    (conditions on several sizes at once: "
              + a.joint.map { "\($0.layer): \($0.formula)" }.joined(separator: "; ") + ")")
        }
      }
    }
    if !unknownMerges.isEmpty {
      lines.append(
        "  (merges of dims with no formula, left to the check: "
          + unknownMerges.joined(separator: ", ") + ")")
    }
    return lines.joined(separator: "\n")
  }

  /// `{"inputs": [...], "axes": [{"symbol", "verified", "rule", "smallest", "modulus",
  /// "residues", "conditions": [{"layer", "class_name", "condition", "accepts"}], "checked":
  /// {"from", "to", "fixed", "evaluates", "rejected_by"}}]}`.
  public var json: JSONValue {
    .fields(
      [
        ("inputs", .array(inputs.map { .string($0) })),
        ("axes", .array(axes.map(axisJSON))),
      ])
  }

  func axisJSON(_ a: Axis) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("symbol", .string(a.symbol)), ("verified", .bool(a.verified)),
    ]
    if a.verified, let rule = a.rule {
      fields.append(("rule", .string(rule.described(a.symbol))))
      fields.append(("smallest", .array(rule.members(4).map { .int($0) })))
      if !a.fromEvaluation.isEmpty {
        fields.append(("from_evaluation", .array(a.fromEvaluation.map { .int($0) })))
      }
      fields.append(
        (
          "conditions",
          .array(
            a.binding.map { c in
              .fields([
                ("layer", .string(c.layer)), ("class_name", .string(c.className)),
                ("condition", .string(c.formula)),
                ("accepts", .string(c.accepted(a.symbol)?.described(a.symbol) ?? "")),
              ])
            })
        ))
    } else {
      fields.append(("rule", .null))
    }
    let fixed = a.fixed.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) }
    fields.append(("checked", .fields([("fixed", .fields(fixed))] + scanFields(a.scan))))
    return .fields(fields)
  }

  func scanFields(_ s: SizeScan) -> [(String, JSONValue)] {
    func pairs(_ r: [ClosedRange<Int>]) -> JSONValue {
      .array(r.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
    }
    let rejected = s.rejecting.compactMap { o -> JSONValue? in
      guard case .fails(let layer, let cls) = o else { return nil }
      return .fields([
        ("layer", .string(layer)), ("class_name", .string(cls)), ("sizes", pairs(s.runs(o))),
      ])
    }
    return [
      ("from", .int(s.range.lowerBound)), ("to", .int(s.range.upperBound)),
      ("evaluates", pairs(s.runs(.evaluates))), ("rejected_by", .array(rejected)),
    ]
  }
}
