/// Keras's per-prefix name counters (`dense`, `dense_1`, ...). The counters of the prefixes used
/// last are kept in a short list found by comparing the prefixes (a run of layers of a few
/// classes takes each name without hashing its prefix); the others in a dictionary.
struct NameCounters: Sendable {
  /// At most `recentCount` prefixes, each with its counter (the dictionary holds none of them).
  private var recent: [(prefix: String, count: Int)] = []
  private var others: [String: Int] = [:]
  /// How many prefixes the list keeps: a model's classes are usually fewer.
  static let recentCount = 8

  init() {}

  init(_ counters: [String: Int]) { others = counters }

  /// The counters as one dictionary.
  var dictionary: [String: Int] {
    var all = others
    for r in recent { all[r.prefix] = r.count }
    return all
  }

  /// The counter of `prefix` (0 when it has taken no name).
  subscript(_ prefix: String) -> Int {
    if let i = recentIndex(prefix) { return recent[i].count }
    return others[prefix] ?? 0
  }

  /// The counter of `prefix`, moved on by one: the number the name takes.
  mutating func take(_ prefix: String) -> Int {
    if let i = recentIndex(prefix) {
      defer { recent[i].count += 1 }
      return recent[i].count
    }
    let n = others.removeValue(forKey: prefix) ?? 0
    if recent.count == Self.recentCount {
      let oldest = recent.removeFirst()
      others[oldest.prefix] = oldest.count
    }
    recent.append((prefix, n + 1))
    return n
  }

  /// Moves the counter of `prefix` on by `n`.
  mutating func add(_ n: Int, to prefix: String) {
    if let i = recentIndex(prefix) {
      recent[i].count += n
    } else {
      others[prefix, default: 0] += n
    }
  }

  /// The place of `prefix` in the list, searched from the prefix used last.
  private func recentIndex(_ prefix: String) -> Int? {
    var i = recent.count - 1
    while i >= 0 {
      if recent[i].prefix == prefix { return i }
      i -= 1
    }
    return nil
  }
}
