import LayerCatalog
import ShapeCore

extension CostReport {
  /// The totals over the counted layers, parameter memory, and the peak of live activations.
  mutating func summarize(_ graph: Graph) {
    do throws(ArithmeticOverflow) {
      for cost in layers.values {
        if let n = cost.count { total = try total + n }
        activationBytes = try activationBytes + cost.activationBytes
      }
    } catch {
      overflowed = true
    }
    if overflowed { total = Count(macs: .unknown, other: .unknown) }
    // A batch the inputs fix (`batch_size=8`, `apply ... batch=8`) is the one counted at.
    if let fixed = graph.inputs.lazy.compactMap({ graph.tensors[$0.tensor].type.shape.first?.value }
    )
    .first {
      batch = fixed
    }
    parameters = Self.parameterMemory(graph)
    peakBytes = Self.peak(graph, self)
  }

  /// Parameters and their bytes per variable dtype, over the called layers: formulas where a
  /// layer's weights are deferred (sized by a dim declared None).
  static func parameterMemory(_ graph: Graph) -> [(dtype: String, count: Dim, bytes: Dim)] {
    var byDType: [String: (count: Dim, bytes: Dim)] = [:]
    for node in graph.layers where !node.calls.isEmpty {
      let params = node.params
      let n = params.formulas?.total ?? .known(params.total)
      if n == .known(0) { continue }
      let dtype = node.policy.variableDType
      let old = byDType[dtype.name, default: (.known(0), .known(0))]
      byDType[dtype.name] = (
        (try? old.count + n) ?? .unknown, (try? old.bytes + n * dtype.byteSize) ?? .unknown
      )
    }
    return byDType.sorted { $0.key < $1.key }.map { ($0.key, $0.value.count, $0.value.bytes) }
  }

  /// The largest sum of live tensors along the execution order: the calls in the order they
  /// were made (tensor ids grow with time); a tensor is live from its call until its last
  /// consumer has run, the graph's outputs until the end. O(calls + tensors).
  static func peak(_ graph: Graph, _ report: CostReport) -> Int? {
    var calls: [LayerCall] = []
    for node in graph.layers { calls += node.calls }
    calls.sort { ($0.outputs.first ?? -1) < ($1.outputs.first ?? -1) }
    var lastUse: [Int: Int] = [:]
    for (i, call) in calls.enumerated() {
      for t in call.inputs { lastUse[t] = i }
    }
    let kept = Set(graph.outputs)
    var frees: [Int: [Int]] = [:]
    for (t, i) in lastUse where !kept.contains(t) { frees[i, default: []].append(t) }
    var bytes: [Int: Int] = [:]
    var live = 0
    var peak = 0
    for (i, call) in calls.enumerated() {
      for t in call.outputs where bytes[t] == nil {
        let type = report.sized(graph.tensors[t].type)
        guard let n = (try? Dim.product(type.shape))?.value,
          case (let b, false) = n.multipliedReportingOverflow(by: type.dtype.byteSize),
          case (let sum, false) = live.addingReportingOverflow(b)
        else { return nil }
        bytes[t] = b
        live = sum
      }
      peak = max(peak, live)
      for t in frees[i] ?? [] { live -= bytes[t] ?? 0 }
      // An output nothing reads and the graph does not return (an unused state) dies at once.
      for t in call.outputs where lastUse[t] == nil && !kept.contains(t) {
        live -= bytes.removeValue(forKey: t) ?? 0
      }
    }
    return peak
  }
}
