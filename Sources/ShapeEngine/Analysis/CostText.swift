import LayerCatalog
import ShapeCore

/// The cost columns and totals lines of `summary --cost` and `apply SIZE --cost`.
extension CostReport {
  static let columnHeaders = ["MACs", "Activations"]

  /// The MACs and activation memory of some layers (a row: one layer, or a folded model).
  func cells(_ rows: some Sequence<Int>) -> [String] {
    var macs = Dim.known(0)
    var bytes = Dim.known(0)
    var counted = true
    for l in rows {
      guard let cost = layers[l] else { continue }
      if let n = cost.count { macs = (try? macs + n.macs) ?? .unknown } else { counted = false }
      bytes = (try? bytes + cost.activationBytes) ?? .unknown
    }
    return [counted ? Self.number(macs) : "not counted", Self.bytes(bytes)]
  }

  /// The totals under the table.
  public var text: String {
    var lines = [
      " Total MACs: \(Self.number(total.macs, short: true))",
      " Total FLOPs: \(Self.number(totalFLOPs, short: true))",
      " Activation memory (batch \(batch)): \(Self.bytes(activationBytes)) in all, peak "
        + (peakBytes.map { readableBytes(Double($0)) }
          ?? (overflowed ? "too large to count" : "known at a size (apply SIZE --cost)")),
    ]
    let params = parameters.map {
      "\(Self.number($0.count)) \($0.dtype) (\(Self.bytes($0.bytes)))"
    }
    lines.append(" Parameter memory: " + (params.isEmpty ? "none" : params.joined(separator: ", ")))
    if total.macs == .unknown || totalFLOPs == .unknown {
      lines.append(
        overflowed
          ? " note: a count does not fit in 64 bits"
          : " note: a dim is None (unknown) where the count needs it: apply a size to count")
    }
    if !uncounted.isEmpty {
      let shown = uncounted.prefix(8).joined(separator: ", ")
      lines.append(
        " not counted (no rule in kshape): \(shown)"
          + (uncounted.count > 8 ? " and \(uncounted.count - 8) more" : ""))
    }
    return lines.joined(separator: "\n")
  }

  /// A count: the number with its digits grouped (and `(4.09 G)` with `short`), the formula,
  /// or `unknown`.
  static func number(_ d: Dim, short: Bool = false) -> String {
    guard case .poly = d else { return "unknown" }
    guard let n = d.value else { return d.formula }
    guard short, n >= 1000 else { return groupedDigits(n) }
    var x = Double(n)
    var unit = ""
    for u in ["K", "M", "G", "T", "P"] where x >= 1000 {
      x /= 1000
      unit = u
    }
    return "\(groupedDigits(n)) (\(formatFixed2(x)) \(unit))"
  }

  /// Bytes: readable when a number, `4*H*W B` as a formula, or `unknown`.
  static func bytes(_ d: Dim) -> String {
    guard case .poly = d else { return "unknown" }
    guard let n = d.value else { return d.formula + " B" }
    return readableBytes(Double(n))
  }
}
