/// What a Tab press does to the line, decided from the text before the cursor and the
/// candidates the completion function returned. Pure, so it is tested without a terminal.
///
/// The word being completed is the longest suffix of the text that matches (ignoring case)
/// the start of every candidate; completing replaces that word, so `conv` + `Conv2D` gives
/// `Conv2D`, not `convConv2D`.
enum CompletionPlan: Equatable {
  /// No candidates: beep.
  case noMatch
  /// The word is already as complete as the candidates allow, and there is one candidate.
  case unchanged
  /// Delete `deleting` Unicode scalars before the cursor, then insert `insert`.
  case replace(deleting: Int, insert: String)
  /// Several candidates share nothing more than what is typed: show them.
  case list([String])

  init(textBeforeCursor text: String, candidates rawCandidates: [String]) {
    var seen = Set<String>()
    let candidates = rawCandidates.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard let first = candidates.first else {
      self = .noMatch
      return
    }
    let typedLength = candidates.map { Self.overlap(text, $0) }.min() ?? 0
    let typed = String(text.suffix(typedLength))
    let target = candidates.count == 1 ? first : Self.longestCommonPrefix(candidates)
    guard target.count > typed.count else {
      self = candidates.count == 1 ? .unchanged : .list(candidates)
      return
    }
    if target.hasPrefix(typed) {
      self = .replace(deleting: 0, insert: String(target.dropFirst(typed.count)))
    } else {
      self = .replace(deleting: typed.unicodeScalars.count, insert: target)
    }
  }

  /// The length in characters of the longest suffix of `text` that equals, ignoring case, a
  /// prefix of `candidate`.
  static func overlap(_ text: String, _ candidate: String) -> Int {
    let textChars = Array(text)
    let candidateChars = Array(candidate)
    var length = min(textChars.count, candidateChars.count)
    while length > 0 {
      let suffix = String(textChars[(textChars.count - length)...])
      let prefix = String(candidateChars[..<length])
      if suffix.lowercased() == prefix.lowercased() {
        return length
      }
      length -= 1
    }
    return 0
  }

  /// The longest string every one of `strings` starts with (case-sensitive, by character).
  static func longestCommonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map(Array.init) else { return "" }
    for string in strings.dropFirst() {
      let chars = Array(string)
      var count = 0
      while count < min(prefix.count, chars.count) && prefix[count] == chars[count] {
        count += 1
      }
      prefix.removeSubrange(count...)
    }
    return String(prefix)
  }

  /// Lays `items` out in columns down-then-across, like `ls`, within `width` characters.
  /// Returns the rows without trailing spaces; one column when an item is wider than `width`.
  static func columns(_ items: [String], width: Int) -> [String] {
    guard !items.isEmpty else { return [] }
    let gap = 2
    let cellWidth = (items.map(\.count).max() ?? 0) + gap
    let columnCount = max(1, (width + gap) / cellWidth)
    let rowCount = (items.count + columnCount - 1) / columnCount
    return (0..<rowCount).map { row in
      var line = ""
      for column in 0..<columnCount {
        let index = column * rowCount + row
        guard index < items.count else { break }
        let item = items[index]
        line += item
        line += String(repeating: " ", count: cellWidth - item.count)
      }
      while line.last == " " {
        line.removeLast()
      }
      return line
    }
  }
}
