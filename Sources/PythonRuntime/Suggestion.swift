/// "Did you mean ...?" as CPython 3.11 finds it (Python/suggestions.c): the closest name by a
/// Levenshtein distance where a case change costs 1 and any other edit 2, at most a third of the
/// characters changed; NameError looks in the locals first, then the globals, then the builtins.
enum Suggestion {
  static let moveCost = 2
  static let maxStringSize = 40

  /// The closest name of the first tier that has one.
  static func closest(to wrong: String, inTiers tiers: [[String]]) -> String? {
    for tier in tiers {
      if let found = closest(to: wrong, in: tier) { return found }
    }
    return nil
  }

  static func closest(to wrong: String, in candidates: [String]) -> String? {
    var best: String?
    var bestDistance = Int.max
    let wrongChars = Array(wrong.utf8)
    var seen: Set<String> = []
    for candidate in candidates where candidate != wrong && seen.insert(candidate).inserted {
      let candidateChars = Array(candidate.utf8)
      var maxDistance = (wrongChars.count + candidateChars.count + 3) * moveCost / 6
      maxDistance = min(maxDistance, bestDistance - 1)
      let distance = levenshtein(wrongChars, candidateChars, maxCost: maxDistance)
      if distance > maxDistance { continue }
      if best == nil || distance < bestDistance {
        best = candidate
        bestDistance = distance
      }
    }
    return best
  }

  static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
    if a & 31 != b & 31 { return moveCost }
    if a == b { return 0 }
    let lower = { (c: UInt8) -> UInt8 in (65...90).contains(c) ? c + 32 : c }
    return lower(a) == lower(b) ? 1 : moveCost
  }

  static func levenshtein(_ x: [UInt8], _ y: [UInt8], maxCost: Int) -> Int {
    var a = x[...]
    var b = y[...]
    while let f = a.first, let g = b.first, f == g {
      a = a.dropFirst()
      b = b.dropFirst()
    }
    while let f = a.last, let g = b.last, f == g {
      a = a.dropLast()
      b = b.dropLast()
    }
    if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
    if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
    if b.count < a.count { swap(&a, &b) }
    if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
    // CPython's one-row dynamic programme, step for step (its ties decide the suggestion).
    let aa = Array(a)
    let bb = Array(b)
    var buffer = (1...aa.count).map { $0 * moveCost }
    var result = 0
    for bIndex in 0..<bb.count {
      var distance = bIndex * moveCost
      result = distance
      var minimum = Int.max
      for index in 0..<aa.count {
        let substitute = distance + substitutionCost(bb[bIndex], aa[index])
        distance = buffer[index]
        let insertDelete = min(result, distance) + moveCost
        result = min(insertDelete, substitute)
        buffer[index] = result
        minimum = min(minimum, result)
      }
      if minimum > maxCost { return maxCost + 1 }
    }
    return result
  }
}
