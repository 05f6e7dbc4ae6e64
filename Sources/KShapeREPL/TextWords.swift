extension REPL {
  /// The words of `text` that `withCommandTypo` could take as a piece's first word and that
  /// `keep` keeps: each longest run of letters and `_` (a piece of the text starts at a token,
  /// so its first word is one of these runs), three characters or more. The typo check asks the
  /// session's names only about these, at the cost of the text, not of every name.
  static func words(of text: String, where keep: (String) -> Bool = { _ in true }) -> Set<String> {
    var words = Set<String>()
    func take(_ word: String) { if keep(word) { words.insert(word) } }
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII (nearly every line): the runs are found in the bytes, a string made only for a
      // run long enough.
      var start: String.Index?
      var length = 0
      for i in utf8.indices {
        let b = utf8[i]
        if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F {
          if start == nil { start = i }
          length += 1
          continue
        }
        if let s = start, length >= 3 { take(String(text[s..<i])) }
        (start, length) = (nil, 0)
      }
      if let s = start, length >= 3 { take(String(text[s...])) }
      return words
    }
    var word = ""
    for ch in text {
      if ch.isLetter || ch == "_" {
        word.append(ch)
        continue
      }
      if word.count >= 3 { take(word) }
      word = ""
    }
    if word.count >= 3 { take(word) }
    return words
  }
}
