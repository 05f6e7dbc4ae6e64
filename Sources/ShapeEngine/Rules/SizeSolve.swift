import KerasJSON
import ShapeCore

/// `solve OUTPUT`: which input sizes give a wanted output (`solve 7x7`, `solve 1x1`, `solve same`
/// for the sizes where the output's size equals the input's). Each output axis is a formula in
/// one input symbol; its equation with the target, met together with the size rules, is solved
/// exactly (`SizeCondition.solve`), then checked by evaluating every size of a stated range.
enum SizeSolve {
  struct Answer {
    var symbol: String
    var equations: [String]
    var rule: EventualSet?
    /// The sizes in 1...`checkedTo` that evaluate and give the wanted output axes.
    var found: [Int]
    var checkedTo: Int
    var agrees: Bool
  }

  static func run(_ session: Session, _ argument: String) throws(EngineError) -> Report {
    let (model, wanted) = try session.target(argument)
    let g = session.graph
    guard let out = model?.outputIDs.first ?? g.outputs.first else {
      throw EngineError("there is no output to solve for", hint: "build a model first")
    }
    let dims = Array(g.tensors[out].type.shape.dropFirst())
    let symbolic = dims.indices.filter { !dims[$0].symbols.isEmpty }
    guard !symbolic.isEmpty else {
      throw EngineError(
        "the output \(g.tensors[out].type.formulaShape) does not depend on the input's size")
    }
    let targets = try parseTargets(wanted, dims: dims, symbolic: symbolic)
    let rules = try SizeRules.derive(session)
    var bySymbol: [String: [(axis: Int, target: Poly)]] = [:]
    var order: [String] = []
    for (axis, target) in targets {
      let syms = dims[axis].symbols
      guard syms.count == 1, let x = syms.first else {
        throw EngineError(
          "output axis \(axis + 1) is \(dims[axis].formula), which depends on "
            + "\(syms.sorted().joined(separator: " and ")) together",
          hint: "solve gives each input size from the output axes that depend on it alone")
      }
      if bySymbol[x] == nil { order.append(x) }
      bySymbol[x, default: []].append((axis, target))
    }
    var probe = SizeProbe(session)
    let base = try SizeRules.basePoint(
      SizeProbe.symbols(g),
      Dictionary(uniqueKeysWithValues: rules.axes.map { ($0.symbol, $0.rule) }), &probe)
    var answers: [Answer] = []
    for x in order {
      let wantedAxes = bySymbol[x] ?? []
      let axisRule = rules.axes.first { $0.symbol == x }
      var rule: EventualSet? = axisRule?.verified == true ? axisRule?.rule : nil
      var equations: [String] = []
      for (axis, target) in wantedAxes {
        guard case .poly(let f) = dims[axis] else { continue }
        equations.append("\(f) == \(target)")
        let c = SizeCondition(
          layer: "", className: "", kind: .equal(f, target, broadcast: false))
        rule = rule.flatMap { r in c.accepted(x).flatMap { r.intersection($0) } }
      }
      var end = 1024
      if let rule {
        end =
          rule.isFinite
          ? max(64, (rule.last ?? 0) + 16) : max(64, (rule.first ?? 0) + 2 * rule.period)
      }
      end = min(end, SizeScan.maxCount)
      var found: [Int] = []
      for s in 1...end {
        try Interrupt.check("solving \(x) = \(s)")
        var values = base
        values[x] = s
        let binding = try probe.binding(values)
        // The output's type from the compiled calls (no graph built per size); a replay where
        // the plan cannot say.
        let type: TensorType?
        if let planned = session.plannedType(of: out, binding) {
          type = planned
        } else {
          let ev = session.evaluate(binding)
          type =
            ev.failure == nil && out < ev.graph.tensors.count ? ev.graph.tensors[out].type : nil
        }
        guard let type else { continue }
        let got = Array(type.shape.dropFirst())
        let ok = wantedAxes.allSatisfy { axis, target in
          axis < got.count && got[axis].value != nil
            && got[axis].value == (try? target.evaluated(values)) ?? nil
        }
        if ok { found.append(s) }
      }
      let hits = Set(found)
      let agrees = rule.map { r in (1...end).allSatisfy { r.contains($0) == hits.contains($0) } }
      answers.append(
        Answer(
          symbol: x, equations: equations, rule: agrees == true ? rule : nil, found: found,
          checkedTo: end, agrees: agrees == true))
    }
    return report(g.layerName(of: out), dims, targets, answers, base)
  }

