import ShapeCore

/// Which input sizes a model accepts: every unknown dim of its one input set to s, for each s in
/// a range, and for the sizes that fail, the layer that rejects them (what Keras leaves you to
/// find by trying).
public struct SizeScan: Sendable {
  public enum Outcome: Hashable, Sendable {
    case evaluates
    case fails(layer: String, className: String)
  }

  public var range: ClosedRange<Int>
  /// How many unknown dims each size sets (2 for an image input: `s x s`).
  public var unknownDims: Int
  /// One outcome per size in `range`, in order.
  public var outcomes: [Outcome]

  /// The widest range scanned at once.
  public static let maxCount = 4096

  /// Parses `A-B` (1 <= A <= B, at most `maxCount` sizes).
  public static func parseRange(_ text: String) throws(EngineError) -> ClosedRange<Int> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 1, a <= b,
      b <= SizeSpec.maxDim
    else {
      throw EngineError("'\(text)' is not a range of sizes", hint: "write FROM-TO, e.g. 1-512")
    }
    guard b - a < maxCount else {
      throw EngineError("'\(text)' is \(b - a + 1) sizes; scan at most \(maxCount) at once")
    }
    return a...b
  }

  /// Evaluates the session's model at every size in `range`; `progress` hears how many sizes
  /// are done after each.
  public static func run(
    _ session: Session, range: ClosedRange<Int>, batch: Int? = nil,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(EngineError) -> SizeScan {
    let g = session.graph
    guard g.inputs.count == 1, let declared = g.declaredInputs.first else {
      throw EngineError(
        "a scan sets the unknown dims of one input; this model has \(g.inputs.count) inputs",
        hint: "evaluate chosen sizes instead: --size img=224x224 seq=100")
    }
    let unknown = declared.filter { if case .known = $0 { return false } else { return true } }
    guard !unknown.isEmpty else {
      throw EngineError(
        "the input \(g.tensors[g.inputs[0].tensor].type.kerasShape) has no unknown dims to scan",
        hint: "its size is fixed; evaluate other whole shapes with --size")
    }
    var outcomes: [Outcome] = []
    // A session that is one compiled import (inspect) runs only the calls, sharing the last
    // size's work; anything else is evaluated whole.
    var plan: ImportPlan?
    if session.events.count == 1, case .model(_, _, let p?) = session.events[0] { plan = p }
    var previous: PlanRun?
    for s in range {
      try Interrupt.check("at size \(s) of \(range.lowerBound)-\(range.upperBound)")
      defer { progress?(s - range.lowerBound + 1, range.count) }
      let size = Array(repeating: String(s), count: unknown.count).joined(separator: "x")
      let binding = try SizeSpec.parse(size + (batch.map { " batch=\($0)" } ?? ""), graph: g)
      var evaluator = Evaluator(binding: binding)
      if let plan, let run = evaluator.runCalls(plan, previous: previous) {
        previous = run
        if let f = run.failure, let e = Evaluator.error(f, plan) {
          outcomes.append(.fails(layer: e.layer ?? "?", className: e.className ?? "?"))
        } else {
          outcomes.append(.evaluates)
        }
        continue
      }
      if let outcome = session.plannedOutcome(binding) {
        outcomes.append(outcome)
        continue
      }
      if let (_, e) = session.evaluate(binding).failure {
        outcomes.append(.fails(layer: e.layer ?? "?", className: e.className ?? "?"))
      } else {
        outcomes.append(.evaluates)
      }
    }
    return SizeScan(range: range, unknownDims: unknown.count, outcomes: outcomes)
  }

  /// The sizes with each outcome, as runs of consecutive sizes.
  public func runs(_ outcome: Outcome) -> [ClosedRange<Int>] {
    var out: [ClosedRange<Int>] = []
    for (i, o) in outcomes.enumerated() where o == outcome {
      let s = range.lowerBound + i
      if let last = out.last, last.upperBound == s - 1 {
        out[out.count - 1] = last.lowerBound...s
      } else {
        out.append(s...s)
      }
    }
    return out
  }

  /// The sizes that evaluate.
  public var accepted: [Int] {
    outcomes.indices.filter { outcomes[$0] == .evaluates }.map { range.lowerBound + $0 }
  }

  /// The failing layers, in order of the first size each rejects.
  public var rejecting: [Outcome] {
    var seen: [Outcome] = []
    for o in outcomes where o != .evaluates && !seen.contains(o) { seen.append(o) }
    return seen
  }

  /// `32-512`, or `every 8th from 8 to 512` when the accepted sizes are exactly a progression.
  public var acceptedSummary: String {
    let ok = accepted
    guard let first = ok.first, let last = ok.last else { return "none" }
    if ok.count == last - first + 1 { return first == last ? "\(first)" : "\(first)-\(last)" }
    var step = 0
    for (a, b) in zip(ok, ok.dropFirst()) { step = Checked.gcd(step, b - a) }
    if step > 1, ok.count == (last - first) / step + 1 {
      let examples = stride(from: first, through: last, by: step).prefix(3).map(String.init)
      return "every \(ordinal(step)) size from \(first) to \(last) ("
        + examples.joined(separator: ", ") + (ok.count > 3 ? ", ...)" : ")")
    }
    return Self.list(runs(.evaluates))
  }

  static func list(_ runs: [ClosedRange<Int>], limit: Int = 8) -> String {
    let shown = runs.prefix(limit).map {
      $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
    }
    return shown.joined(separator: ", ") + (runs.count > limit ? ", ... (\(runs.count) runs)" : "")
  }

  private func ordinal(_ n: Int) -> String {
    let suffix =
      (11...13).contains(n % 100)
      ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
    return "\(n)\(suffix)"
  }

  /// The report: what evaluates, and which layer rejects which sizes.
  public var text: String {
    let what = Array(repeating: "s", count: unknownDims).joined(separator: " x ")
    var lines = [
      "Sizes \(what) for s in \(range.lowerBound)-\(range.upperBound): evaluates at \(acceptedSummary)"
    ]
    for case .fails(let layer, let cls) in rejecting {
      let r = runs(.fails(layer: layer, className: cls))
      let count = r.reduce(0) { $0 + $1.count }
      lines.append(
        "  rejected by \(layer) (\(cls)): \(count) size\(count == 1 ? "" : "s"): \(Self.list(r))")
    }
    return lines.joined(separator: "\n")
  }

  /// `{"from", "to", "unknown_dims", "evaluates": [[a, b], ...], "rejected_by": [{"layer",
  /// "class_name", "sizes": [[a, b], ...]}]}`.
  public var json: String {
    func pairs(_ r: [ClosedRange<Int>]) -> String {
      "[" + r.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
    }
    let rejected = rejecting.compactMap { o -> String? in
      guard case .fails(let layer, let cls) = o else { return nil }
      return "{\"class_name\":\(JSONOutput.quoted(cls)),\"layer\":\(JSONOutput.quoted(layer)),"
        + "\"sizes\":\(pairs(runs(o)))}"
    }
    return "{\"evaluates\":\(pairs(runs(.evaluates))),\"from\":\(range.lowerBound),"
      + "\"rejected_by\":[\(rejected.joined(separator: ","))],\"to\":\(range.upperBound),"
      + "\"unknown_dims\":\(unknownDims)}"
  }
}
