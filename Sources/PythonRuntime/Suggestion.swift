/// "Did you mean ...?" as CPython 3.11 finds it: the closest name by a Levenshtein distance where
/// a case change costs 1 and any other edit 2, within a bound that grows with the names' length.
enum Suggestion {
  static func closest(to wrong: String, in candidates: [String]) -> String? {
    var best: String?
    var bestDistance = Int.max
    let wrongChars = Array(wrong)
    for candidate in Set(candidates).sorted() where candidate != wrong {
      var maxDistance = (candidate.count + wrongChars.count + 3) * 2 / 6
      maxDistance = min(maxDistance, bestDistance - 1)
      let distance = levenshtein(wrongChars, Array(candidate), cap: maxDistance)
      if distance <= maxDistance && distance < bestDistance {
        best = candidate
        bestDistance = distance
      }
    }
    return best
  }

  static func levenshtein(_ a: [Character], _ b: [Character], cap: Int) -> Int {
    if a.count > 40 || b.count > 40 { return cap + 1 }
    if abs(a.count - b.count) * 2 > cap { return cap + 1 }
    var previous = (0...b.count).map { $0 * 2 }
    for i in 1...max(1, a.count) where !a.isEmpty {
      var current = [i * 2] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution: Int
        if a[i - 1] == b[j - 1] {
          substitution = 0
        } else if a[i - 1].lowercased() == b[j - 1].lowercased() {
          substitution = 1
        } else {
          substitution = 2
        }
        current[j] = min(previous[j] + 2, current[j - 1] + 2, previous[j - 1] + substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}