  /// `7x7` for the axes that depend on the input (or the whole non-batch shape), `same`.
  static func parseTargets(_ text: String, dims: [Dim], symbolic: [Int]) throws(EngineError)
    -> [(Int, Poly)]
  {
    if text == "same" {
      var out: [(Int, Poly)] = []
      for axis in symbolic {
        let syms = dims[axis].symbols
        guard syms.count == 1, let x = syms.first else { continue }
        out.append((axis, Poly(atom: .symbol(x))))
      }
      return out
    }
    let numbers = SizeSpec.normalized(text).split(separator: "x").map { Int($0) }
    guard !numbers.isEmpty, numbers.allSatisfy({ ($0 ?? 0) >= 1 }) else {
      throw EngineError(
        "'\(text)' is not an output size",
        hint: "write the output's sizes (solve 7x7), or solve same")
    }
    let values = numbers.compactMap { $0 }
    if values.count == symbolic.count {
      return zip(symbolic, values).map { ($0, Poly(constant: $1)) }
    }
    if values.count == dims.count {
      for (i, d) in dims.enumerated() where d.symbols.isEmpty && d.value != values[i] {
        throw EngineError("output axis \(i + 1) is always \(d.formula), not \(values[i])")
      }
      return symbolic.map { ($0, Poly(constant: values[$0])) }
    }
    throw EngineError(
      "'\(text)' gives \(values.count) sizes; the output "
        + "(\(dims.map(\.formula).joined(separator: ", "))) has \(symbolic.count) that depend on "
        + "the input",
      hint: "give one size per axis that depends on the input")
  }

  static func report(
    _ name: String, _ dims: [Dim], _ targets: [(Int, Poly)], _ answers: [Answer],
    _ base: [String: Int]
  ) -> Report {
    let shape = dims.enumerated().map { i, d in
      targets.first { $0.0 == i }.map { $0.1.description } ?? d.formula
    }
    var lines = [
      "Input sizes that give the output (None, \(shape.joined(separator: ", "))) at \(name):"
    ]
    var smallest: [String: Int] = base
    var complete = true
    for a in answers {
      let eq = a.equations.joined(separator: " and ")
      let others = base.filter { $0.key != a.symbol }.sorted { $0.key < $1.key }
        .map { "\($0.key)=\($0.value)" }
      let with = others.isEmpty ? "" : " with " + others.joined(separator: ", ")
      if let rule = a.rule {
        let first = rule.members(min(5, rule.isFinite ? a.found.count : 5))
        lines.append(
          "  \(a.symbol): \(eq), with the size rules: \(rule.described(a.symbol))"
            + (first.isEmpty
              ? "" : "  (smallest: \(first.map(String.init).joined(separator: ", ")))"))
        lines.append(
          "    checked: agrees with evaluating every \(a.symbol) = 1-\(a.checkedTo)\(with)")
      } else {
        complete = false
        let runs = SizeScan.list(runsOf(a.found))
        lines.append(
          "  \(a.symbol): \(eq); no exact rule (the derived one is incomplete). Evaluating every "
            + "\(a.symbol) = 1-\(a.checkedTo)\(with) finds: \(a.found.isEmpty ? "none" : runs)")
      }
      if let s = a.rule?.first ?? a.found.first {
        smallest[a.symbol] = s
      } else {
        smallest[a.symbol] = nil
      }
    }
    let syms = answers.map(\.symbol)
    let pairs = syms.compactMap { x in smallest[x].map { "\(x)=\($0)" } }
    if pairs.count == syms.count {
      lines.append("  smallest: " + pairs.joined(separator: ", "))
    } else {
      lines.append("  no input size gives this output" + (complete ? "" : " in the range searched"))
    }
    let json = JSONValue.fields([
      ("output", .string(name)), ("wanted", .array(shape.map { .string($0) })),
      (
        "axes",
        .array(
          answers.map { a in
            .fields([
              ("symbol", .string(a.symbol)),
              ("equations", .array(a.equations.map { .string($0) })),
              ("rule", a.rule.map { .string($0.described(a.symbol)) } ?? .null),
              (
                "smallest",
                .array(
                  (a.rule?.members(min(5, a.found.count)) ?? a.found.prefix(5).map { $0 }).map {
                    .int($0)
                  })
              ),
              ("checked_from", .int(1)), ("checked_to", .int(a.checkedTo)),
              ("found", .array(a.found.map { .int($0) })),
            ])
          })
      ),
    ])
    return Report(kind: "solve", text: lines.joined(separator: "\n"), json: json)
  }

  static func runsOf(_ sizes: [Int]) -> [ClosedRange<Int>] {
    var out: [ClosedRange<Int>] = []
    for s in sizes {
      if let last = out.last, last.upperBound == s - 1 {
        out[out.count - 1] = last.lowerBound...s
      } else {
        out.append(s...s)
      }
    }
    return out
  }
}
