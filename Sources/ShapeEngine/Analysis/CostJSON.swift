import ShapeCore

/// The `cost` object of a JSON record or layer (docs/json-output.md, docs/cost.md): each count
/// a number, or null with its formula beside it where it is one; layers have no totals fields.
public struct CostJSON: Codable, Equatable, Sendable {
  public var macs: Int?
  public var macsFormula: String?
  public var flops: Int?
  public var flopsFormula: String?
  public var activationBytes: Int?
  public var activationBytesFormula: String?
  /// False for a layer kshape has no rule for (its counts are null).
  public var counted: Bool?
  // Totals only.
  public var batch: Int?
  public var peakBytes: Int?
  public var parameterBytes: [String: Int]?
  /// Deferred weights (sized by a dim declared None): bytes by dtype as formulas.
  public var parameterBytesFormula: [String: String]?
  public var uncounted: [String]?

  enum CodingKeys: String, CodingKey {
    case macs, flops, batch, counted, uncounted
    case macsFormula = "macs_formula"
    case flopsFormula = "flops_formula"
    case activationBytes = "activation_bytes"
    case activationBytesFormula = "activation_bytes_formula"
    case peakBytes = "peak_bytes"
    case parameterBytes = "parameter_bytes"
    case parameterBytesFormula = "parameter_bytes_formula"
  }

  init(macs: Dim?, flops: Dim?, activationBytes: Dim) {
    (self.macs, macsFormula) = Self.split(macs)
    (self.flops, flopsFormula) = Self.split(flops)
    (self.activationBytes, activationBytesFormula) = Self.split(activationBytes)
  }

  /// A number, or nil with the formula when the dim is one (nil, nil when unknown).
  static func split(_ d: Dim?) -> (Int?, String?) {
    guard let d, case .poly = d else { return (nil, nil) }
    return d.value.map { ($0, nil) } ?? (nil, d.formula)
  }
}

extension JSONOutput {
  /// Adds the cost of an `apply` or `summary` record's graph: totals, and each layer's share.
  public static func addCost(_ r: inout Record, _ o: Outcome) {
    let graph: Graph
    switch o {
    case .applied(let ev, _): graph = ev.graph
    case .summary(let g, _): graph = g
    default: return
    }
    let report = CostAnalysis.run(graph)
    var totals = CostJSON(
      macs: report.total.macs, flops: report.totalFLOPs, activationBytes: report.activationBytes)
    totals.batch = report.batch
    totals.peakBytes = report.peakBytes
    var bytes: [String: Int] = [:]
    var formulas: [String: String] = [:]
    for p in report.parameters {
      let (n, formula) = CostJSON.split(p.bytes)
      if let n { bytes[p.dtype] = n }
      if let formula { formulas[p.dtype] = formula }
    }
    totals.parameterBytes = bytes
    totals.parameterBytesFormula = formulas.isEmpty ? nil : formulas
    totals.uncounted = report.uncounted
    r.cost = totals
    // `layers` lists the called layers in creation order (JSONOutput.layers).
    let called = graph.layers.indices.filter { !graph.layers[$0].calls.isEmpty }
    guard var layers = r.layers, layers.count == called.count else { return }
    for (i, l) in called.enumerated() {
      guard let cost = report.layers[l] else { continue }
      var c = CostJSON(
        macs: cost.count?.macs, flops: cost.flops, activationBytes: cost.activationBytes)
      if cost.count == nil { c.counted = false }
      layers[i].cost = c
    }
    r.layers = layers
  }
}

extension JSONOutput.Writer {
  /// A `CostJSON`, keys sorted, nil fields left out.
  mutating func cost(_ c: CostJSON) {
    var first = true
    bytes.append(UInt8(ascii: "{"))
    if let v = c.activationBytes {
      key("activation_bytes", &first)
      int(v)
    }
    if let v = c.activationBytesFormula {
      key("activation_bytes_formula", &first)
      string(v)
    }
    if let v = c.batch {
      key("batch", &first)
      int(v)
    }
    if let v = c.counted {
      key("counted", &first)
      bytes += Array((v ? "true" : "false").utf8)
    }
    if let v = c.flops {
      key("flops", &first)
      int(v)
    }
    if let v = c.flopsFormula {
      key("flops_formula", &first)
      string(v)
    }
    if let v = c.macs {
      key("macs", &first)
      int(v)
    }
    if let v = c.macsFormula {
      key("macs_formula", &first)
      string(v)
    }
    if let v = c.parameterBytes {
      key("parameter_bytes", &first)
      bytes.append(UInt8(ascii: "{"))
      for (i, (k, n)) in v.sorted(by: { $0.key < $1.key }).enumerated() {
        if i > 0 { bytes.append(UInt8(ascii: ",")) }
        string(k)
        bytes.append(UInt8(ascii: ":"))
        int(n)
      }
      bytes.append(UInt8(ascii: "}"))
    }
    if let v = c.parameterBytesFormula {
      key("parameter_bytes_formula", &first)
      bytes.append(UInt8(ascii: "{"))
      for (i, (k, f)) in v.sorted(by: { $0.key < $1.key }).enumerated() {
        if i > 0 { bytes.append(UInt8(ascii: ",")) }
        string(k)
        bytes.append(UInt8(ascii: ":"))
        string(f)
      }
      bytes.append(UInt8(ascii: "}"))
    }
    if let v = c.peakBytes {
      key("peak_bytes", &first)
      int(v)
    }
    if let v = c.uncounted {
      key("uncounted", &first)
      array(v) { $0.string($1) }
    }
    bytes.append(UInt8(ascii: "}"))
  }
}
