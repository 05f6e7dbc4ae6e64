import ShapeCore

/// A set of sizes 1, 2, 3, ... that is periodic from some size on: what floor and ceil formulas
/// accept. Sizes below `threshold` are listed (`prefix[s - 1]`); from `threshold` on, size s is in
/// the set when `cycle[(s - threshold) % period]` is.
public struct EventualSet: Equatable, Sendable {
  public private(set) var threshold: Int
  public private(set) var prefix: [Bool]
  public private(set) var cycle: [Bool]
  public var period: Int { cycle.count }

  /// The largest threshold and period built (a formula past them is not described as a rule).
  public static let limit = 1 << 16

  init(threshold: Int, period: Int, _ member: (Int) -> Bool) {
    self.threshold = threshold
    prefix = (1..<max(threshold, 1)).map(member)
    cycle = (threshold..<(threshold + period)).map(member)
  }

  public static let all = EventualSet(threshold: 1, period: 1) { _ in true }

  public func contains(_ s: Int) -> Bool {
    guard s >= 1 else { return false }
    if s < threshold { return prefix[s - 1] }
    return cycle[(s - threshold) % period]
  }

  /// Both sets' members (threshold the larger, period the lcm; nil past `limit`).
  public func intersection(_ other: EventualSet) -> EventualSet? {
    combined(other) { $0 && $1 }
  }

  public func union(_ other: EventualSet) -> EventualSet? { combined(other) { $0 || $1 } }

  /// The members not in `other`.
  public func subtracting(_ other: EventualSet) -> EventualSet? {
    combined(other) { $0 && !$1 }
  }

  private func combined(_ o: EventualSet, _ op: (Bool, Bool) -> Bool) -> EventualSet? {
    let t = max(threshold, o.threshold)
    guard let p = try? Checked.lcm(period, o.period), p <= Self.limit, t <= Self.limit else {
      return nil
    }
    return EventualSet(threshold: t, period: p) { op(contains($0), o.contains($0)) }.minimized()
  }

  /// The same set with the smallest period, then the smallest threshold.
  func minimized() -> EventualSet {
    var p = period
    for d in (1...period).reversed() where period % d == 0 {
      if (0..<period).allSatisfy({ cycle[$0] == cycle[$0 % d] }) { p = d }
    }
    var t = threshold
    // Move the threshold down while the size below it follows the cycle.
    while t > 1, prefix[t - 2] == cycle[Checked.floorMod(t - 1 - threshold, p)] { t -= 1 }
    let member = contains
    return EventualSet(threshold: t, period: p, member)
  }

  /// The smallest member, if any.
  public var first: Int? {
    if let i = prefix.firstIndex(of: true) { return i + 1 }
    return cycle.firstIndex(of: true).map { threshold + $0 }
  }

  /// The largest member of a finite set.
  public var last: Int? {
    guard isFinite else { return nil }
    return prefix.lastIndex(of: true).map { $0 + 1 }
  }

  /// The first `n` members.
  public func members(_ n: Int) -> [Int] {
    var out: [Int] = []
    var s = 1
    guard prefix.contains(true) || cycle.contains(true) else { return [] }
    while out.count < n, s <= threshold + period || !isFinite {
      if contains(s) { out.append(s) }
      s += 1
    }
    return out
  }

  public var isEmpty: Bool { !prefix.contains(true) && !cycle.contains(true) }
  public var isAll: Bool { !prefix.contains(false) && !cycle.contains(false) }
  /// Finitely many members (none from the threshold on).
  public var isFinite: Bool { !cycle.contains(true) }

  /// The set in words, for a size named `x`: `x >= 32 and x % 32 == 0`, `x in {4, 5}`, `none`.
  public func described(_ x: String) -> String {
    if isEmpty { return "no size" }
    if isAll { return "every size" }
    if isFinite {
      let all = (1..<threshold).filter(contains)
      if all.count == 1 { return "\(x) = \(all[0])" }
      if let a = all.first, let b = all.last, all.count == b - a + 1 {
        return "\(a) <= \(x) <= \(b)"
      }
      return "\(x) in {\(all.map(String.init).joined(separator: ", "))}"
    }
    // From the first member m on, membership by residue alone?
    let m = first ?? 1
    let p = period
    let residues = (0..<p).filter { r in contains(Self.atLeast(max(threshold, m), residue: r, p)) }
    let periodicFromM = (m..<max(threshold, m) + p).allSatisfy {
      contains($0) == residues.contains($0 % p)
    }
    if periodicFromM {
      var parts: [String] = []
      if p == 1 || m > residues.map({ r in Self.atLeast(1, residue: r, p) }).min() ?? 1 {
        parts.append("\(x) >= \(m)")
      }
      if p > 1 { parts.append(Self.congruence(x, residues, p)) }
      return parts.joined(separator: " and ")
    }
    // Otherwise: the listed sizes below the threshold, then the periodic rule.
    let below = (1..<threshold).filter(contains)
    let tail = (0..<p).filter { r in contains(Self.atLeast(threshold, residue: r, p)) }
    let rule =
      p == 1
      ? "\(x) >= \(threshold)" : "\(x) >= \(threshold) and \(Self.congruence(x, tail, p))"
    return "\(x) in {\(below.map(String.init).joined(separator: ", "))} or \(rule)"
  }

  /// The smallest size >= `from` with `size % p == r`.
  static func atLeast(_ from: Int, residue r: Int, _ p: Int) -> Int {
    from + Checked.floorMod(r - from, p)
  }

  static func congruence(_ x: String, _ residues: [Int], _ p: Int) -> String {
    if residues.count == 1 { return "\(x) % \(p) == \(residues[0])" }
    if residues.count == p - 1, let missing = (0..<p).first(where: { !residues.contains($0) }) {
      return "\(x) % \(p) != \(missing)"
    }
    return "\(x) % \(p) in {\(residues.map(String.init).joined(separator: ", "))}"
  }
}
